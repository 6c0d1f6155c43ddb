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

function pathOf(steps: readonly (string | number)[]): string {
  let out = '';
  for (const s of steps)
    out += typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `${out === '' ? '' : '.'}${s}` : `[${JSON.stringify(s)}]`;
  return out;
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
