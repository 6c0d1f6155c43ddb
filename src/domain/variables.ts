/**
 * Prompt variables: `{{name}}` in the text of any message stands for a value given outside the
 * conversation (the Variables panel for ordinary sends, a test-case row in the prompt grid). The
 * stored conversation keeps `{{name}}` as written; only the request carries the values.
 *
 * A name is a letter or `_`, then letters, digits, `_` or `-` (spaces inside the braces are
 * allowed: `{{ name }}`). Anything else between double braces (`{{#each}}`, `{{a.b}}`, `{{}}`) is
 * ordinary text, so templates pasted into a message are not mistaken for variables.
 */
import type { Message } from './types';

export type VariableValues = Readonly<Record<string, string>>;

const SOURCE = '\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*\\}\\}';
/** A fresh global pattern per use: a shared one carries `lastIndex` from one caller to the next. */
const pattern = () => new RegExp(SOURCE, 'g');

/** Each variable in `text`: where it starts, its text as written and its name. */
export function variableSpans(text: string): { start: number; written: string; name: string }[] {
  return [...text.matchAll(pattern())].map((m) => ({ start: m.index, written: m[0], name: m[1]! }));
}

/** Whether `text` has a variable. */
export function hasVariables(text: string): boolean {
  return new RegExp(SOURCE).test(text);
}

/** The variable names in `text`, each once, in order of first appearance. */
export function variableNames(text: string): string[] {
  return [...new Set(variableSpans(text).map((s) => s.name))];
}

/** The variables of every text part of `messages` (all roles), each once, in order of first appearance. */
export function variablesOf(messages: readonly Message[]): string[] {
  const names = new Set<string>();
  for (const m of messages) {
    for (const part of m.content) {
      if (part.type === 'text') for (const name of variableNames(part.text)) names.add(name);
    }
  }
  return [...names];
}

/** Whether `values` gives `name` a value (an own key: `constructor` is not a value). */
function has(values: VariableValues, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(values, name);
}

/** `text` with each variable replaced by its value, in one pass (a value's own `{{…}}` stays as is). Unknown ones stay as written. */
export function substituteText(text: string, values: VariableValues): string {
  return text.replace(pattern(), (whole, name: string) => (has(values, name) ? values[name]! : whole));
}

export type Substitution = { ok: true; messages: Message[] } | { ok: false; missing: string[] };

/**
 * `messages` as the request sends them: every variable replaced by its value. Refused, with the
 * names, when a variable has no value (an empty string is a value): sending `{{name}}` literally
 * would quietly test a different prompt. Messages without variables are returned as they are.
 */
export function substituteMessages(messages: readonly Message[], values: VariableValues): Substitution {
  const { messages: substituted, missing } = substituteKnown(messages, values);
  return missing.length > 0 ? { ok: false, missing } : { ok: true, messages: substituted };
}

/** Every variable that has a value replaced, the others left as written and listed (for a preview). */
export function substituteKnown(messages: readonly Message[], values: VariableValues): { messages: Message[]; missing: string[] } {
  const missing = variablesOf(messages).filter((name) => !has(values, name));
  const substituted = messages.map((m) =>
    m.content.some((p) => p.type === 'text' && variableNames(p.text).length > 0)
      ? { ...m, content: m.content.map((p) => (p.type === 'text' ? { ...p, text: substituteText(p.text, values) } : p)) }
      : m,
  );
  return { messages: substituted, missing };
}

/** The person-readable reason a request with `missing` variables was not sent. */
export function missingVariablesMessage(missing: readonly string[]): string {
  const list = missing.map((n) => `{{${n}}}`).join(', ');
  return missing.length === 1
    ? `The variable ${list} has no value: give it one in the Variables panel (or remove it from the message).`
    : `The variables ${list} have no value: give them one in the Variables panel (or remove them from the messages).`;
}
