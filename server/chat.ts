// POST /v1/chat/completions: log, authenticate, validate, apply triggers and
// faults, then answer from a deterministic plan (streamed or not).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, authError, modelNotFound, serverError } from './errors';
import { respondWithErrorShape, VLLM_MIDSTREAM_CASE } from './error-shapes';
import { respondEchoingKey, respondEchoingOrganization, respondWithFault, STREAM_FAULTS } from './faults';
import { respondWithHostileStream } from './hostile';
import type { OnceTracker } from './faults';
import { readBody, sendError, sendJson, sleep, startEventStream } from './http';
import { lastUserIndex } from './context';
import { findModel } from './models';
import { buildPlan } from './plan';
import { hashHex } from './prng';
import { completionBody, ChunkWriter } from './render';
import { replayCase } from './replay';
import type { RequestLog } from './request-log';
import { strictFieldsRefusal } from './strict-fields';
import { prefillDecision } from './prefill';
import { nRefusal } from './n-refused';
import { deepseekMaxTokens, deepseekThinkingRefusal, OPENAI_REASONING_CASE, thinkingEnabled } from './deepseek-thinking';
import { isObject } from './types';
import { streamPlan } from './stream';
import type { StreamFault } from './stream';
import { messageText } from './tokens';
import { extractTriggers, headerTriggers, mergeTriggers } from './triggers';
import { withBillingTriggers } from './billing';
import { validateChatRequest } from './validate';

export interface ChatContext {
  apiKey: string | undefined;
  tokensPerSecond: number;
  wireDir: string;
  log: RequestLog;
  once: OnceTracker;
  stats: { requests: number; tokens: number };
}

/** Null when the key matches (or none is configured), else the 401 to send. */
export function checkAuth(req: IncomingMessage, apiKey: string | undefined): ApiError | null {
  if (!apiKey) return null;
  const header = req.headers.authorization;
  if (!header) return authError(null);
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  const given = match?.[1]?.trim() ?? header;
  return given === apiKey ? null : authError(given);
}

function rateLimitHeaders(ctx: ChatContext, rawBody: string, started: number): Record<string, string> {
  ctx.stats.requests++;
  ctx.stats.tokens += Math.ceil(rawBody.length / 4) + 100;
  return {
    'x-request-id': `req_${hashHex(`${rawBody}|${ctx.stats.requests}`).slice(0, 24)}`,
    'openai-processing-ms': String(Date.now() - started),
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-limit-tokens': '30000000',
    'x-ratelimit-remaining-requests': String(9999 - (ctx.stats.requests % 10000)),
    'x-ratelimit-remaining-tokens': String(30_000_000 - (ctx.stats.tokens % 30_000_000)),
    'x-ratelimit-reset-requests': '6ms',
    'x-ratelimit-reset-tokens': '0s',
  };
}

const PARSE_ERROR =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";

/**
 * Azure's classic persona (`/openai/deployments/NAME/…?api-version=…`): api-version is required and
 * the key comes in the `api-key` header. Null when the request may go on, else the error to send.
 */
export function checkAzure(req: IncomingMessage, apiKey: string | undefined): { status: number; body: unknown } | null {
  const { searchParams } = new URL(`http://localhost${req.url ?? '/'}`);
  if (!searchParams.get('api-version')) {
    return { status: 400, body: { error: { code: 'BadRequest', message: 'Missing api-version query parameter' } } };
  }
  if (!apiKey) return null;
  const given = req.headers['api-key'];
  if (given === apiKey) return null;
  return {
    status: 401,
    body: {
      error: {
        code: '401',
        message:
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      },
    },
  };
}

