import type { CSSProperties } from 'react';
import { probability } from '../../domain/choices';
import { tokenLabel, validBytes, type TokenGroup } from '../../domain/token-groups';
import type { TokenLogprob, TopLogprob } from '../../domain/types';

/** A probability as a percentage, with more digits when it is small. */
export function percent(logprob: number): string {
  const p = probability(logprob);
  if (p > 0 && p < 0.0001) return '<0.01%';
  return `${(p * 100).toFixed(p < 0.01 ? 2 : 1)}%`;
}

/** A token in quotes, its newlines and tabs written out; escaped bytes ("\\xf0") stay as they are. */
export const quoted = (text: string) => `"${text.replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;

const sameToken = (a: TopLogprob, b: TopLogprob) => a.token === b.token && JSON.stringify(validBytes(a)) === JSON.stringify(validBytes(b));

/** The popup of one token (or one character made of several): its probability and the alternatives the model weighed. */
export function TokenDetails({ id, group, style }: { id: string; group: TokenGroup; style: CSSProperties }) {
  const first = group.tokens[0]!;
  const several = group.tokens.length > 1;
  return (
    <span
      id={id}
      role="tooltip"
      data-testid="logprob-alternatives"
      style={style}
      className="pointer-events-none absolute z-20 mt-1 block whitespace-normal rounded-md border border-line bg-raised p-2 font-mono text-[11.5px] leading-snug text-fg shadow-lg"
    >
      {several ? <Parts group={group} /> : null}
      <span className="mb-1 block font-sans text-faint">{several ? 'Top alternatives at its first token' : 'Top alternatives'}</span>
      {first.topLogprobs.length > 0 ? (
        first.topLogprobs.map((a, i) => <Row key={i} label={tokenLabel(a)} logprob={a.logprob} chosen={sameToken(a, first)} />)
      ) : (
        <>
          <Row label={tokenLabel(first)} logprob={first.logprob} chosen />
          <span className="mt-1 block font-sans text-faint">None sent: set top_logprobs to see them.</span>
        </>
      )}
    </span>
  );
}

/** A character cut across tokens: the joint probability (what the view tints by) and each token's own. */
function Parts({ group }: { group: TokenGroup }) {
  return (
    <span data-testid="logprob-token-parts" className="mb-2 block border-b border-line pb-2">
      <span className="block font-sans text-muted">
        {quoted(group.text)} is {group.tokens.length} tokens joined by their bytes
      </span>
      <span className="mb-1 block font-sans text-faint">
        Joint probability <span className="font-mono text-fg">{percent(group.logprob)}</span> (the tokens' probabilities multiplied)
      </span>
      {group.tokens.map((t: TokenLogprob, i) => (
        <Row key={i} label={tokenLabel(t)} logprob={t.logprob} />
      ))}
    </span>
  );
}

function Row({ label, logprob, chosen = false }: { label: string; logprob: number; chosen?: boolean }) {
  return (
    <span className={`flex justify-between gap-3 whitespace-pre ${chosen ? 'font-semibold text-fg' : 'text-muted'}`}>
      <span className="truncate">{quoted(label)}</span>
      <span className="tabular-nums">{percent(logprob)}</span>
    </span>
  );
}
