import { useEffect, useMemo, useState } from 'react';
import type { Grid, GridCell, GridRow } from '../../domain/grid';
import { storedChecks, type CheckResult, type SchemaValidator } from '../../domain/grid-checks';
import { cellResults } from '../../domain/grid-stats';

export type ResultsOf = (cell: GridCell | undefined, row: GridRow) => readonly (CheckResult | null)[];

const NONE: readonly (CheckResult | null)[] = [];

/**
 * The check results of a cell, computed once per cell version (a cell is a new object whenever it
 * changes), so a streaming grid re-checks only what changed. The JSON Schema validator, the one
 * structured outputs use, loads only when a schema check exists.
 */
export function useCheckResults(grid: Grid | null): ResultsOf {
  const checks = useMemo(() => storedChecks(grid?.checks), [grid?.checks]);
  const needsValidator = checks.some((c) => c.kind === 'json-schema');
  const [validate, setValidate] = useState<SchemaValidator | null>(null);
  useEffect(() => {
    if (!needsValidator || validate) return;
    let live = true;
    void import('../../lib/json-schema/check-output').then((m) => {
      if (live) setValidate(() => m.checkValue);
    });
    return () => {
      live = false;
    };
  }, [needsValidator, validate]);

  return useMemo((): ResultsOf => {
    if (checks.length === 0) return () => NONE;
    const cache = new WeakMap<GridCell, { row: GridRow; results: readonly (CheckResult | null)[] }>();
    const pending = checks.map(() => null);
    return (cell, row) => {
      if (cell?.status !== 'done') return pending;
      const hit = cache.get(cell);
      if (hit && hit.row === row) return hit.results;
      const results = cellResults(checks, cell, row, validate);
      cache.set(cell, { row, results });
      return results;
    };
  }, [checks, validate]);
}
