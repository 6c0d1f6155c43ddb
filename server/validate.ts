// Request validation with OpenAI's messages and error codes, so a client sees
// the same 400s here as it would against the real API.
import { ApiError, invalid, missing } from './errors';
import { isObject } from './types';
import type { ChatMessage, ChatRequest, ResponseFormat, ToolChoice, ToolDef } from './types';

const ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'];
const PART_TYPES = ['text', 'image_url', 'input_audio', 'file', 'refusal'];

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const badType = (param: string, expected: string, value: unknown): ApiError =>
  invalid(param, `Invalid type for '${param}': expected ${expected}, but got ${typeName(value)} instead.`, 'invalid_type');

function numberParam(body: Record<string, unknown>, param: string, min: number, max: number, integer: boolean): number | undefined {
  const value = body[param];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw badType(param, integer ? 'an integer' : 'a decimal', value);
  }
  const kind = integer ? 'integer' : 'decimal';
  if (value < min) {
    throw invalid(
      param,
      `Invalid '${param}': ${kind} below minimum value. Expected a value >= ${min}, but got ${value} instead.`,
      `${kind}_below_min_value`,
    );
  }
  if (value > max) {
    throw invalid(
      param,
      `Invalid '${param}': ${kind} above maximum value. Expected a value <= ${max}, but got ${value} instead.`,
      `${kind}_above_max_value`,
    );
  }
  return value;
}

function boolParam(body: Record<string, unknown>, param: string): boolean | undefined {
  const value = body[param];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badType(param, 'a boolean', value);
  return value;
}

function validateMessage(value: unknown, i: number): ChatMessage {
  const at = `messages[${i}]`;
  if (!isObject(value)) throw badType(at, 'an object', value);
  const role = value['role'];
  if (role === undefined) throw missing(`${at}.role`);
  if (typeof role !== 'string' || !ROLES.includes(role)) {
    throw invalid(
      `${at}.role`,
      `Invalid value: '${String(role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
    );
  }
  const content = value['content'];
  if (content === undefined || content === null) {
    if (role !== 'assistant') throw missing(`${at}.content`);
  } else if (Array.isArray(content)) {
    content.forEach((part: unknown, j) => {
      const type = isObject(part) ? part['type'] : undefined;
      if (typeof type !== 'string' || !PART_TYPES.includes(type)) {
        throw invalid(
          `${at}.content[${j}].type`,
          `Invalid value: '${String(type)}'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal', and 'file'.`,
        );
      }
    });
  } else if (typeof content !== 'string') {
    throw badType(`${at}.content`, 'one of a string or array of objects', content);
  }
  if (role === 'tool' && typeof value['tool_call_id'] !== 'string') throw missing(`${at}.tool_call_id`);
  return value as unknown as ChatMessage;
}

function validateTools(value: unknown): ToolDef[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badType('tools', 'an array', value);
  return value.map((tool: unknown, i) => {
    const fn = isObject(tool) ? tool['function'] : undefined;
    if (!isObject(fn) || typeof fn['name'] !== 'string' || fn['name'].length === 0) throw missing(`tools[${i}].function.name`);
    return tool as ToolDef;
  });
}

function validateToolChoice(value: unknown, tools: ToolDef[]): ToolChoice {
  if (value === undefined || value === null) return 'auto';
  if (tools.length === 0) {
    throw invalid('tool_choice', "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.");
  }
  if (value === 'none' || value === 'auto' || value === 'required') return value;
  if (isObject(value) && isObject(value['function']) && typeof value['function']['name'] === 'string') {
    return value as ToolChoice;
  }
  throw invalid('tool_choice', "Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or a named function.");
}

function validateResponseFormat(value: unknown): ResponseFormat | null {
  if (value === undefined || value === null) return null;
  const type = isObject(value) ? value['type'] : undefined;
  if (type !== 'text' && type !== 'json_object' && type !== 'json_schema') {
    throw invalid(
      'response_format.type',
      `Invalid value: '${String(type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`,
    );
  }
  if (type === 'json_schema') {
    const spec = isObject(value) ? value['json_schema'] : undefined;
    if (!isObject(spec)) throw missing('response_format.json_schema');
    if (typeof spec['name'] !== 'string') throw missing('response_format.json_schema.name');
  }
  return value as unknown as ResponseFormat;
}

function validateStop(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) {
    throw badType('stop', 'one of a string or array of strings', value);
  }
  if (value.length > 4) {
    throw invalid(
      'stop',
      `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${value.length} instead.`,
      'array_above_max_length',
    );
  }
  return value as string[];
}

export function validateChatRequest(body: unknown): ChatRequest {
  if (!isObject(body)) throw new ApiError(400, 'We could not parse the JSON body of your request. The body must be a JSON object.');
  const model = body['model'];
  if (model === undefined || model === null) throw missing('model');
  if (typeof model !== 'string') throw badType('model', 'a string', model);
  const messages = body['messages'];
  if (messages === undefined || messages === null) throw missing('messages');
  if (!Array.isArray(messages)) throw badType('messages', 'an array', messages);
  if (messages.length === 0) {
    throw invalid(
      'messages',
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'empty_array',
    );
  }
  const validMessages = messages.map(validateMessage);

  const temperature = numberParam(body, 'temperature', 0, 2, false);
  numberParam(body, 'top_p', 0, 1, false);
  const n = numberParam(body, 'n', 1, 128, true);
  numberParam(body, 'presence_penalty', -2, 2, false);
  numberParam(body, 'frequency_penalty', -2, 2, false);
  const maxTokens = numberParam(body, 'max_tokens', 1, Number.MAX_SAFE_INTEGER, true);
  const maxCompletion = numberParam(body, 'max_completion_tokens', 1, Number.MAX_SAFE_INTEGER, true);
  const seed = numberParam(body, 'seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true);
  const logprobs = boolParam(body, 'logprobs') ?? false;
  const topLogprobs = numberParam(body, 'top_logprobs', 0, 20, true);
  if (topLogprobs !== undefined && !logprobs) {
    throw invalid('top_logprobs', "Invalid value for 'top_logprobs': 'logprobs' must be set to true when 'top_logprobs' is provided.");
  }
  const stop = validateStop(body['stop']);
  const stream = boolParam(body, 'stream') ?? false;
  const streamOptions = body['stream_options'];
  if (streamOptions !== undefined && streamOptions !== null) {
    if (!stream) throw invalid('stream_options', "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
    if (!isObject(streamOptions)) throw badType('stream_options', 'an object', streamOptions);
  }
  const includeUsage = isObject(streamOptions) && streamOptions['include_usage'] === true;
  const parallel = boolParam(body, 'parallel_tool_calls') ?? true;
  const tools = validateTools(body['tools']);
  const toolChoice = validateToolChoice(body['tool_choice'], tools);
  const responseFormat = validateResponseFormat(body['response_format']);

  return {
    model,
    messages: validMessages,
    stream,
    includeUsage,
    n: n ?? 1,
    temperature: temperature ?? 1,
    seed: seed ?? 0,
    maxTokens: maxCompletion ?? maxTokens ?? null,
    stop: stop.filter((s) => s.length > 0),
    logprobs,
    topLogprobs: topLogprobs ?? 0,
    tools,
    toolChoice,
    parallelToolCalls: parallel,
    responseFormat,
  };
}
