import { describe, expect, it } from 'vitest';
import { snippets } from './snippets';

const body = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'hi' }] };
const code = (baseURL: string, keyHeader?: 'authorization' | 'api-key') =>
  Object.fromEntries(snippets({ baseURL, body, headerNames: [], ...(keyHeader ? { keyHeader } : {}) }).map((s) => [s.language, s.code]));

describe('code export for Azure profiles', () => {
  const classic = 'https://x.openai.azure.com/openai/deployments/gpt-4o?api-version=2024-10-21';

  it('sends the key as api-key from an env var, with api-version after the path', () => {
    const c = code(classic, 'api-key');
    expect(c['curl']).toContain("'https://x.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21'");
    expect(c['curl']).toContain('-H "api-key: $AZURE_OPENAI_API_KEY"');
    expect(c['fetch']).toContain('"https://x.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"');
    expect(c['fetch']).toContain("'api-key': process.env.AZURE_OPENAI_API_KEY");
    expect(c['python']).toContain('base_url="https://x.openai.azure.com/openai/deployments/gpt-4o"');
    expect(c['python']).toContain('default_headers={"api-key": os.environ["AZURE_OPENAI_API_KEY"]}');
    expect(c['python']).toContain('default_query={"api-version": "2024-10-21"}');
    expect(c['javascript']).toContain('baseURL: "https://x.openai.azure.com/openai/deployments/gpt-4o"');
    expect(c['javascript']).toContain('defaultQuery: { "api-version": "2024-10-21" }');
    for (const text of Object.values(c)) expect(text).not.toMatch(/Authorization: (Bearer|`Bearer)/);
  });

  it('leaves other profiles on Authorization: Bearer with OPENAI_API_KEY', () => {
    const c = code('https://x.openai.azure.com/openai/v1');
    expect(c['curl']).toContain('-H "Authorization: Bearer $OPENAI_API_KEY"');
    expect(c['curl']).toContain("'https://x.openai.azure.com/openai/v1/chat/completions'");
    expect(c['python']).not.toContain('default_query');
  });
});
