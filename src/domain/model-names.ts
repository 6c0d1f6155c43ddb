/**
 * Names as servers return them, and the names a price may be kept under. A reply stores the model
 * its server named (`gpt-4o-2024-08-06`, `openai/gpt-4o`, `ft:gpt-4o-mini-2024-07-18:org::id`,
 * an Azure deployment's model); a price the person set for `gpt-4o` applies to all of them. Pure.
 */

/** A dated snapshot suffix: -2024-08-06, -20240806, or OpenAI's older -0613 / -1106 style. */
const DATE_SUFFIX = /-(\d{4}-\d{2}-\d{2}|20\d{6}|\d{4})$/;

/** `ft:BASE:org:suffix:id` → BASE (OpenAI's fine-tune names). */
export function fineTuneBase(model: string): string | null {
  const m = /^ft:([^:]+):/.exec(model.trim());
  return m ? m[1]! : null;
}

/** The id without a vendor prefix (`openai/gpt-4o` → `gpt-4o`, `accounts/fireworks/models/x` → `x`). */
export function withoutVendor(model: string): string {
  const id = model.trim();
  return id.includes('/') ? (id.split('/').pop() ?? id) : id;
}

/** The id without a snapshot date (`gpt-4o-2024-08-06` → `gpt-4o`); the id itself when it has none. */
export function withoutDate(model: string): string {
  return model.replace(DATE_SUFFIX, '');
}

/**
 * Names to look a model up by, most specific first: exactly as given, then without the vendor
 * prefix, then without the snapshot date. A fine-tune lists itself first and its base model last
 * (a fine-tune is billed at its own rate, so the base is only for facts, never for a price: see
 * {@link priceNameCandidates}).
 */
export function nameCandidates(model: string): string[] {
  const id = model.trim();
  if (id === '') return [];
  const base = fineTuneBase(id);
  const out = [id];
  if (base) out.push(`ft:${base}`, `ft:${withoutDate(base)}`, base, withoutDate(base));
  else {
    const bare = withoutVendor(id);
    out.push(bare, withoutDate(id), withoutDate(bare));
  }
  return [...new Set(out)];
}

/** The names a price may be kept under: like {@link nameCandidates}, but a fine-tune never takes its base model's price. */
export function priceNameCandidates(model: string): string[] {
  const all = nameCandidates(model);
  return fineTuneBase(model) ? all.filter((n) => n.startsWith('ft:')) : all;
}
