/**
 * Normalises what people paste as a base URL: trims, drops trailing slashes and a pasted
 * `/chat/completions` suffix, so `{baseURL}/chat/completions` is always the right address.
 */
export function normalizeBaseURL(input: string): string {
  let url = input.trim();
  url = url.replace(/\/+$/, '');
  url = url.replace(/\/chat\/completions$/i, '');
  url = url.replace(/\/+$/, '');
  return url;
}

export function hostLabel(baseURL: string): string {
  try {
    return new URL(baseURL).host || baseURL;
  } catch {
    return baseURL;
  }
}
