// The model catalogue. Behaviour differences live in the plan/stream code;
// this file only says which model has which trait.

export interface ModelSpec {
  id: string;
  created: number;
  description: string;
  /** Delay before the first token of a stream, in ms. */
  firstTokenMs: number;
  /** Tokens per second unless the request overrides it; undefined = server default. */
  rate?: number;
  reasoning: boolean;
}

export const MODELS: readonly ModelSpec[] = [
  { id: 'ref-chat', created: 1735689600, description: 'Plain markdown replies.', firstTokenMs: 0, reasoning: false },
  {
    id: 'ref-reasoner',
    created: 1735689601,
    description: 'Streams reasoning_content before the answer.',
    firstTokenMs: 0,
    reasoning: true,
  },
  { id: 'ref-tools', created: 1735689602, description: 'Calls a tool whenever tools are offered.', firstTokenMs: 0, reasoning: false },
  {
    id: 'ref-slow',
    created: 1735689603,
    description: 'First token after 1.5 s, then 15 tokens/s.',
    firstTokenMs: 1500,
    rate: 15,
    reasoning: false,
  },
];

export function findModel(id: string): ModelSpec | undefined {
  return MODELS.find((m) => m.id === id);
}

/** GET /v1/models body; the extra fields are non-standard and ignored by clients that don't know them. */
export function modelList(): unknown {
  return {
    object: 'list',
    data: MODELS.map((m) => ({
      id: m.id,
      object: 'model',
      created: m.created,
      owned_by: 'reference',
      description: m.description,
      context_window: 128000,
      max_output_tokens: 16384,
      supports_reasoning: m.reasoning,
      supports_tools: true,
    })),
  };
}
