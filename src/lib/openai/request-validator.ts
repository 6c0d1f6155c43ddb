/**
 * The request schema check for the browser: ajv and the OpenAI schema (a copy of
 * server/wire/openai-chat-schema.json, kept identical by a test) load on first use, in their own chunk.
 */
export type RequestValidator = (body: unknown) => string[];

let loading: Promise<RequestValidator> | null = null;

export function loadRequestValidator(): Promise<RequestValidator> {
  loading ??= Promise.all([import('./schema-validate'), import('./openai-chat-schema.json')]).then(([mod, doc]) => {
    const schema: unknown = doc.default;
    return (body: unknown) => mod.validateChatRequest(body, schema);
  });
  return loading;
}
