/**
 * A short list of well-known providers for the first-run welcome. The endpoints feature owns the
 * full preset catalogue; this only names base URLs people otherwise have to look up.
 */
export interface ProviderPreset {
  id: string;
  name: string;
  baseURL: string;
  note: string;
}

export const WELCOME_PRESETS: ProviderPreset[] = [
  { id: 'openai', name: 'OpenAI', baseURL: 'https://api.openai.com/v1', note: 'API key' },
  { id: 'openrouter', name: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', note: 'API key' },
  { id: 'ollama', name: 'Ollama', baseURL: 'http://localhost:11434/v1', note: 'local' },
  { id: 'lmstudio', name: 'LM Studio', baseURL: 'http://localhost:1234/v1', note: 'local' },
  { id: 'vllm', name: 'vLLM', baseURL: 'http://localhost:8000/v1', note: 'local' },
  { id: 'llamacpp', name: 'llama.cpp', baseURL: 'http://localhost:8080/v1', note: 'local' },
];
