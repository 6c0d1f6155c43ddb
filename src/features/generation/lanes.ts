import type { Conversation } from '../../domain/types';
import { parseExtraBody } from '../../lib/openai/request';
import type { Lane } from './start-requests';

/** A configuration a run can go to: an endpoint profile (null: the active one), a model and JSON merged into the body. */
export interface LaneConfig {
  endpointId: string | null;
  model: string;
  overrides: string;
}

/** The lanes for `configs`: the conversation's parameters with each column's model, endpoint and overrides (compare, grid). */
export function lanesFor(conversation: Conversation, configs: readonly LaneConfig[]): Lane[] | string {
  const base = parseExtraBody(conversation.params.extraBody);
  const lanes: Lane[] = [];
  for (const [i, c] of configs.entries()) {
    const extra = parseExtraBody(c.overrides);
    if (!extra.ok) return `Column ${i + 1}: ${extra.error.message}`;
    if (c.model.trim() === '') return `Column ${i + 1}: a model id is needed.`;
    const merged = { ...(base.ok ? base.value : {}), ...extra.value };
    lanes.push({
      params: { ...conversation.params, model: c.model.trim(), extraBody: Object.keys(merged).length ? JSON.stringify(merged) : '' },
      endpointId: c.endpointId,
      label: `${c.model.trim()}${c.overrides.trim() ? ' · custom' : ''}`,
    });
  }
  return lanes;
}