export async function handleChat(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ChatContext,
  options: { azure?: boolean; beta?: boolean } = {},
): Promise<void> {
  const started = Date.now();
  const raw = await readBody(req);
  ctx.log.add(req.headers, raw, req.url ?? '/');
  if (options.azure) {
    const refused = checkAzure(req, ctx.apiKey);
    if (refused) return sendJson(res, refused.status, refused.body);
  }
  const denied = options.azure ? null : checkAuth(req, ctx.apiKey);
  if (denied) return sendError(res, denied);
  const headers = rateLimitHeaders(ctx, raw, started);

  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return sendError(res, new ApiError(400, PARSE_ERROR), headers);
  }
  const fromHeaders = headerTriggers(req.headers);
  if (fromHeaders.replay !== undefined) return replayCase(res, ctx.wireDir, fromHeaders.replay, headers);

  const request = validateChatRequest(body);
  const lastUser = request.messages[lastUserIndex(request.messages)];
  const { triggers: fromMessage, cleaned } = extractTriggers(lastUser ? messageText(lastUser) : '');
  const triggers = mergeTriggers(fromHeaders, fromMessage);
  if (triggers.replay !== undefined) return replayCase(res, ctx.wireDir, triggers.replay, headers);
  if (triggers.errorShape !== undefined) return respondWithErrorShape(triggers.errorShape, res, ctx.wireDir, headers);
  if (triggers.persona === 'strict-fields') {
    const refusal = strictFieldsRefusal(body);
    if (refusal) return sendJson(res, 422, refusal, headers);
  }
  const prefillRule = prefillDecision(triggers.persona, body, request, options);
  if ('refusal' in prefillRule) return sendJson(res, prefillRule.refusal.status, prefillRule.refusal.body, headers);
  const last = request.messages.at(-1);
  // The text a reply continues: the trailing assistant message, unless this server answers anew.
  const prefill = prefillRule.mode === 'continue' && last?.role === 'assistant' ? messageText(last) : null;
  if (triggers.persona === 'n-refused') {
    const refusal = nRefusal(body);
    if (refusal) return sendJson(res, 400, refusal, headers);
  }
  const deepseek = triggers.persona === 'deepseek-thinking' && isObject(body) ? body : null;
  if (deepseek) {
    const refusal = deepseekThinkingRefusal(body);
    if (refusal) return sendJson(res, 400, refusal, headers);
  }
  if (triggers.persona === 'openai-reasoning' && isObject(body) && body['max_tokens'] != null) {
    return replayCase(res, ctx.wireDir, OPENAI_REASONING_CASE, headers);
  }
  if (triggers.fault === 'vllm-midstream-error') return replayCase(res, ctx.wireDir, VLLM_MIDSTREAM_CASE, headers);
  const model = findModel(request.model);
  if (!model) throw modelNotFound(request.model);

  if (triggers.slowFirstToken) await sleep(triggers.slowFirstToken);
  if (res.destroyed) return;
  const fault = triggers.fault ?? '';
  const echo = respondEchoingKey(fault, res, headers, req.headers.authorization);
  if (echo) return echo;
  const wrongOrg = respondEchoingOrganization(fault, res, headers, req.headers['openai-organization']);
  if (wrongOrg) return wrongOrg;
  const hostile = respondWithHostileStream(fault, res, headers);
  if (hostile) return hostile;
  const handled = respondWithFault(fault, res, headers, request.stream, () => ctx.once.first(`${fault}|${hashHex(raw)}`));
  if (handled) return handled;

  // DeepSeek applies only max_tokens, and thinks unless thinking is disabled.
  const asked = deepseek ? { ...request, maxTokens: deepseekMaxTokens(deepseek) } : request;
  const reasoning = deepseek ? thinkingEnabled(deepseek) : model.reasoning;
  const plan = withBillingTriggers(
    buildPlan(triggers.ignoreN ? { ...asked, n: 1 } : asked, cleaned, triggers, raw, reasoning, prefill),
    triggers,
  );
  const render = {
    logprobs: request.logprobs,
    includeUsage: request.includeUsage && !triggers.noUsage,
    omitUsage: triggers.noUsage === true,
  };
  const rate = triggers.rate ?? model.rate ?? ctx.tokensPerSecond;
  const streamFault = (STREAM_FAULTS as readonly string[]).includes(fault) ? (fault as StreamFault) : undefined;
  headers['openai-processing-ms'] = String(Date.now() - started);

  if (request.stream && fault !== 'json-for-stream') {
    startEventStream(res, headers);
    return streamPlan(
      res,
      plan,
      render,
      { rate, firstTokenMs: triggers.slowAfterHeaders ?? model.firstTokenMs, burstBytes: triggers.burst },
      streamFault,
    );
  }
  // A non-streamed answer takes roughly as long as the stream would, capped at 2 s.
  const ticks = Math.max(0, ...plan.choices.map(ChunkWriter.ticks));
  await sleep(model.firstTokenMs + (rate > 0 ? Math.min(2000, (ticks * 1000) / rate) : 0));
  if (res.destroyed) return;
  const json = JSON.stringify(completionBody(plan, render));
  if (streamFault === 'midstream-error') return sendError(res, serverError(), headers);
  if (streamFault) {
    // Non-streamed variants: a cut body (drop / no-done) or an unparsable one (malformed).
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
    if (streamFault === 'malformed') res.end('{not json');
    else if (streamFault === 'drop') res.write(json.slice(0, Math.floor(json.length / 2)), () => res.destroy());
    else res.end(json.slice(0, Math.floor(json.length / 2)));
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}
