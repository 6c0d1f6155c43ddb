/**
 * Validating a request body against the official OpenAI schema extract
 * (server/wire/openai-chat-schema.json, a copy of ../shared/wire; OpenAPI 3.0). The schema document is a
 * parameter so the browser can lazy-load it; the compiled validator is cached per document.
 */
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { formatErrors } from './schema-errors';
import { isArray, isRecord, setSafe } from './guards';
import type { JsonRecord } from './guards';
import { errorMessage } from '../../domain/errors';

// OpenAPI-only or annotation keywords. `format` is dropped too: ajv has no formats built in,
// and the spec's `uri` format would reject nothing we care about (data URLs are URIs).
const DROPPED = new Set([
  'nullable',
  'discriminator',
  'example',
  'examples',
  'deprecated',
  'xml',
  'externalDocs',
  'readOnly',
  'writeOnly',
  'format',
  'default',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not', 'oneOf', 'anyOf', 'allOf']);

/** One OpenAPI 3.0 Schema Object → JSON Schema (draft-07). */
export function convertSchema(node: unknown): unknown {
  if (isArray(node)) return node.map(convertSchema);
  if (!isRecord(node)) return node;
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/components/schemas/', '#/definitions/');
    else if (SCHEMA_MAPS.has(key) && isRecord(value)) {
      const map: JsonRecord = {};
      for (const [name, sub] of Object.entries(value)) setSafe(map, name, convertSchema(sub));
      out[key] = map;
    } else if (SCHEMA_VALUES.has(key)) out[key] = convertSchema(value);
    // The spec lists some model ids twice; JSON Schema forbids duplicate enum items.
    else if (key === 'enum' && isArray(value)) out.enum = [...new Set(value)];
    else setSafe(out, key, value);
  }
  if (node.nullable !== true) return out;
  // `nullable: true` → a type union (or, without a `type`, an anyOf with null).
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: 'null' }, out] };
}

const text = { type: 'string' };
const nullableString = { type: ['string', 'null'] };

/**
 * The extract predates fields our app sends (developer role, input_audio/file parts,
 * audio output, reasoning_effort, …). They are added here as extra definitions, extra
 * oneOf branches and extra properties; the spec never sets `additionalProperties: false`,
 * so unknown vendor fields (top_k, …) already pass.
 */
