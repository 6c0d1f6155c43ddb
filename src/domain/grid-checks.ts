/**
 * Checks of the prompt grid: a list per grid, applied to every finished cell. Each check gives pass
 * or fail with a reason a person can read; a check that cannot be applied (an invalid regular
 * expression, a schema that is not JSON, a row without an expected output) fails with `broken`
 * set and says why, and never throws. Pure: the JSON Schema validator is passed in (it loads on
 * demand, see lib/json-schema/check-output).
 */
import type { GridCell, GridRow } from './grid';
import { isJsonObject, parseJson, requestedOutputOf, type OutputCheck } from './structured-output';

export const GRID_CHECK_KINDS = [
  'contains',
  'not-contains',
  'regex',
  'equals-expected',
  'valid-json',
  'json-schema',
  'finish-reason',
  'max-tokens',
  'max-seconds',
  'max-cost',
] as const;
export type GridCheckKind = (typeof GRID_CHECK_KINDS)[number];

export interface GridCheck {
  id: string;
  kind: GridCheckKind;
  /** The text, pattern, schema (JSON), finish reason(s) or limit, by kind; unused by valid-json and equals-expected. */
  value: string;
  /** contains, not-contains, regex: compare without case. */
  ignoreCase?: boolean;
  /** equals-expected: compare with leading and trailing whitespace removed (the default). */
  trim?: boolean;
}

export interface CheckResult {
  pass: boolean;
  reason: string;
  /** The check itself could not be applied (the reason says why): it counts as a failure. */
  broken?: boolean;
}

/** The same validator as structured outputs (lib/json-schema/check-output `checkValue`). */
export type SchemaValidator = (value: unknown, schema: Record<string, unknown>) => OutputCheck;

export const CHECK_KIND_LABELS: Record<GridCheckKind, string> = {
  contains: 'Contains',
  'not-contains': 'Does not contain',
  regex: 'Matches regex',
  'equals-expected': 'Equals expected output',
  'valid-json': 'Is valid JSON',
  'json-schema': 'Matches JSON schema',
  'finish-reason': 'Finish reason is',
  'max-tokens': 'At most N tokens',
  'max-seconds': 'At most T seconds',
  'max-cost': 'At most $C',
};

/** A regular expression is tried on at most this many characters of a reply (a slow pattern stays bounded). */
export const REGEX_TEXT_CAP = 20_000;
const PATTERN_CAP = 500;

const quote = (s: string, max = 40) => `“${s.length > max ? `${s.slice(0, max)}…` : s}”`;
const pass = (reason: string): CheckResult => ({ pass: true, reason });
const fail = (reason: string): CheckResult => ({ pass: false, reason });
const broken = (reason: string): CheckResult => ({ pass: false, reason, broken: true });

/**
 * True when a pattern repeats a group that itself repeats (`(a+)+`, `(\w*)*`, `(x{2,})+`): the shape
 * behind catastrophic backtracking, which takes exponential time on a few dozen characters, so no
 * length cap alone would keep the page responsive. A heuristic (overlapping alternatives such as
 * `(a|a)*` pass it), which with the text cap bounds what a typed pattern can cost.
 */
export function hasNestedRepetition(pattern: string): boolean {
  const groups: boolean[] = []; // per open group: does it contain a quantifier?
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') groups.push(false);
    else if (ch === ')') {
      const repeatedInside = groups.pop() ?? false;
      const next = pattern[i + 1];
      const repeated = next === '*' || next === '+' || (next === '{' && /^\{\d*,\d*\}|^\{\d{2,}\}/.test(pattern.slice(i + 1)));
      if (repeatedInside && repeated) return true;
      if ((repeatedInside || repeated) && groups.length > 0) groups[groups.length - 1] = true;
    } else if ((ch === '*' || ch === '+' || ch === '{') && groups.length > 0) groups[groups.length - 1] = true;
  }
  return false;
}

