// The one orchestrator of the run engine. A send, a regenerate, a continue, a fan-out and a
// compare are all "these lanes, from this path": one lane is one request (with `n` choices when it
// is alone), several lanes are parallel single-choice requests shown like the choices of one
// response.
import { newRequestId } from '../../domain/ids';
import { createReplyPlaceholder } from '../../domain/factories';
import type { AppError, BinarySource, Completion, Conversation, Endpoint, Message, RequestParams } from '../../domain/types';
import type { CompletionResult } from '../../lib/openai/client';
import { buildChatRequest } from '../../lib/openai/request';
import { providerRulesFor } from '../../domain/provider-rules';
import type { WireChatRequest } from '../../lib/openai/wire';
import { createCheckpointWriter } from './checkpoint-writer';
import type { GenerationDeps } from './deps';
import { createFramePublisher } from './frame-publisher';
import { claimRun, endRun, setRunError } from './live-run-store';
import { finish } from './run-finish';
import { refusalFix } from './refusal-retry';
import type { SentRequest } from './refusal-retry';
import { startStream, UnsavedStart } from './run-start';
import { errorMessage } from '../../domain/errors';
import { continueStyleOf, keyHeaderFor } from '../../domain/endpoints';
import { effectiveContinue } from '../../domain/continue-style';
import { continueRequest } from '../../lib/openai/continue-request';
import { requestedOutputOf } from '../../domain/structured-output';
import { missingVariablesMessage, substituteMessages } from '../../domain/variables';

/** One request of a run: its parameters (model included) and endpoint profile (null: the active one). */
export interface Lane {
  params: RequestParams;
  endpointId: string | null;
  /** The column's name in a compare. */
  label: string | null;
}

/** How parallel lanes are marked on their replies (`extra`), so the columns can say what they are. */
export type LaneKind = 'fanOut' | 'compare';

/**
 * What a run writes before its replies, in the same transaction as their placeholders: a new
 * conversation, the person's message and the title it gives.
 */
export interface RunStart {
  create?: Conversation;
  rows: Message[];
  title?: string;
  /** Called when those rows could not be stored (e.g. storage full): nothing the person wrote is lost. */
  onUnsaved?: () => void;
}

export interface StartOptions {
  /** Set for parallel lanes (fan-out, compare); a single lane sends `n` choices in one request. */
  kind?: LaneKind;
  start?: RunStart;
  /** The partial reply a continuation is joined to (sent as an assistant prefill). */
  continueOf?: Message;
}

export function choiceCount(params: RequestParams): number {
  const { enabled, values } = params;
  return enabled.n ? Math.max(1, Math.min(128, Math.floor(values.n))) : 1;
}

/**
 * A single request for several choices to a profile set to split `n` (servers that refuse or ignore
 * it) goes out straight away as that many single-choice lanes, a fan-out: never first with `n`.
 */
function splitN(lanes: readonly Lane[], options: StartOptions, deps: GenerationDeps): { lanes: readonly Lane[]; options: StartOptions } {
  const lane = lanes[0];
  if (!lane || lanes.length !== 1 || options.kind !== undefined || options.continueOf) return { lanes, options };
  const k = choiceCount(lane.params);
  if (k < 2 || !deps.endpointFor(lane.endpointId).endpoint.splitN) return { lanes, options };
  return { lanes: Array.from({ length: k }, () => lane), options: { ...options, kind: 'fanOut' } };
}

/** A lane's only choice, renumbered as choice `index` of the whole run. */
function asChoice(completion: Completion, index: number): Completion {
  return { ...completion, choices: completion.choices.slice(0, 1).map((c) => ({ ...c, index })) };
}

/**
 * Runs `lanes` from `path` of `conversation`, streaming into placeholders that are written while
 * the requests start, and commits what arrived. Never throws: what fails is shown in the
 * conversation's banner (or, for a conversation that was never stored, told by `deps.notify`).
 */