function addNewerFields(defs: JsonRecord): void {
  defs.ChatCompletionRequestDeveloperMessage = {
    type: 'object',
    properties: {
      role: { enum: ['developer'] },
      content: { anyOf: [text, { type: 'array', items: { $ref: '#/definitions/ChatCompletionRequestMessageContentPartText' } }] },
      name: text,
    },
    required: ['role', 'content'],
  };
  defs.ChatCompletionRequestMessageContentPartAudio = {
    type: 'object',
    properties: {
      type: { enum: ['input_audio'] },
      input_audio: { type: 'object', properties: { data: text, format: { enum: ['wav', 'mp3'] } }, required: ['data', 'format'] },
    },
    required: ['type', 'input_audio'],
  };
  defs.ChatCompletionRequestMessageContentPartFile = {
    type: 'object',
    properties: { type: { enum: ['file'] }, file: { type: 'object', properties: { filename: text, file_data: text, file_id: text } } },
    required: ['type', 'file'],
  };
  addBranch(defs, 'ChatCompletionRequestMessage', 'ChatCompletionRequestDeveloperMessage');
  addBranch(defs, 'ChatCompletionRequestUserMessageContentPart', 'ChatCompletionRequestMessageContentPartAudio');
  addBranch(defs, 'ChatCompletionRequestUserMessageContentPart', 'ChatCompletionRequestMessageContentPartFile');
  discriminate(defs.ChatCompletionRequestMessage, defs, 'role');
  discriminate(defs.ChatCompletionRequestUserMessageContentPart, defs, 'type');
  discriminate(defs.ChatCompletionRequestAssistantMessageContentPart, defs, 'type');
  // Erratum in this spec revision: json_schema lists `type` as required although it has no
  // such property (later revisions require only `name`, and the API never wanted `type` there).
  const jsonSchemaFormat = defs.ResponseFormatJsonSchema;
  if (isRecord(jsonSchemaFormat) && isRecord(jsonSchemaFormat.properties) && isRecord(jsonSchemaFormat.properties.json_schema)) {
    jsonSchemaFormat.properties.json_schema.required = ['name'];
  }
  const request = defs.CreateChatCompletionRequest;
  if (isRecord(request) && isRecord(request.properties)) discriminate(request.properties.response_format, defs, 'type');
  addProperties(defs, 'ChatCompletionRequestAssistantMessage', {
    audio: { type: ['object', 'null'], properties: { id: text }, required: ['id'] },
  });
  addProperties(defs, 'ChatCompletionStreamOptions', { include_obfuscation: { type: 'boolean' } });
  addProperties(defs, 'CreateChatCompletionRequest', {
    reasoning_effort: { enum: ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', null] },
    verbosity: { enum: ['low', 'medium', 'high', null] },
    safety_identifier: text,
    prompt_cache_key: text,
    service_tier: { enum: ['auto', 'default', 'flex', 'scale', 'priority', null] },
    store: { type: ['boolean', 'null'] },
    metadata: { type: ['object', 'null'], additionalProperties: text },
    modalities: { type: ['array', 'null'], items: { enum: ['text', 'audio'] } },
    audio: {
      type: ['object', 'null'],
      properties: { voice: text, format: { enum: ['wav', 'aac', 'mp3', 'flac', 'opus', 'pcm16'] } },
      required: ['voice', 'format'],
    },
    prediction: { type: ['object', 'null'] },
    web_search_options: { type: 'object' },
    user: nullableString,
  });
}

/**
 * What OpenAPI's `discriminator` would do: pick the oneOf branch by a property's value
 * (role, type) with if/then, so a bad message reports its own errors instead of every
 * other branch's.
 */
function discriminate(node: unknown, defs: JsonRecord, prop: string): void {
  if (!isRecord(node) || !isArray(node.oneOf)) return;
  const cases: { value: unknown; ref: unknown }[] = [];
  for (const branch of node.oneOf) {
    const ref = isRecord(branch) && typeof branch.$ref === 'string' ? branch.$ref : undefined;
    const target = ref ? defs[ref.replace('#/definitions/', '')] : undefined;
    const props = isRecord(target) && isRecord(target.properties) ? target.properties[prop] : undefined;
    const values = isRecord(props) && isArray(props.enum) ? props.enum : [];
    if (values.length !== 1) return;
    cases.push({ value: values[0], ref });
  }
  delete node.oneOf;
  node.type = 'object';
  node.required = [prop];
  node.properties = { [prop]: { enum: cases.map((c) => c.value) } };
  node.allOf = cases.map((c) => ({ if: { properties: { [prop]: { const: c.value } } }, then: { $ref: c.ref } }));
}

function addBranch(defs: JsonRecord, name: string, branch: string): void {
  const def = defs[name];
  if (isRecord(def) && isArray(def.oneOf)) def.oneOf = [...def.oneOf, { $ref: `#/definitions/${branch}` }];
}

function addProperties(defs: JsonRecord, name: string, props: JsonRecord): void {
  const def = defs[name];
  if (isRecord(def)) def.properties = { ...(isRecord(def.properties) ? def.properties : {}), ...props };
}

/** The whole document → a JSON Schema for CreateChatCompletionRequest. */
export function chatRequestJSONSchema(openapiDoc: unknown): JsonRecord {
  const schemas = isRecord(openapiDoc) && isRecord(openapiDoc.components) ? openapiDoc.components.schemas : undefined;
  if (!isRecord(schemas) || !isRecord(schemas.CreateChatCompletionRequest)) {
    throw new Error('the document has no components.schemas.CreateChatCompletionRequest');
  }
  const defs: JsonRecord = {};
  for (const [name, schema] of Object.entries(schemas)) setSafe(defs, name, convertSchema(schema));
  addNewerFields(defs);
  return { $ref: '#/definitions/CreateChatCompletionRequest', definitions: defs };
}

const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(openapiDoc: object): ValidateFunction {
  let validate = compiled.get(openapiDoc);
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: false }).compile(chatRequestJSONSchema(openapiDoc));
    compiled.set(openapiDoc, validate);
  }
  return validate;
}

/** Schema problems with a request body; empty when it validates. */
export function validateChatRequest(body: unknown, openapiDoc: unknown): string[] {
  if (!isRecord(openapiDoc)) return ['The request schema is not loaded.'];
  let validate: ValidateFunction;
  try {
    validate = validatorFor(openapiDoc);
  } catch (e) {
    return [`The request schema could not be compiled: ${errorMessage(e)}`];
  }
  return validate(body) ? [] : formatErrors(validate.errors ?? []);
}
