/**
 * Code that sends exactly the body the app would send next. The API key is always an environment
 * variable; custom header values are never written either, only their names (values come from
 * environment variables too). Every value from the conversation is emitted as a quoted literal.
 * Azure profiles that send the key as `api-key` get that header, read from AZURE_OPENAI_API_KEY, and
 * a classic deployment URL's `?api-version=` goes after the path (SDKs: as a default query).
 */
import type { WireChatRequest } from '../openai/wire';

export type SnippetLanguage = 'curl' | 'python' | 'javascript' | 'fetch';
export const KEY_ENV = 'OPENAI_API_KEY';
export const AZURE_KEY_ENV = 'AZURE_OPENAI_API_KEY';

export interface SnippetInput {
  baseURL: string;
  body: WireChatRequest;
  /** Names of the endpoint's custom headers (values are never passed in). */
  headerNames: readonly string[];
  /** How the key is sent; 'api-key' for Azure profiles. Default 'authorization'. */
  keyHeader?: 'authorization' | 'api-key';
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
/** The base without its query, and the query's parameters (only Azure's api-version survives normalisation). */
function splitBase(baseURL: string): { base: string; query: [string, string][] } {
  const at = baseURL.indexOf('?');
  if (at < 0) return { base: baseURL, query: [] };
  return { base: baseURL.slice(0, at), query: [...new URLSearchParams(baseURL.slice(at + 1))] };
}
const url = (baseURL: string): string => {
  const at = baseURL.indexOf('?');
  const [base, query] = at < 0 ? [baseURL, ''] : [baseURL.slice(0, at), baseURL.slice(at)];
  return `${base.replace(/\/+$/, '')}/chat/completions${query}`;
};
const keyEnv = (input: SnippetInput): string => (input.keyHeader === 'api-key' ? AZURE_KEY_ENV : KEY_ENV);

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

function curl(input: SnippetInput): string {
  const { baseURL, body, headerNames } = input;
  const env = keyEnv(input);
  const lines = [
    `# Run with ${env} set in your environment.`,
    `curl ${shellQuote(url(baseURL))} \\`,
    `  --fail-with-body \\`,
    `  -H 'Content-Type: application/json' \\`,
    input.keyHeader === 'api-key' ? `  -H "api-key: $${env}" \\` : `  -H "Authorization: Bearer $${env}" \\`,
    ...headers(headerNames).map((h) => `  -H "${h.name}: $${h.env}" \\`),
    ...(body.stream === true ? ['  --no-buffer \\'] : []),
    `  --data-binary @- <<'REQUEST_BODY'`,
    JSON.stringify(body, null, 2),
    'REQUEST_BODY',
  ];
  return lines.join('\n') + '\n';
}

function python(input: SnippetInput): string {
  const { body, headerNames } = input;
  const env = keyEnv(input);
  const { base: baseURL, query } = splitBase(input.baseURL);
  const kwargs: string[] = [];
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (PY_KWARGS.has(k)) kwargs.push(`    ${k}=${py(v, '    ')},`);
    else extra[k] = v;
  }
  if (Object.keys(extra).length > 0) kwargs.push(`    extra_body=${py(extra, '    ')},`);
  const hs = headers(headerNames).map((h) => `${JSON.stringify(h.name)}: os.environ[${JSON.stringify(h.env)}]`);
  if (input.keyHeader === 'api-key') hs.unshift(`"api-key": os.environ[${JSON.stringify(env)}]`);
  const defaultHeaders = hs.length > 0 ? [`    default_headers={${hs.join(', ')}},`] : [];
  const defaultQuery =
    query.length > 0 ? [`    default_query={${query.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}},`] : [];
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
      `# pip install openai  ·  run with ${env} set in your environment`,
      'import os',
      '',
      'from openai import OpenAI',
      '',
      'client = OpenAI(',
      `    base_url=${JSON.stringify(baseURL)},`,
      `    api_key=os.environ[${JSON.stringify(env)}],`,
      ...defaultHeaders,
      ...defaultQuery,
      ')',
      '',
      'response = client.chat.completions.create(',
      ...kwargs,
      ')',
      ...output,
    ].join('\n') + '\n'
  );
}

function javascript(input: SnippetInput): string {
  const { body, headerNames } = input;
  const env = keyEnv(input);
  const { base: baseURL, query } = splitBase(input.baseURL);
  const hs = headers(headerNames).map((h) => `${JSON.stringify(h.name)}: process.env.${h.env}`);
  if (input.keyHeader === 'api-key') hs.unshift(`'api-key': process.env.${env}`);
  const defaultHeaders = hs.length > 0 ? [`  defaultHeaders: { ${hs.join(', ')} },`] : [];
  const defaultQuery =
    query.length > 0 ? [`  defaultQuery: { ${query.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} },`] : [];
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
      `// npm install openai  ·  run with ${env} set (node request.mjs). In TypeScript, type body as`,
      '// OpenAI.Chat.ChatCompletionCreateParams.',
      "import OpenAI from 'openai';",
      '',
      'const client = new OpenAI({',
      `  baseURL: ${JSON.stringify(baseURL)},`,
      `  apiKey: process.env.${env},`,
      ...defaultHeaders,
      ...defaultQuery,
      '});',
      '',
      `const body = ${JSON.stringify(body, null, 2)};`,
      '',
      'const response = await client.chat.completions.create(body);',
      ...output,
    ].join('\n') + '\n'
  );
}

function fetchSnippet(input: SnippetInput): string {
  const { baseURL, body, headerNames } = input;
  const env = keyEnv(input);
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
      `// Node 18+ (node request.mjs) with ${env} set; no dependencies.`,
      `const body = ${JSON.stringify(body, null, 2)};`,
      '',
      `const response = await fetch(${JSON.stringify(url(baseURL))}, {`,
      "  method: 'POST',",
      '  headers: {',
      "    'Content-Type': 'application/json',",
      input.keyHeader === 'api-key' ? `    'api-key': process.env.${env},` : `    Authorization: \`Bearer \${process.env.${env}}\`,`,
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
