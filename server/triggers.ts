// Test triggers: "[[name:value]]" in the last user message, or the same
// "name:value" in the X-Ref-Trigger header (X-Ref-Rate / X-Ref-Replay too).
import type { IncomingHttpHeaders } from 'node:http';

export interface Triggers {
  reply?: string;
  tokens?: number;
  rate?: number;
  slowFirstToken?: number;
  /** Send the headers at once, then wait this long before the first token (a model thinking or loading). */
  slowAfterHeaders?: number;
  fault?: string;
  replay?: string;
  /** Answer with one choice whatever `n` asks, as many compatible servers do. */
  ignoreN?: boolean;
  /** Send no usage at all (streamed or not), like servers that never report it. */
  noUsage?: boolean;
  /** Answer like a particular kind of server or model (see PERSONAS in plan.ts). */
  persona?: string;
  /** Answer with the recorded error body of one recognised error shape (server/error-shapes.ts). */
  errorShape?: string;
  /** The `model` the response names (OpenAI answers an alias with its dated snapshot: see billing.ts). */
  model?: string;
  /** Deliver the stream in pieces of this many bytes, as a buffering proxy or a congested link hands it over. */
  burst?: number;
  /** The usage the response reports: prompt, completion and cached prompt tokens (see billing.ts). */
  usage?: { prompt: number; completion: number; cached: number };
}

const TRIGGER_RE =
  /\[\[(reply|tokens|rate|slow-first-token|slow-after-headers|fault|replay|ignore-n|no-usage|persona|error-shape|model|usage|burst):([\s\S]*?)\]\]/g;

function nonNegative(value: string): number | undefined {
  const n = Number(value.trim());
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function apply(triggers: Triggers, name: string, value: string): void {
  switch (name) {
    case 'reply':
      triggers.reply = value;
      break;
    case 'tokens':
      triggers.tokens = nonNegative(value);
      break;
    case 'rate':
      triggers.rate = nonNegative(value);
      break;
    case 'burst': {
      const n = nonNegative(value);
      triggers.burst = n !== undefined && n >= 1 ? Math.floor(n) : undefined;
      break;
    }
    case 'slow-first-token':
      triggers.slowFirstToken = nonNegative(value);
      break;
    case 'slow-after-headers':
      triggers.slowAfterHeaders = nonNegative(value);
      break;
    case 'fault':
      triggers.fault = value.trim();
      break;
    case 'replay':
      triggers.replay = value.trim();
      break;
    case 'ignore-n':
      triggers.ignoreN = value.trim() !== 'false';
      break;
    case 'no-usage':
      triggers.noUsage = value.trim() !== 'false';
      break;
    case 'persona':
      triggers.persona = value.trim();
      break;
    case 'error-shape':
      triggers.errorShape = value.trim();
      break;
    case 'model':
      if (value.trim() !== '') triggers.model = value.trim();
      break;
    case 'usage': {
      const [prompt, completion, cached = 0] = value.split('/').map((n) => nonNegative(n));
      if (prompt !== undefined && completion !== undefined && cached !== undefined && cached <= prompt) {
        triggers.usage = { prompt, completion, cached };
      }
      break;
    }
  }
}

/** Finds triggers in text and returns the text with them removed. */
export function extractTriggers(text: string): { triggers: Triggers; cleaned: string } {
  const triggers: Triggers = {};
  const cleaned = text.replace(TRIGGER_RE, (_all, name: string, value: string) => {
    apply(triggers, name, value);
    return '';
  });
  return { triggers, cleaned: cleaned.replace(/[ \t]{2,}/g, ' ').trim() };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  // Node reads header bytes as latin1; recover UTF-8 if that is what was sent.
  const utf8 = Buffer.from(value, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? value : utf8;
}

export function headerTriggers(headers: IncomingHttpHeaders): Triggers {
  const triggers: Triggers = {};
  const trigger = header(headers, 'x-ref-trigger');
  if (trigger !== undefined) {
    if (trigger.includes('[[')) Object.assign(triggers, extractTriggers(trigger).triggers);
    else {
      const colon = trigger.indexOf(':');
      if (colon > 0) apply(triggers, trigger.slice(0, colon).trim(), trigger.slice(colon + 1));
    }
  }
  const rate = header(headers, 'x-ref-rate');
  if (rate !== undefined) apply(triggers, 'rate', rate);
  const replay = header(headers, 'x-ref-replay');
  if (replay !== undefined) apply(triggers, 'replay', replay);
  return triggers;
}

/** Message triggers win over header triggers. */
export function mergeTriggers(fromHeaders: Triggers, fromMessage: Triggers): Triggers {
  const merged: Triggers = { ...fromHeaders };
  for (const [key, value] of Object.entries(fromMessage)) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}
