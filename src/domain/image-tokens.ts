/**
 * Tokens of one image per OpenAI model family, from OpenAI's vision guide ("Calculating costs",
 * https://platform.openai.com/docs/guides/images-vision#calculating-costs). Two schemes:
 *
 * - Tiles (GPT-4o, GPT-4.1, GPT-4.5, GPT-5, gpt-4o-mini, o1/o3, computer-use): low detail costs the
 *   base tokens; high (and auto, estimated as high) scales the image to fit 2048×2048, then so its
 *   shortest side is 768 (never upscaled), and adds the tile tokens per 512-px tile.
 * - Patches (gpt-4.1-mini/nano, o4-mini, gpt-5-mini/nano): 32-px patches covering the image, at most
 *   1536 (a larger image is scaled down to fit), times the model's multiplier; detail changes nothing.
 *
 * A model of no known family is counted with GPT-4o's rule and marked ≈ (`exact: false`). Pure.
 */
import { withoutVendor } from './model-names';
import type { ImageDetail } from './types';

export type ImageRule =
  { kind: 'tiles'; family: string; base: number; tile: number } | { kind: 'patches'; family: string; multiplier: number };

const tiles = (family: string, base: number, tile: number): ImageRule => ({ kind: 'tiles', family, base, tile });
const patches = (family: string, multiplier: number): ImageRule => ({ kind: 'patches', family, multiplier });

/** Most specific first: `gpt-4.1-mini` before `gpt-4.1`, `gpt-4o-mini` before `gpt-4o`. */
const FAMILIES: readonly [RegExp, ImageRule][] = [
  [/^gpt-4\.1-mini/, patches('gpt-4.1-mini', 1.62)],
  [/^gpt-4\.1-nano/, patches('gpt-4.1-nano', 2.46)],
  [/^gpt-5-mini/, patches('gpt-5-mini', 1.62)],
  [/^gpt-5-nano/, patches('gpt-5-nano', 2.46)],
  [/^o4-mini/, patches('o4-mini', 1.72)],
  [/^gpt-4o-mini/, tiles('gpt-4o-mini', 2833, 5667)],
  [/^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-4-turbo)/, tiles('gpt-4o / 4.1 / 4.5', 85, 170)],
  [/^gpt-5/, tiles('gpt-5', 70, 140)],
  [/^(o1|o3)(-|$)/, tiles('o1 / o3', 75, 150)],
  [/^computer-use/, tiles('computer-use', 65, 129)],
];

const DEFAULT_RULE = tiles('gpt-4o / 4.1 / 4.5', 85, 170);
const MAX_PATCHES = 1536;

/** The image rule of a model's family; `exact` false when the family is unknown (GPT-4o's rule is used). */
export function imageRuleFor(model: string | undefined): { rule: ImageRule; exact: boolean } {
  const id = withoutVendor((model ?? '').toLowerCase()).replace(/^ft:/, '');
  for (const [re, rule] of FAMILIES) if (re.test(id)) return { rule, exact: true };
  return { rule: DEFAULT_RULE, exact: false };
}

function tileTokens(width: number, height: number, detail: ImageDetail, base: number, tile: number): number {
  if (detail === 'low' || width <= 0 || height <= 0) return base;
  const fit = Math.min(1, 2048 / Math.max(width, height));
  let w = width * fit;
  let h = height * fit;
  const shortest = Math.min(1, 768 / Math.min(w, h));
  w *= shortest;
  h *= shortest;
  return base + tile * Math.ceil(w / 512) * Math.ceil(h / 512);
}

/** OpenAI's patch count: above 1536 the image is scaled down so whole patches cover it. */
export function patchCount(width: number, height: number): number {
  const raw = Math.ceil(width / 32) * Math.ceil(height / 32);
  if (raw <= MAX_PATCHES) return raw;
  let r = Math.sqrt((32 * 32 * MAX_PATCHES) / (width * height));
  r *= Math.min(Math.floor((width * r) / 32) / ((width * r) / 32), Math.floor((height * r) / 32) / ((height * r) / 32));
  return Math.min(MAX_PATCHES, Math.ceil((width * r) / 32) * Math.ceil((height * r) / 32));
}

export function imageTokensFor(width: number, height: number, detail: ImageDetail, rule: ImageRule): number {
  if (rule.kind === 'tiles') return tileTokens(width, height, detail, rule.base, rule.tile);
  if (width <= 0 || height <= 0) return 0;
  return Math.ceil(patchCount(width, height) * rule.multiplier);
}
