// Editing a grid's checks: stored with the grid, applied to every finished cell as it is shown.
import { storedChecks, type GridCheck, type GridCheckKind } from '../../domain/grid-checks';
import { newId } from '../../domain/ids';
import { changeGrid } from './grid-actions';

/** A new check's starting value, so it means something before it is edited. */
const STARTING_VALUE: Record<GridCheckKind, string> = {
  contains: '',
  'not-contains': '',
  regex: '',
  'equals-expected': '',
  'valid-json': '',
  'json-schema': '',
  'finish-reason': 'stop',
  'max-tokens': '256',
  'max-seconds': '10',
  'max-cost': '0.01',
};

export function addCheck(kind: GridCheckKind = 'contains'): void {
  changeGrid((g) => ({ ...g, checks: [...storedChecks(g.checks), { id: newId(), kind, value: STARTING_VALUE[kind] }] }));
}

/** Changes one check; a new kind starts from that kind's value unless the old value still fits it. */
export function updateCheck(id: string, patch: Partial<Omit<GridCheck, 'id'>>): void {
  changeGrid((g) => ({
    ...g,
    checks: storedChecks(g.checks).map((c) => {
      if (c.id !== id) return c;
      const kindChanged = patch.kind !== undefined && patch.kind !== c.kind;
      const keepsValue = kindChanged && STARTING_VALUE[patch.kind!] === '' && STARTING_VALUE[c.kind] === '';
      return { ...c, ...patch, ...(kindChanged && !keepsValue && patch.value === undefined ? { value: STARTING_VALUE[patch.kind!] } : {}) };
    }),
  }));
}

export function removeCheck(id: string): void {
  changeGrid((g) => ({ ...g, checks: storedChecks(g.checks).filter((c) => c.id !== id) }));
}
