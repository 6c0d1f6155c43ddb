/**
 * Base URLs as people paste them, and the presets of well-known servers. Pure: no I/O.
 *
 * The normalisation rule, so `{baseURL}/chat/completions` is always the right address:
 * 1. trim; a missing scheme becomes http:// for local hosts and https:// otherwise;
 * 2. drop a query or fragment, except Azure's `api-version` parameter, which classic deployment URLs
 *    (`/openai/deployments/NAME?api-version=…`) need; the client puts its paths before it. Azure's v1
 *    API (`/openai/v1`) needs none. A key pasted into the URL (`api-key=`, `key=`, `token=`…) is refused
 *    ({@link BaseURLAnalysis.refused}): keys live in the key store, never in an address;
 * 3. drop trailing slashes and a pasted `/chat/completions` (or `/models`) suffix;
 * 4. collapse a doubled `/v1/v1` into `/v1`;
 * 5. a bare origin (no path at all) gets `/v1`, except Azure hosts, which get `/openai/v1`, and the
 *    few hosts known to serve the API at the root (Perplexity). Any other path is left alone: many
 *    servers have a path of their own without `/v1` (`/openai/deployments/x`, `/api/v1`, `/inference/v1`).
 * Relative URLs (a same-origin proxy such as `/v1`) only get steps 3 and 4.
 */

import type { ContinueStyle } from './continue-style';

export interface BaseURLAnalysis {
  url: string;
  /** What was changed, in words, for the hint under the field. */
  changes: string[];
  /** Set when the input must not be saved as typed (a key in the query string), in words for the form. */
  refused?: string;
}

/** How the API key is sent: `Authorization: Bearer KEY` (OpenAI and most servers) or `api-key: KEY` (Azure). */
export type KeyHeader = 'authorization' | 'api-key';

/** Query parameters that carry a credential; such a URL is refused rather than stored. */
const SECRET_PARAM = /^(api[-_]?key|key|subscription[-_]?key|access[-_]?token|token|auth|authorization|secret|password|sig)$/i;

const ROOT_API_HOSTS = new Set(['api.perplexity.ai']);

function isLocalHost(host: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|[\w-]+\.local)(:\d+)?$/i.test(host);
}

export function isAzureHost(hostname: string): boolean {
  return /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/i.test(hostname);
}

function trimPath(path: string, changes: string[]): string {
  let p = path.replace(/\/+$/, '');
  const suffix = /\/(chat\/completions|models)$/i.exec(p);
  if (suffix) {
    p = p.slice(0, -suffix[0].length).replace(/\/+$/, '');
    changes.push(`removed the pasted /${suffix[1]}`);
  }
  if (/\/v1\/v1(\/|$)/i.test(p)) {
    p = p.replace(/(\/v1)+(?=\/|$)/gi, '/v1');
    changes.push('collapsed a doubled /v1');
  }
  return p;
}

