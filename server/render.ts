// Serializes a plan as OpenAI wire objects: stream chunks (one tick at a time)
// and the non-streamed chat.completion body.
import type { ChoicePlan, Plan } from './plan';
import { joinPieces } from './tokens';

export interface RenderOptions {
  logprobs: boolean;
  includeUsage: boolean;
  /** [[no-usage:true]]: no usage in the non-streamed body either. */
  omitUsage?: boolean;
}

export const SYSTEM_FINGERPRINT = 'fp_ref';

export class ChunkWriter {
  private readonly head: string;
  private readonly tail: string;

  constructor(
    private readonly plan: Plan,
    private readonly options: RenderOptions,
  ) {
    // The fixed prefix/suffix of every chunk is serialized once; 100k-token
    // streams spend their time on the deltas only.
    const base = {
      id: plan.id,
      object: 'chat.completion.chunk',
      created: plan.created,
      model: plan.model,
      system_fingerprint: SYSTEM_FINGERPRINT,
    };
    this.head = `data: ${JSON.stringify(base).slice(0, -1)},"choices":[`;
    this.tail = options.includeUsage ? '],"usage":null}\n\n' : ']}\n\n';
  }

  event(index: number, delta: Record<string, unknown>, logprobs: unknown, finish: string | null): string {
    const choice = { index, delta, logprobs, finish_reason: finish };
    return this.head + JSON.stringify(choice) + this.tail;
  }

  usageEvent(): string {
    const { plan } = this;
    const body = {
      id: plan.id,
      object: 'chat.completion.chunk',
      created: plan.created,
      model: plan.model,
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices: [],
      usage: plan.usage,
    };
    return `data: ${JSON.stringify(body)}\n\n`;
  }

  /** Number of token ticks a choice needs (the role chunk is sent before them). */
  static ticks(choice: ChoicePlan): number {
    return choice.reasoning.length + choice.content.length + choice.argFragments.reduce((sum, f) => sum + 1 + f.length, 0);
  }

  /** The events of one choice, one array per tick: the role chunk first, the finish chunk with the last token. */
  *ticksOf(choice: ChoicePlan): Generator<string[]> {
    const lp = this.options.logprobs;
    const { index } = choice;
    const toolsOnly = choice.toolCalls.length > 0;
    yield [this.event(index, { role: 'assistant', content: toolsOnly ? null : '' }, lp ? { content: [], refusal: null } : null, null)];
    const finish = this.event(index, {}, null, choice.finishReason);
    const total = ChunkWriter.ticks(choice);
    let emitted = 0;
    const tick = (event: string): string[] => (++emitted === total ? [event, finish] : [event]);
    if (total === 0) yield [finish];
    for (const piece of choice.reasoning) {
      yield tick(this.event(index, { content: null, reasoning_content: piece.text }, null, null));
    }
    for (let i = 0; i < choice.content.length; i++) {
      const piece = choice.content[i];
      const logprobs = choice.logprobs?.[i];
      if (!piece) continue;
      yield tick(this.event(index, { content: piece.text }, logprobs ? { content: logprobs, refusal: null } : null, null));
    }
    for (let k = 0; k < choice.toolCalls.length; k++) {
      const call = choice.toolCalls[k];
      if (!call) continue;
      yield tick(
        this.event(
          index,
          { tool_calls: [{ index: k, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] },
          null,
          null,
        ),
      );
      for (const fragment of choice.argFragments[k] ?? []) {
        yield tick(this.event(index, { tool_calls: [{ index: k, function: { arguments: fragment } }] }, null, null));
      }
    }
  }
}

export function completionBody(plan: Plan, options: RenderOptions): unknown {
  return {
    id: plan.id,
    object: 'chat.completion',
    created: plan.created,
    model: plan.model,
    choices: plan.choices.map((choice) => {
      const reasoning = choice.reasoning.length > 0 ? { reasoning_content: joinPieces(choice.reasoning) } : {};
      const tools =
        choice.toolCalls.length > 0
          ? {
              tool_calls: choice.toolCalls.map((t) => ({ id: t.id, type: 'function', function: { name: t.name, arguments: t.arguments } })),
            }
          : {};
      return {
        index: choice.index,
        message: {
          role: 'assistant',
          content: choice.toolCalls.length > 0 ? null : joinPieces(choice.content),
          refusal: null,
          ...reasoning,
          ...tools,
          annotations: [],
        },
        logprobs: options.logprobs ? { content: choice.logprobs?.flat() ?? [], refusal: null } : null,
        finish_reason: choice.finishReason,
      };
    }),
    ...(options.omitUsage ? {} : { usage: plan.usage }),
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}
