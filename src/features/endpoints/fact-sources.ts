import { CATALOGS, catalogLabel } from '../../domain/catalog-facts';
import type { FactSource, ResolvedFacts } from '../../domain/model-facts';

export const SOURCE: Record<FactSource, string> = {
  prices: catalogLabel(CATALOGS.prices),
  catalog: catalogLabel(CATALOGS.facts),
  server: 'the server’s model list',
  person: 'your edit',
  local: 'a local server (free)',
  guess: 'a guess from the name',
};

/** "prices: genai-prices 0.1.8 (2026-09-23) · context: the server's model list": where the shown figures came from. */
export function sourcesLine({ sources }: ResolvedFacts): string {
  const parts: string[] = [];
  const price = sources.inputPrice ?? sources.outputPrice;
  if (price) parts.push(`price: ${SOURCE[price]}`);
  const rest = [...new Set([sources.contextWindow, sources.maxOutput, sources.vision, sources.tools].filter((x) => x !== undefined))];
  if (rest.length > 0) parts.push(`limits: ${rest.map((x) => SOURCE[x]).join(', ')}`);
  return parts.join(' · ');
}
