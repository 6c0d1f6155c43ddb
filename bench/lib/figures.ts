// A figure is one measured number with what it is compared with. Budgets are reported, never enforced.

export type Verdict = 'ok' | 'OVER' | 'info' | 'n/a' | 'error';

export interface Budget {
  /** The measured value (or the ratio to the baseline, when `on` is 'ratio') must stay at or below this. */
  max: number;
  on: 'value' | 'ratio';
  /** A second bound on the ratio to the baseline, for a budget on both (e.g. ≤ 1 s and ≤ 4× bare). */
  maxRatio?: number;
}

export interface Figure {
  scenario: string;
  name: string;
  unit: string;
  value: number | null;
  baseline?: { label: string; value: number | null };
  budget?: Budget;
  ratio: number | null;
  verdict: Verdict;
  note?: string;
  samples?: number[];
}

export interface FigureInput {
  name: string;
  unit: string;
  value: number | null;
  baseline?: { label: string; value: number | null };
  budget?: Budget;
  note?: string;
  samples?: number[];
  /** Show the baseline for context only (no ratio), e.g. when it is a different quantity. */
  noRatio?: boolean;
}

export function figure(scenario: string, input: FigureInput): Figure {
  const base = input.baseline?.value ?? null;
  const ratio = !input.noRatio && input.value !== null && base !== null && base > 0 ? input.value / base : null;
  let verdict: Verdict = 'info';
  if (input.value === null) verdict = 'n/a';
  else if (input.budget) {
    const judged = input.budget.on === 'ratio' ? ratio : input.value;
    verdict = judged === null ? 'n/a' : judged <= input.budget.max ? 'ok' : 'OVER';
    const { maxRatio } = input.budget;
    if (verdict === 'ok' && maxRatio !== undefined) verdict = ratio === null ? 'n/a' : ratio <= maxRatio ? 'ok' : 'OVER';
  }
  const { noRatio: _noRatio, ...rest } = input;
  return { scenario, ...rest, ratio, verdict };
}

/** A figure that could not be measured because the app does not have the hook yet. */
export function notBuilt(scenario: string, name: string, unit: string, hook: string): Figure {
  return { scenario, name, unit, value: null, ratio: null, verdict: 'n/a', note: `not built yet (no ${hook})` };
}

export function failed(scenario: string, error: unknown): Figure {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { scenario, name: 'scenario failed', unit: '', value: null, ratio: null, verdict: 'error', note: message };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function num(value: number | null, unit: string): string {
  if (value === null) return '—';
  const digits = unit === '%' || unit === '×' || unit === 'KB' ? 1 : Math.abs(value) >= 10 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)}${unit === '' ? '' : unit === '%' || unit === '×' ? unit : ` ${unit}`}`;
}

function budgetText(f: Figure): string {
  const parts: string[] = [];
  if (f.baseline) parts.push(`${f.baseline.label} ${num(f.baseline.value, f.unit)}`);
  if (f.budget) parts.push(f.budget.on === 'ratio' ? `budget ≤${f.budget.max}×` : `budget ≤${num(f.budget.max, f.unit)}`);
  if (f.budget?.maxRatio !== undefined) parts.push(`and ≤${f.budget.maxRatio}×`);
  return parts.join(' · ');
}

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    `${f.scenario}: ${f.name}`,
    num(f.value, f.unit),
    budgetText(f),
    f.ratio === null ? '' : `${f.ratio.toFixed(2)}×`,
    f.verdict + (f.note ? ` (${f.note})` : ''),
  ]);
  const head = ['figure', 'measured', 'baseline / budget', 'ratio', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // The verdict column is last and may be long: no padding there.
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? 7 : w)).join('  '), ...rows.map(line)].join('\n');
}