/** `/pattern/flags` or a bare pattern; only i, m, s and u flags (g and y would make `test` stateful). */
export function compileCheckRegex(source: string, ignoreCase: boolean): { ok: true; regex: RegExp } | { ok: false; message: string } {
  if (source.trim() === '') return { ok: false, message: 'Write a regular expression.' };
  if (source.length > PATTERN_CAP) return { ok: false, message: `The pattern is longer than ${PATTERN_CAP} characters.` };
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(source);
  const pattern = literal ? literal[1]! : source;
  const flags = new Set((literal?.[2] ?? '').split('').filter(Boolean));
  if (ignoreCase) flags.add('i');
  const unknown = [...flags].filter((f) => !'imsu'.includes(f));
  if (unknown.length > 0) return { ok: false, message: `Flag ${unknown.join('')} is not allowed here (use i, m, s or u).` };
  if (hasNestedRepetition(pattern))
    return {
      ok: false,
      message: 'A repeated group that repeats inside, such as (a+)+, can take exponential time: rewrite it without the nesting.',
    };
  try {
    return { ok: true, regex: new RegExp(pattern, [...flags].join('')) };
  } catch (err) {
    return { ok: false, message: `Not a valid regular expression: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function limitOf(check: GridCheck, unit: string): number | CheckResult {
  const n = Number(check.value.trim().replace(/^\$/, ''));
  if (check.value.trim() === '' || !Number.isFinite(n) || n < 0)
    return broken(`${quote(check.value)} is not a limit: write a number of ${unit}.`);
  return n;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const dollars = (n: number) => `$${n < 0.01 ? n.toPrecision(2) : n.toFixed(4)}`;

function schemaCheck(check: GridCheck, cell: GridCell, validate: SchemaValidator): CheckResult {
  let schema: Record<string, unknown>;
  if (check.value.trim() === '') {
    // No schema written: the one the cell's own request sent as response_format.
    const format = requestedOutputOf(cell.request)?.format;
    if (format?.type !== 'json_schema') return broken('Write a JSON schema (the request sent none in response_format).');
    schema = format.schema;
  } else {
    const parsed = parseJson(check.value);
    if (!parsed.ok || !isJsonObject(parsed.value)) return broken('The schema is not a JSON object.');
    schema = parsed.value;
  }
  const reply = parseJson(cell.text);
  if (!reply.ok) return fail(reply.message);
  const result = validate(reply.value, schema);
  if (result.kind === 'valid') return pass('Matches the schema.');
  if (result.kind === 'unusable-schema') return broken(result.message);
  if (result.kind === 'not-json') return fail(result.message);
  const [first, ...more] = result.violations;
  return fail(`${first!.path}: ${first!.message}${more.length > 0 ? ` (and ${more.length} more)` : ''}`);
}

/**
 * The result of one check on one cell, or null while the cell has none: not finished, or a schema
 * check whose validator has not loaded yet. A cell that ended in an error has no check results
 * (it fails as a whole, see grid-stats).
 */
export function runCheck(check: GridCheck, cell: GridCell | undefined, row: GridRow, validate: SchemaValidator | null): CheckResult | null {
  if (cell?.status !== 'done') return null;
  const text = cell.text;
  const fold = (s: string) => (check.ignoreCase ? s.toLowerCase() : s);
  switch (check.kind) {
    case 'contains':
    case 'not-contains': {
      if (check.value === '') return broken('Write the text to look for.');
      const at = fold(text).indexOf(fold(check.value));
      if (check.kind === 'contains')
        return at >= 0 ? pass(`Contains ${quote(check.value)}.`) : fail(`Does not contain ${quote(check.value)}.`);
      return at < 0 ? pass(`Does not contain ${quote(check.value)}.`) : fail(`Contains ${quote(check.value)} at character ${at + 1}.`);
    }
    case 'regex': {
      const compiled = compileCheckRegex(check.value, check.ignoreCase === true);
      if (!compiled.ok) return broken(compiled.message);
      const tried = text.slice(0, REGEX_TEXT_CAP);
      const capped = text.length > REGEX_TEXT_CAP ? ` in the first ${REGEX_TEXT_CAP.toLocaleString('en-US')} characters` : '';
      const match = compiled.regex.exec(tried);
      return match ? pass(`Matches ${compiled.regex}: ${quote(match[0])}${capped}.`) : fail(`No match for ${compiled.regex}${capped}.`);
    }
    case 'equals-expected': {
      if (row.expected === undefined || row.expected === '') return broken('This row has no expected output.');
      const trim = check.trim !== false;
      const [a, b] = trim ? [text.trim(), row.expected.trim()] : [text, row.expected];
      if (a === b) return pass('Equals the expected output.');
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return fail(`Differs from the expected output at character ${i + 1}${trim ? ' (ends trimmed)' : ''}.`);
    }
    case 'valid-json': {
      const parsed = parseJson(text);
      return parsed.ok ? pass('Valid JSON.') : fail(parsed.message);
    }
    case 'json-schema':
      return validate ? schemaCheck(check, cell, validate) : null;
    case 'finish-reason': {
      const wanted = check.value
        .split(/[\s,|]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (wanted.length === 0) return broken('Write a finish reason, such as stop.');
      if (cell.finishReason === null) return fail('The server reported no finish reason.');
      return wanted.includes(cell.finishReason)
        ? pass(`Finish reason is ${cell.finishReason}.`)
        : fail(`Finish reason is ${cell.finishReason}, not ${wanted.join(' or ')}.`);
    }
    case 'max-tokens': {
      const limit = limitOf(check, 'tokens');
      if (typeof limit !== 'number') return limit;
      if (cell.completionTokens === null) return fail('The server reported no token count.');
      return cell.completionTokens <= limit
        ? pass(`${cell.completionTokens} tokens (at most ${limit}).`)
        : fail(`${cell.completionTokens} tokens, more than ${limit}.`);
    }
    case 'max-seconds': {
      const limit = limitOf(check, 'seconds');
      if (typeof limit !== 'number') return limit;
      if (cell.totalMs === null) return fail('The time of this reply is unknown.');
      return cell.totalMs <= limit * 1000
        ? pass(`${seconds(cell.totalMs)} (at most ${limit} s).`)
        : fail(`${seconds(cell.totalMs)}, more than ${limit} s.`);
    }
    case 'max-cost': {
      const limit = limitOf(check, 'dollars');
      if (typeof limit !== 'number') return limit;
      if (cell.cost === null) return fail('No price is known for this model: the cost is unknown.');
      return cell.cost <= limit ? pass(`${dollars(cell.cost)} (at most $${limit}).`) : fail(`${dollars(cell.cost)}, more than $${limit}.`);
    }
  }
}

/** A short name of a check for headers and the cell's list: `Contains “Alpha”`, `≤ 50 tokens`. */
export function checkLabel(check: GridCheck): string {
  const v = check.value.trim();
  switch (check.kind) {
    case 'contains':
    case 'not-contains':
      return `${CHECK_KIND_LABELS[check.kind]} ${quote(check.value, 24)}`;
    case 'regex':
      return `Matches ${v.startsWith('/') ? v : `/${v}/`}`.slice(0, 40);
    case 'finish-reason':
      return `Finish reason ${v || '?'}`;
    case 'max-tokens':
      return `≤ ${v || '?'} tokens`;
    case 'max-seconds':
      return `≤ ${v || '?'} s`;
    case 'max-cost':
      return `≤ $${v.replace(/^\$/, '') || '?'}`;
    case 'json-schema':
      return v ? 'Matches the schema' : 'Matches the request’s schema';
    default:
      return CHECK_KIND_LABELS[check.kind];
  }
}

/**
 * Checks read back from storage: rows are not validated by IndexedDB, and grids stored before
 * checks existed have none. Anything malformed is left out rather than breaking the grid.
 */
export function storedChecks(value: unknown): GridCheck[] {
  if (!Array.isArray(value)) return [];
  const kinds: readonly string[] = GRID_CHECK_KINDS;
  return value.flatMap((c: unknown): GridCheck[] => {
    if (typeof c !== 'object' || c === null) return [];
    const { id, kind, value: v, ignoreCase, trim } = c as Record<string, unknown>;
    if (typeof id !== 'string' || typeof kind !== 'string' || !kinds.includes(kind) || typeof v !== 'string') return [];
    return [
      {
        id,
        kind: kind as GridCheckKind,
        value: v,
        ...(typeof ignoreCase === 'boolean' ? { ignoreCase } : {}),
        ...(typeof trim === 'boolean' ? { trim } : {}),
      },
    ];
  });
}
