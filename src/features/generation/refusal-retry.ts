// A refusal the app knows how to answer never breaks the request: the request is sent once more
// with the fix, and the endpoint profile remembers it, so later requests (and the preview) are
// right from the start. Three kinds: a field the app added on its own (dropped), DeepSeek's demand
// for reasoning sent back (the narrowest wider rule), an output-limit name the server refuses (the
// other name).
import type { Endpoint, Message, RequestParams } from '../../domain/types';
import { otherOutputLimitName, REASONING_SEND_BACK_LABEL, widerReasoningRule } from '../../domain/provider-rules';
import type { OutputLimitName, ProviderRules } from '../../domain/provider-rules';
import { appAddedFields, refusedField, withoutFields } from '../../lib/openai/app-added';
import type { CompletionResult } from '../../lib/openai/client';
import { isReasoningSendBackRefusal, refusedOutputLimit } from '../../lib/openai/provider-refusals';
import { parseExtraBody } from '../../lib/openai/request';
import type { WireChatRequest } from '../../lib/openai/wire';
import type { GenerationDeps } from './deps';

/** One lane's request as it was sent, and how to build it under other rules. */
export interface SentRequest {
  endpoint: Endpoint;
  params: RequestParams;
  path: readonly Message[];
  rules: ProviderRules;
  body: WireChatRequest;
  /** The body under other rules; null when it cannot be built. */
  rebuild(rules: ProviderRules): WireChatRequest | null;
}

export interface RefusalFix {
  body: WireChatRequest;
  /** Records what the refusal taught on the profile (and tells the person when a rule changed). */
  remember(deps: GenerationDeps): void;
}

/** The fix for `result`'s refusal, or null when it is not one the app answers. */
export function refusalFix(result: CompletionResult, sent: SentRequest): RefusalFix | null {
  if (result.outcome !== 'error') return null;
  const { error, status } = result;
  const { endpoint } = sent;

  const field = refusedField(error, status, addedFields(sent.params, sent.body));
  if (field !== null) {
    return { body: withoutFields(sent.body, [field]), remember: (deps) => deps.rememberUnsupported(endpoint.id, field) };
  }

  if (isReasoningSendBackRefusal(error, status)) {
    const wider = widerReasoningRule(sent.path, sent.rules.reasoningSendBack ?? 'never');
    const body = wider ? sent.rebuild({ ...sent.rules, reasoningSendBack: wider }) : null;
    if (wider && body) {
      return {
        body,
        remember: (deps) => {
          deps.learnRule(endpoint.id, 'reasoningSendBack', wider);
          deps.notify(
            `${endpoint.name} wants reasoning sent back (${REASONING_SEND_BACK_LABEL[wider].toLowerCase()}): the request was sent again with it, and the profile remembers.`,
            'info',
            { ms: 8000 },
          );
        },
      };
    }
  }

  const name = sentOutputLimit(sent.body);
  if (name && refusedOutputLimit(error, status, name)) {
    const other = otherOutputLimitName(name);
    const body = sent.rebuild({ ...sent.rules, outputLimit: other });
    if (body && other in body && !(name in body)) {
      return {
        body,
        remember: (deps) => {
          deps.learnRule(endpoint.id, 'outputLimit', other);
          deps.notify(`${endpoint.name} refuses ${name}: the limit was sent again as ${other}, and the profile remembers.`, 'info', {
            ms: 8000,
          });
        },
      };
    }
  }
  return null;
}

/** The output-limit name a body carries, when it carries exactly one. */
function sentOutputLimit(body: WireChatRequest): OutputLimitName | null {
  const names = (['max_completion_tokens', 'max_tokens'] as const).filter((k) => k in body);
  return names.length === 1 ? names[0]! : null;
}

/** The fields of `body` the app added on its own (not the person) for these parameters. */
function addedFields(params: RequestParams, body: WireChatRequest): string[] {
  const extra = parseExtraBody(params.extraBody);
  return appAddedFields(params, extra.ok ? extra.value : {}).filter((field) => field in body);
}
