/**
 * Which provider's prices and model facts apply to an endpoint profile: from its preset, else from
 * its host. Local servers (and the reference endpoint) run on the person's machine and cost nothing
 * unless the person sets a price. Pure.
 */
import { isAzureHost } from './endpoints';

export type HostedProvider = 'openai' | 'azure' | 'openrouter' | 'groq' | 'together' | 'mistral' | 'deepseek' | 'fireworks' | 'xai';
export type ProviderId = HostedProvider | 'local' | 'unknown';

export const HOSTED_PROVIDERS: readonly HostedProvider[] = [
  'openai',
  'azure',
  'openrouter',
  'groq',
  'together',
  'mistral',
  'deepseek',
  'fireworks',
  'xai',
];

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  openrouter: 'OpenRouter',
  groq: 'Groq',
  together: 'Together',
  mistral: 'Mistral',
  deepseek: 'DeepSeek',
  fireworks: 'Fireworks',
  xai: 'xAI',
  local: 'a local server',
  unknown: 'an unknown provider',
};

const LOCAL_PRESETS = new Set(['reference', 'ollama', 'lmstudio', 'vllm', 'llamacpp']);

const HOSTS: readonly [RegExp, HostedProvider][] = [
  [/(^|\.)api\.openai\.com$/, 'openai'],
  [/(^|\.)openrouter\.ai$/, 'openrouter'],
  [/(^|\.)groq\.com$/, 'groq'],
  [/(^|\.)together\.(xyz|ai)$/, 'together'],
  [/(^|\.)mistral\.ai$/, 'mistral'],
  [/(^|\.)deepseek\.com$/, 'deepseek'],
  [/(^|\.)fireworks\.ai$/, 'fireworks'],
  [/(^|\.)x\.ai$/, 'xai'],
];

function isLocalAddress(hostname: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|[\w-]+\.local)$/i.test(
    hostname,
  );
}

/**
 * The provider of a profile. A preset says it outright (the OpenAI preset pointed at a proxy still
 * bills as OpenAI); otherwise the host does. The reference endpoint has an empty base URL (it
 * follows the page), so an empty or relative URL is local too.
 */
export function providerOf(endpoint: { baseURL: string; presetId?: string }): ProviderId {
  const preset = endpoint.presetId;
  if (preset && (HOSTED_PROVIDERS as readonly string[]).includes(preset)) return preset as HostedProvider;
  if (preset && LOCAL_PRESETS.has(preset)) return 'local';
  let host: string;
  try {
    host = new URL(endpoint.baseURL).hostname.toLowerCase();
  } catch {
    return 'local';
  }
  if (isAzureHost(host)) return 'azure';
  for (const [re, id] of HOSTS) if (re.test(host)) return id;
  return isLocalAddress(host) ? 'local' : 'unknown';
}
