// OpenAI-shaped error bodies, and the exception used to short-circuit a request with one.

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly type = 'invalid_request_error',
  ) {
    super(message);
  }

  toBody(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export const invalid = (param: string, message: string, code = 'invalid_value'): ApiError => new ApiError(400, message, param, code);

export const missing = (param: string): ApiError =>
  new ApiError(400, `Missing required parameter: '${param}'.`, param, 'missing_required_parameter');

export const modelNotFound = (model: string): ApiError =>
  new ApiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, null, 'model_not_found');

export const notFoundUrl = (method: string, path: string): ApiError => new ApiError(404, `Invalid URL (${method} ${path})`);

/** OpenAI shows a masked key: enough to recognise it, never the whole thing. */
export function maskKey(key: string): string {
  if (key.length <= 8) return '****';
  return `${key.slice(0, 5)}****${key.slice(-2)}`;
}

export function authError(given: string | null): ApiError {
  if (given === null) {
    return new ApiError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.",
      null,
      'invalid_api_key',
    );
  }
  return new ApiError(
    401,
    `Incorrect API key provided: ${maskKey(given)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    null,
    'invalid_api_key',
  );
}

export const rateLimitError = (seconds = 1): ApiError =>
  new ApiError(
    429,
    `Rate limit reached for requests on model ref-chat in organization org-reference on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${seconds}s.`,
    null,
    'rate_limit_exceeded',
    'requests',
  );

export const serverError = (): ApiError =>
  new ApiError(500, 'The server had an error while processing your request. Sorry about that!', null, null, 'server_error');

export const overloadedError = (): ApiError =>
  new ApiError(503, 'The engine is currently overloaded, please try again later.', null, null, 'server_error');