export function analyzeBaseURL(input: string): BaseURLAnalysis {
  const changes: string[] = [];
  let text = input.trim();
  if (text === '') return { url: '', changes };
  if (text.startsWith('/')) {
    // A relative address: the app's own origin (a proxy). Keep it relative.
    const bare = text.split(/[?#]/)[0] ?? '';
    return { url: trimPath(bare, changes) || '/', changes };
  }
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(text)) {
    const host = text.split('/')[0] ?? '';
    const scheme = isLocalHost(host) ? 'http' : 'https';
    text = `${scheme}://${text}`;
    changes.push(`added ${scheme}://`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { url: text.replace(/\/+$/, ''), changes };
  }
  const secret = [...url.searchParams.keys()].find((k) => SECRET_PARAM.test(k));
  if (secret !== undefined) {
    return {
      url: '',
      changes,
      refused: `The address carries a key (${secret}=…). Remove it from the URL and paste the key into the API key field instead: keys are never stored in an address.`,
    };
  }
  let path = trimPath(url.pathname, changes);
  if (path === '') {
    if (isAzureHost(url.hostname)) {
      path = '/openai/v1';
      changes.push('added /openai/v1 (Azure)');
    } else if (!ROOT_API_HOSTS.has(url.hostname)) {
      path = '/v1';
      changes.push('added /v1');
    }
  }
  // Azure's v1 API (…/openai/v1) takes no api-version; anywhere else it is kept for classic deployment URLs.
  const apiVersion = /\/openai\/v1$/i.test(path) ? null : url.searchParams.get('api-version')?.trim();
  const query = apiVersion ? `?api-version=${encodeURIComponent(apiVersion)}` : '';
  const others = [...url.searchParams.keys()].filter((k) => !(query && k === 'api-version'));
  if (others.length > 0 || url.hash !== '')
    changes.push(query ? 'kept only api-version from the query string' : 'dropped the query string');
  else if (query) changes.push('kept the api-version query (Azure); paths go before it');
  return { url: `${url.protocol}//${url.host}${path}${query}`, changes };
}

/** An Azure classic deployment URL (`…/openai/deployments/NAME`), which wants the `api-key` header. */
export function isAzureDeploymentURL(baseURL: string): boolean {
  try {
    const url = new URL(baseURL);
    return /\/openai\/deployments\/[^/]+/i.test(url.pathname) && (isAzureHost(url.hostname) || url.searchParams.has('api-version'));
  } catch {
    return false;
  }
}

/** The header that carries the key: the profile's own choice, else api-key for Azure's preset and deployment URLs. */
export function keyHeaderFor(endpoint: { baseURL: string; presetId?: string; keyHeader?: KeyHeader }): KeyHeader {
  if (endpoint.keyHeader) return endpoint.keyHeader;
  return endpoint.presetId === 'azure' || isAzureDeploymentURL(endpoint.baseURL) ? 'api-key' : 'authorization';
}

/** Whether the form offers the choice of key header: Azure profiles (by preset or host) and any profile already set to api-key. */
export function offersKeyHeaderChoice(endpoint: { baseURL: string; presetId?: string; keyHeader?: KeyHeader }): boolean {
  if (endpoint.presetId === 'azure' || endpoint.keyHeader === 'api-key' || isAzureDeploymentURL(endpoint.baseURL)) return true;
  try {
    return isAzureHost(new URL(endpoint.baseURL).hostname);
  } catch {
    return false;
  }
}

/** What {@link analyzeBaseURL} returns as the URL; see the rule at the top of this file. */
export function normalizeBaseURL(input: string): string {
  return analyzeBaseURL(input).url;
}

export function hostLabel(baseURL: string): string {
  try {
    return new URL(baseURL).host || baseURL;
  } catch {
    return baseURL;
  }
}

/** Where a CORS fix lives for each kind of local server. */
export type ServerKind = 'ollama' | 'lmstudio' | 'vllm' | 'llamacpp' | 'hosted' | 'reference' | 'unknown';

export interface EndpointPreset {
  id: string;
  name: string;
  /** Empty for the built-in reference endpoint, whose address follows the page. */
  baseURL: string;
  notes: string;
  kind: ServerKind;
  needsKey: boolean;
  /** Headers worth filling in, with placeholder values. */
  headers?: Record<string, string>;
  /** Fields the app adds on its own that this provider is known to refuse (a new profile starts with them recorded). */
  unsupported?: readonly string[];
  /** How this server continues a cut reply (see continue-style.ts); absent: 'none'. */
  continueStyle?: ContinueStyle;
}

export const ENDPOINT_PRESETS: readonly EndpointPreset[] = [
  {
    id: 'reference',
    name: 'Reference endpoint (built-in)',
    baseURL: '',
    kind: 'reference',
    needsKey: false,
    continueStyle: 'trailing-assistant',
    notes: 'Served next to the app; deterministic replies and [[...]] triggers for testing.',
  },
  {
    id: 'openai',
    name: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    kind: 'hosted',
    needsKey: true,
    notes: 'Key from platform.openai.com. Optional headers: OpenAI-Organization, OpenAI-Project.',
    headers: { 'OpenAI-Organization': '', 'OpenAI-Project': '' },
  },
  {
    id: 'azure',
    name: 'Azure OpenAI',
    baseURL: 'https://your-resource.openai.azure.com/openai/v1',
    kind: 'hosted',
    needsKey: true,
    notes:
      "Replace your-resource. The v1 API needs no api-version; a classic …/openai/deployments/NAME?api-version=… URL keeps its api-version. The key goes in the api-key header. Allow this origin in the resource's CORS settings.",
  },
  {
    id: 'openrouter',
    name: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    kind: 'hosted',
    needsKey: true,
    notes: 'Lists context length and prices per model. HTTP-Referer and X-Title name your app in their rankings.',
    headers: { 'HTTP-Referer': '', 'X-Title': '' },
  },
  {
    id: 'groq',
    name: 'Groq',
    baseURL: 'https://api.groq.com/openai/v1',
    kind: 'hosted',
    needsKey: true,
    notes: 'Key from console.groq.com.',
  },
  {
    id: 'together',
    name: 'Together AI',
    baseURL: 'https://api.together.xyz/v1',
    kind: 'hosted',
    needsKey: true,
    notes: 'Key from api.together.ai.',
  },
  {
    id: 'mistral',
    name: 'Mistral',
    baseURL: 'https://api.mistral.ai/v1',
    kind: 'hosted',
    needsKey: true,
    continueStyle: 'mistral-prefix',
    notes: 'Key from console.mistral.ai. Uses max_tokens and random_seed (set it in extra body).',
    // Its request schema forbids extra fields: `stream_options` gets a 422 `extra_forbidden`.
    unsupported: ['stream_options'],
  },
  {
    id: 'deepseek',
    name: 'DeepSeek',
    baseURL: 'https://api.deepseek.com/v1',
    kind: 'hosted',
    needsKey: true,
    continueStyle: 'deepseek-prefix',
    notes:
      'Thinking mode streams reasoning_content, wants it sent back in tool-call turns, and ignores temperature; only max_tokens limits the output. Continue (prefix completion) needs https://api.deepseek.com/beta.',
  },
  {
    id: 'fireworks',
    name: 'Fireworks',
    baseURL: 'https://api.fireworks.ai/inference/v1',
    kind: 'hosted',
    needsKey: true,
    notes: 'Model ids look like accounts/fireworks/models/….',
  },
  { id: 'xai', name: 'xAI', baseURL: 'https://api.x.ai/v1', kind: 'hosted', needsKey: true, notes: 'Key from console.x.ai.' },
  {
    id: 'ollama',
    name: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    kind: 'ollama',
    needsKey: false,
    continueStyle: 'trailing-assistant',
    notes: "Start with OLLAMA_ORIGINS set to this page's origin (or *) so the browser may call it.",
  },
  {
    id: 'lmstudio',
    name: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    kind: 'lmstudio',
    needsKey: false,
    continueStyle: 'trailing-assistant',
    notes: 'Developer tab → start the server and turn on "Enable CORS".',
  },
  {
    id: 'vllm',
    name: 'vLLM',
    baseURL: 'http://localhost:8000/v1',
    kind: 'vllm',
    needsKey: false,
    continueStyle: 'vllm',
    notes: 'Start with --allowed-origins \'["*"]\' (and --api-key if you want one).',
  },
  {
    id: 'llamacpp',
    name: 'llama.cpp server',
    baseURL: 'http://localhost:8080/v1',
    kind: 'llamacpp',
    needsKey: false,
    continueStyle: 'trailing-assistant',
    notes: 'llama-server answers CORS by default; use --host 0.0.0.0 to reach it from another machine.',
  },
];

export function findPreset(id: string | undefined): EndpointPreset | undefined {
  return id === undefined ? undefined : ENDPOINT_PRESETS.find((p) => p.id === id);
}

/**
 * How a profile continues a cut reply: its own choice, else its preset's, else 'none'. An unknown
 * server gets 'none' (ask in a new message) because it is the only style that is right everywhere:
 * a prefill sent to a server without one (OpenAI and most hosted APIs) is answered anew and the
 * two texts would be glued together, while a new message asking to continue works on any server.
 */
export function continueStyleOf(endpoint: { presetId?: string; continueStyle?: ContinueStyle }): ContinueStyle {
  return endpoint.continueStyle ?? findPreset(endpoint.presetId)?.continueStyle ?? 'none';
}

/** Guesses the kind of server from its address, for the CORS advice of a failed connection test. */
export function serverKind(baseURL: string, presetId?: string): ServerKind {
  const preset = findPreset(presetId);
  if (preset) return preset.kind;
  const port = /:(\d+)(\/|$)/.exec(baseURL.replace(/^[a-z]+:\/\//i, ''))?.[1];
  if (port === '11434') return 'ollama';
  if (port === '1234') return 'lmstudio';
  if (port === '8000') return 'vllm';
  if (port === '8080') return 'llamacpp';
  return /^https:\/\//i.test(baseURL) ? 'hosted' : 'unknown';
}

const ALL_FIXES: Record<Exclude<ServerKind, 'hosted' | 'reference' | 'unknown'>, string> = {
  ollama: 'Ollama: set OLLAMA_ORIGINS to this page\'s origin (or *) and restart it, e.g. OLLAMA_ORIGINS="*" ollama serve',
  lmstudio: 'LM Studio: Developer tab → server settings → turn on "Enable CORS", then restart the server',
  vllm: 'vLLM: start it with --allowed-origins \'["*"]\' (vllm serve MODEL --allowed-origins \'["*"]\')',
  llamacpp:
    'llama.cpp: llama-server allows CORS by default; check --host/--port, or put it behind a proxy that sends Access-Control-Allow-Origin',
};

/** The CORS fixes to show: the one for this server first, then the others in case the guess is wrong. */
export function corsFixes(kind: ServerKind): string[] {
  const all = Object.entries(ALL_FIXES) as [keyof typeof ALL_FIXES, string][];
  const mine = all.filter(([k]) => k === kind).map(([, v]) => v);
  const rest = all.filter(([k]) => k !== kind).map(([, v]) => v);
  if (kind === 'hosted') return ['A hosted API that refuses browsers needs a proxy (e.g. LiteLLM) that allows this origin.', ...rest];
  return [...mine, ...rest];
}

/**
 * Headers that carry credentials, always treated like the API key: Azure's `api-key`, the
 * `x-api-key` of Anthropic-style gateways and proxies, OpenAI's organization and project ids (OpenAI
 * repeats a wrong organization in its 401: "No such organization: …"), and the standard auth headers.
 */
export const ALWAYS_SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'openai-organization',
  'openai-project',
  'cookie',
];

/** Whether a header's value is a secret: a credential header by name, or one the person marked secret. */
export function isSecretHeader(name: string, marked: readonly string[] | undefined): boolean {
  const n = name.trim().toLowerCase();
  return ALWAYS_SECRET_HEADERS.includes(n) || (marked ?? []).some((m) => m.trim().toLowerCase() === n);
}

/** A profile's headers split into the plain ones (stored with the profile) and the secret ones (the key store's). */
export function splitHeaders(
  headers: Readonly<Record<string, string>>,
  marked: readonly string[] | undefined,
): { plain: Record<string, string>; secret: Record<string, string> } {
  const plain: Record<string, string> = {};
  const secret: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) (isSecretHeader(name, marked) ? secret : plain)[name] = value;
  return { plain, secret };
}
