/**
 * A first look at untrusted parsed JSON, before any schema: refuses nesting no conversation file
 * has (which would exhaust recursion in later code) and `__proto__` keys (which turn into
 * prototype changes the moment any code copies the object by assignment). Iterative, so the
 * check itself cannot overflow the stack.
 */
export const MAX_DEPTH = 100;

export interface TreeProblem {
  path: string;
  reason: string;
}

const STEP_MAX = 40;
const STEPS_SHOWN = 6;

function stepText(s: string | number, first: boolean): string {
  if (typeof s === 'number') return `[${s}]`;
  const key = s.length > STEP_MAX ? `${s.slice(0, STEP_MAX)}…` : s;
  return /^[A-Za-z_$][\w$]*$/.test(s) ? `${first ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`;
}

/** The path in one short line: long keys cut, and a deep path as its start, its end and its depth. */
function pathOf(steps: readonly (string | number)[]): string {
  const text = (part: readonly (string | number)[], from: number) => part.map((s, i) => stepText(s, from + i === 0)).join('');
  if (steps.length <= STEPS_SHOWN + 2) return text(steps, 0);
  const tail = steps.slice(-2);
  return `${text(steps.slice(0, STEPS_SHOWN), 0)}…${text(tail, 1).replace(/^\./, '.')} (${steps.length} levels)`;
}

export function checkTree(root: unknown): TreeProblem | null {
  const stack: { value: unknown; steps: (string | number)[] }[] = [{ value: root, steps: [] }];
  while (stack.length > 0) {
    const { value, steps } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (steps.length >= MAX_DEPTH) {
      return {
        path: pathOf(steps),
        reason: `Nested more than ${MAX_DEPTH} levels deep; no conversation file is. The file is damaged or not a conversation.`,
      };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], steps: [...steps, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') return { path: pathOf([...steps, key]), reason: 'A "__proto__" key is not allowed in an imported file.' };
      stack.push({ value: (value as Record<string, unknown>)[key], steps: [...steps, key] });
    }
  }
  return null;
}