export async function startRequests(
  conversation: Conversation,
  path: Message[],
  requested: readonly Lane[],
  deps: GenerationDeps,
  asked: StartOptions = {},
): Promise<void> {
  const start = asked.start ?? { rows: [] };
  const committed = { done: false };
  let options = asked;
  try {
    const split = splitN(requested, asked, deps);
    options = split.options;
    await run(conversation, path, split.lanes, deps, options, start, committed);
  } catch (err) {
    const message = err instanceof UnsavedStart ? err.message : `${couldNotRun(options)}: ${errorMessage(err)}`;
    endRun(conversation.id);
    if (!committed.done) {
      // Whatever failed, a message that was never stored goes back to the person.
      start.onUnsaved?.();
      // A conversation that was never stored never opened: its banner would not show.
      if (start.create) return deps.notify(message, 'error', { ms: 15_000 });
    }
    setRunError(conversation.id, { kind: 'storage', message });
  }
}

async function run(
  conversation: Conversation,
  path: Message[],
  lanes: readonly Lane[],
  deps: GenerationDeps,
  options: StartOptions,
  start: RunStart,
  committed: { done: boolean },
): Promise<void> {
  const conversationId = conversation.id;
  const parallel = options.kind !== undefined;
  setRunError(conversationId, null);
  const controller = new AbortController();
  const abort = () => controller.abort();
  claimRun(conversationId, abort);

  /** Saves what the run starts with; a new conversation opens once it exists. */
  const saveStart = async (placeholders: Message[]) => {
    const rows = [...start.rows, ...placeholders];
    const leaf = placeholders[0] ?? rows.at(-1);
    if (leaf) await deps.repo.appendMessages(conversationId, rows, leaf.id, start.title, start.create);
    committed.done = true;
    if (start.create) deps.created(conversationId);
  };

  try {
    const blobs = await deps.repo.dataURLsFor(path);
    const resolve = (s: BinarySource) => (s.kind === 'url' ? s.url : (blobs.get(s.blobId) ?? ''));
    // Variables are replaced in the request only: the stored messages keep `{{name}}` as written.
    const substituted = substituteMessages(path, deps.variableValues(start.create ? null : conversationId));
    if (!substituted.ok) {
      // Never sent with `{{name}}` left in: that would quietly test another prompt. The message is kept.
      await saveStart([]).catch((err: unknown) => {
        throw new UnsavedStart(err);
      });
      setRunError(conversationId, { kind: 'invalid', message: missingVariablesMessage(substituted.missing) });
      return;
    }
    const sendPath = substituted.messages;
    const sent: SentRequest[] = [];
    for (const lane of lanes) {
      // Parallel lanes are single-choice requests: their columns are the choices.
      const params = parallel ? { ...lane.params, enabled: { ...lane.params.enabled, n: false } } : lane.params;
      const { endpoint, apiKey } = deps.endpointFor(lane.endpointId);
      // The endpoint's provider rules, decided with the same model facts the preview uses.
      const rules = providerRulesFor(endpoint, deps.modelFacts(endpoint, apiKey, params.model));
      const continued = (b: ReturnType<typeof buildChatRequest>) => (b.ok && options.continueOf ? continuationOf(b.body, endpoint) : b);
      const built = continued(buildChatRequest(sendPath, params, resolve, rules));
      if (!built.ok) {
        // The person's message is kept even when no request can be built from it.
        await saveStart([]).catch((err: unknown) => {
          throw new UnsavedStart(err);
        });
        setRunError(conversationId, labelled(built.error, lane.label));
        return;
      }
      const rebuild = (other: typeof rules) => {
        const again = continued(buildChatRequest(sendPath, params, resolve, other));
        return again.ok ? again.body : null;
      };
      sent.push({ endpoint, params, path: sendPath, rules, body: built.body, rebuild });
    }

    const requestId = newRequestId();
    const parentId = path.at(-1)?.id ?? null;
    const now = deps.clock.now();
    const placeholdersOf = lanes.map((lane, i) =>
      parallel
        ? [
            createReplyPlaceholder(
              conversationId,
              parentId,
              {
                choiceIndex: i,
                requestId,
                model: lane.params.model,
                requestedOutput: requestedOutputOf(sent[i]!.body),
                extra: {
                  [options.kind!]: {
                    lane: i + 1,
                    of: lanes.length,
                    ...(lane.label ? { label: lane.label } : {}),
                    // Its own profile's prices apply (a compared configuration may use another provider).
                    ...(lane.endpointId ? { endpointId: lane.endpointId } : {}),
                  },
                },
              },
              now,
            ),
          ]
        : Array.from({ length: choiceCount(lane.params) }, (_, c) =>
            createReplyPlaceholder(
              conversationId,
              parentId,
              // The schemas the reply will be checked against: the body as sent, extra body included.
              { choiceIndex: c, requestId, model: lane.params.model, requestedOutput: requestedOutputOf(sent[i]!.body) },
              now,
            ),
          ),
    );
    const placeholders = placeholdersOf.flat();

    const runLane = async (i: number, saved: Promise<void>) => {
      const own = placeholdersOf[i]!;
      const publisher = createFramePublisher(conversationId, requestId, own, abort, deps.clock.now);
      const checkpoints = createCheckpointWriter(own, saved, deps);
      const shown = (c: Completion) => (parallel ? asChoice(c, i) : c);
      const { endpoint, apiKey } = deps.endpointFor(lanes[i]!.endpointId);
      const settings = deps.settings();
      const timeout = settings.firstByteTimeoutMs(sent[i]!.body.stream);
      const send = (body: WireChatRequest) =>
        deps.complete({
          endpoint: {
            baseURL: endpoint.baseURL,
            apiKey,
            headers: endpoint.headers,
            keyHeader: keyHeaderFor(endpoint),
            ...(endpoint.secretHeaders ? { secretHeaders: endpoint.secretHeaders } : {}),
          },
          body,
          signal: controller.signal,
          maxRetries: settings.maxRetries,
          ...(timeout !== undefined ? { firstByteTimeoutMs: timeout } : {}),
          now: deps.clock.now,
          onUpdate: (c) => {
            const completion = shown(c);
            publisher.update(completion);
            checkpoints.update(completion);
          },
          onRetry: publisher.retrying,
          onResponse: publisher.responded,
        });
      let result: CompletionResult;
      try {
        result = await send(sent[i]!.body);
        // A refusal the app knows how to answer (a field it added, reasoning not sent back, the
        // output limit's name) never breaks the request: sent once more with the fix; the profile remembers.
        const fix = refusalFix(result, sent[i]!);
        if (fix !== null && !controller.signal.aborted) {
          fix.remember(deps);
          result = await send(fix.body);
        }
      } finally {
        // Also when the client throws (it should not): no frame or checkpoint outlives the request.
        publisher.stop();
        checkpoints.stop();
      }
      await saved;
      await finish(
        conversationId,
        path,
        own,
        { ...result, completion: shown(result.completion), choiceTimings: publisher.choiceTimings() },
        deps,
        options.continueOf,
      );
    };

    // One lock for the whole run (other tabs see its replies as alive while any lane streams);
    // the requests start while their placeholders are written.
    await startStream(
      deps.lock,
      requestId,
      () => saveStart(placeholders),
      abort,
      (saved) => Promise.all(lanes.map((_, i) => runLane(i, saved))),
    );
    if (parallel) {
      // Each lane committed itself; the first one that has a reply is the current branch.
      const kept = new Set((await deps.repo.listMessages(conversationId)).map((m) => m.id));
      const first = placeholders.find((p) => kept.has(p.id));
      if (first) await deps.repo.updateConversation(conversationId, { currentLeafId: first.id });
    }
  } catch (err) {
    if (err instanceof UnsavedStart || !committed.done) throw err;
    setRunError(conversationId, {
      kind: 'storage',
      message: `${parallel ? couldNotRun(options) : 'Saving the reply failed'}: ${errorMessage(err)}`,
    });
  } finally {
    endRun(conversationId);
  }
}

function couldNotRun(options: StartOptions): string {
  return options.kind ? 'The parallel requests could not run' : 'The request could not run';
}

function labelled(error: AppError, label: string | null): AppError {
  return label ? { ...error, message: `${label}: ${error.message}` } : error;
}

/** `body` as this profile's server continues its last (assistant) message, or why it cannot. */
function continuationOf(body: WireChatRequest, endpoint: Endpoint): { ok: true; body: WireChatRequest } | { ok: false; error: AppError } {
  const { style, blocked } = effectiveContinue(continueStyleOf(endpoint), endpoint.baseURL);
  const continued = continueRequest(body, style);
  if (continued) return { ok: true, body: continued };
  // The UI offers "Ask to continue" instead; a prefill sent here would be answered anew and glued on.
  const message = blocked ?? `${endpoint.name} does not continue a reply from where it stopped; ask it to continue in a new message.`;
  return { ok: false, error: { kind: 'invalid', message } };
}
