/**
 * Code that sends exactly the body the app would send next. The API key is always an environment
 * variable; custom header values are never written either, only their names (values come from
 * environment variables too). Every value from the conversation is emitted as a quoted literal.
 */
import type { WireChatRequest } from '../openai/wire';

export type SnippetLanguage = 'curl' | 'python' | 'javascript' | 'fetch';
export const KEY_ENV = 'OPENAI_API_KEY';

export interface SnippetInput {
  baseURL: string;
  body: WireChatRequest;
  /** Names of the endpoint's custom headers (values are never passed in). */
  headerNames: readonly string[];
}

export interface Snippet {
  language: SnippetLanguage;
  /** The `data-language` of the test contract: fetch is JavaScript too. */
  family: 'curl' | 'python' | 'javascript';
  label: string;
  filename: string;
  code: string;
}

/** Parameters the Python SDK takes as keyword arguments; anything else goes in extra_body. */
const PY_KWARGS = new Set([
  'model',
  'messages',
  'audio',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'max_completion_tokens',
  'max_tokens',
  'metadata',
  'modalities',
  'n',
  'parallel_tool_calls',
  'prediction',
  'presence_penalty',
  'reasoning_effort',
  'response_format',
  'safety_identifier',
  'seed',
  'service_tier',
  'stop',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'user',
]);

function headers(names: readonly string[]): { name: string; env: string }[] {
  return names
    .map((n) => n.trim())
    .filter((n) => /^[A-Za-z0-9-]+$/.test(n))
    .map((name) => ({ name, env: name.toUpperCase().replace(/-/g, '_') }));
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
const url = (base: string): string => `${base.replace(/\/+$/, '')}/chat/completions`;

export function py(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${py(v, inner)}`).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${py(v, inner)}`).join(',\n')},\n${indent}}`;
}

function curl({ baseURL, body, headerNames }: SnippetInput): string {
  const lines = [
    `# Run with ${KEY_ENV} set in your environment.`,
    `curl ${shellQuote(url(baseURL))} \\`,
    `  --fail-with-body \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "Authorization: Bearer $${KEY_ENV}" \\`,
    ...headers(headerNames).map((h) => `  -H "${h.name}: $${h.env}" \\`),
    ...(body.stream === true ? ['  --no-buffer \\'] : []),
    `  --data-binary @- <<'REQUEST_BODY'`,
    JSON.stringify(body, null, 2),
    'REQUEST_BODY',
  ];
  return lines.join('\n') + '\n';
}

function python({ baseURL, body, headerNames }: SnippetInput): string {
  const kwargs: string[] = [];
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (PY_KWARGS.has(k)) kwargs.push(`    ${k}=${py(v, '    ')},`);
    else extra[k] = v;
  }
  if (Object.keys(extra).length > 0) kwargs.push(`    extra_body=${py(extra, '    ')},`);
  const hs = headers(headerNames);
  const defaultHeaders =
    hs.length > 0
      ? [`    default_headers={${hs.map((h) => `${JSON.stringify(h.name)}: os.environ[${JSON.stringify(h.env)}]`).join(', ')}},`]
      : [];
  const output =
    body.stream === true
      ? [
          'for chunk in response:',
          '    if chunk.choices and chunk.choices[0].delta.content:',
          '        print(chunk.choices[0].delta.content, end="", flush=True)',
          'print()',
        ]
      : ['print(response.choices[0].message.content)'];
  return (
    [
      `# pip install openai  ·  run with ${KEY_ENV} set in your environment`,
      'import os',
      '',
      'from openai import OpenAI',
      '',
      'client = OpenAI(',
      `    base_url=${JSON.stringify(baseURL)},`,
      `    api_key=os.environ[${JSON.stringify(KEY_ENV)}],`,
      ...defaultHeaders,
      ')',
      '',
      'response = client.chat.completions.create(',
      ...kwargs,
      ')',
      ...output,
    ].join('\n') + '\n'
  );
}

function javascript({ baseURL, body, headerNames }: SnippetInput): string {
  const hs = headers(headerNames);
  const defaultHeaders =
    hs.length > 0 ? [`  defaultHeaders: { ${hs.map((h) => `${JSON.stringify(h.name)}: process.env.${h.env}`).join(', ')} },`] : [];
  const output =
    body.stream === true
      ? [
          'for await (const chunk of response) {',
          "  process.stdout.write(chunk.choices[0]?.delta?.content ?? '');",
          '}',
          "process.stdout.write('\\n');",
        ]
      : ['console.log(response.choices[0]?.message.content);'];
  return (
    [
      `// npm install openai  ·  run with ${KEY_ENV} set (node request.mjs). In TypeScript, type body as`,
      '// OpenAI.Chat.ChatCompletionCreateParams.',
      "import OpenAI from 'openai';",
      '',
      'const client = new OpenAI({',
      `  baseURL: ${JSON.stringify(baseURL)},`,
      `  apiKey: process.env.${KEY_ENV},`,
      ...defaultHeaders,
      '});',
      '',
      `const body = ${JSON.stringify(body, null, 2)};`,
      '',
      'const response = await client.chat.completions.create(body);',
      ...output,
    ].join('\n') + '\n'
  );
}

function fetchSnippet({ baseURL, body, headerNames }: SnippetInput): string {
  const hs = headers(headerNames).map((h) => `    ${JSON.stringify(h.name)}: process.env.${h.env},`);
  const output =
    body.stream === true
      ? [
          '// Server-sent events, printed as they arrive.',
          'const decoder = new TextDecoder();',
          'for await (const piece of response.body) process.stdout.write(decoder.decode(piece, { stream: true }));',
        ]
      : ['console.log(JSON.stringify(await response.json(), null, 2));'];
  return (
    [
      `// Node 18+ (node request.mjs) with ${KEY_ENV} set; no dependencies.`,
      `const body = ${JSON.stringify(body, null, 2)};`,
      '',
      `const response = await fetch(${JSON.stringify(url(baseURL))}, {`,
      "  method: 'POST',",
      '  headers: {',
      "    'Content-Type': 'application/json',",
      `    Authorization: \`Bearer \${process.env.${KEY_ENV}}\`,`,
      ...hs,
      '  },',
      '  body: JSON.stringify(body),',
      '});',
      'if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);',
      ...output,
    ].join('\n') + '\n'
  );
}

export function snippets(input: SnippetInput): Snippet[] {
  return [
    { language: 'curl', family: 'curl', label: 'curl', filename: 'request.sh', code: curl(input) },
    { language: 'python', family: 'python', label: 'Python', filename: 'request.py', code: python(input) },
    { language: 'javascript', family: 'javascript', label: 'JavaScript', filename: 'request.mjs', code: javascript(input) },
    { language: 'fetch', family: 'javascript', label: 'fetch', filename: 'request-fetch.mjs', code: fetchSnippet(input) },
  ];
}
