// Plausible, deterministic log probabilities: mostly near 0 with occasional
// uncertain tokens; alternatives share the remaining probability mass, so the
// numbers are consistent (the probabilities never sum above 1).
import type { Rng } from './prng';

export interface TopLogprob {
  token: string;
  logprob: number;
  bytes: number[];
}

export interface TokenLogprob extends TopLogprob {
  top_logprobs: TopLogprob[];
}

const ALTERNATIVES = [
  ' the',
  ' a',
  ',',
  '.',
  ' and',
  ' to',
  ' of',
  ' is',
  ' in',
  ' it',
  '\n',
  ' that',
  ' for',
  ' this',
  ' you',
  ' with',
  ' on',
  ' as',
  ' be',
  ' can',
  ' are',
  ':',
  ' or',
  ' an',
  ' I',
  '\n\n',
  ' not',
  ' so',
  "'s",
  ' we',
];

const bytesOf = (token: string): number[] => Array.from(Buffer.from(token, 'utf8'));
const round = (x: number): number => Math.round(x * 1e8) / 1e8;

export function makeLogprob(token: string, rng: Rng, top: number): TokenLogprob {
  const confident = rng.chance(0.85);
  const chosen = confident ? -(1e-6 + rng.next() ** 3 * 0.08) : -(0.2 + rng.next() * 2.3);
  const rest = 1 - Math.exp(chosen);
  const alternatives = rng.sample(
    ALTERNATIVES.filter((a) => a !== token),
    Math.max(0, top - 1),
  );
  const logprob = round(chosen);
  const entry: TopLogprob = { token, logprob, bytes: bytesOf(token) };
  const topList: TopLogprob[] = top > 0 ? [entry] : [];
  let share = 0.55;
  for (const alt of alternatives) {
    topList.push({ token: alt, logprob: round(Math.log(rest * share)), bytes: bytesOf(alt) });
    share *= 0.45;
  }
  return { ...entry, top_logprobs: topList };
}
