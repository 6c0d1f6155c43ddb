import { formatUSD, rateLimits, replyCost, replySpeed } from '../../domain/meter-stats';
import type { ModelFacts } from '../../domain/model-facts';
import { REPLY_PRIMING } from '../../domain/tokens';
import type { ConversationId, Message } from '../../domain/types';
import { useLiveRuns } from '../generation/live-run-store';
import { useMeterStore } from './meter-store';
import { ms, Section } from './parts';

interface Props {
  conversationId: ConversationId | null;
  path: Message[];
  messages: Message[];
  factsFor: (model: string, message?: Message) => ModelFacts;
}

function n(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toLocaleString('en-US');
}

/** The latest reply: the server's usage next to our estimate, speed per choice, rate limits. */
export function ReplyDetails({ conversationId, path, messages, factsFor }: Props) {
  const perMessage = useMeterStore((s) => s.perMessage);
  const textTokens = useMeterStore((s) => s.textTokens);
  const extras = useMeterStore((s) => s.estimate?.extras ?? 0);
  const headers = useLiveRuns((s) => (conversationId ? s.last[conversationId]?.headers : undefined));
  const limits = rateLimits(headers);
  const index = path.findLastIndex((m) => m.role === 'assistant' && m.status !== 'streaming');
  const reply = index >= 0 ? path[index] : undefined;
  const before = index >= 0 ? path.slice(0, index) : [];
  const promptEstimate = before.every((m) => perMessage[m.id] !== undefined)
    ? before.reduce((s, m) => s + (perMessage[m.id] ?? 0), 0) + REPLY_PRIMING + extras
    : null;
  const completionEstimate = reply ? (textTokens[reply.id] ?? null) : null;
  const u = reply?.usage;
  const server = u && !reply.usageEstimated ? u : null;
  const choices = reply?.requestId
    ? messages.filter((m) => m.requestId === reply.requestId).sort((a, b) => (a.choiceIndex ?? 0) - (b.choiceIndex ?? 0))
    : reply
      ? [reply]
      : [];

  return (
    <>
      <Section title="Last reply">
        {!reply ? (
          <p className="text-faint">No reply yet.</p>
        ) : (
          <table data-testid="meter-last-reply" className="w-full text-left">
            <thead className="text-[11px] text-faint">
              <tr>
                <th className="font-normal">tokens</th>
                <th className="text-right font-normal">estimate</th>
                <th className="text-right font-normal">server</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              <tr>
                <td className="font-sans text-muted">prompt</td>
                <td data-testid="meter-estimate-prompt" className="text-right">
                  {n(promptEstimate)}
                </td>
                <td data-testid="meter-actual-prompt" className="text-right">
                  {server ? n(server.promptTokens) : 'not sent'}
                </td>
              </tr>
              <tr>
                <td className="font-sans text-muted">completion</td>
                <td data-testid="meter-estimate-completion" className="text-right">
                  {n(completionEstimate)}
                </td>
                <td data-testid="meter-actual-completion" className="text-right">
                  {server ? n(server.completionTokens) : 'not sent'}
                </td>
              </tr>
              {server?.reasoningTokens !== undefined ? <Extra label="reasoning" value={server.reasoningTokens} /> : null}
              {server?.cachedPromptTokens !== undefined ? <Extra label="cached prompt" value={server.cachedPromptTokens} /> : null}
              {server?.audioPromptTokens !== undefined ? <Extra label="audio prompt" value={server.audioPromptTokens} /> : null}
              {server?.audioCompletionTokens !== undefined ? <Extra label="audio completion" value={server.audioCompletionTokens} /> : null}
            </tbody>
          </table>
        )}
        {reply && !server ? (
          <p className="mt-1 text-[11px] text-warn">The server sent no usage: the estimate is used and marked ≈.</p>
        ) : null}
      </Section>
      {choices.length > 0 ? (
        <Section title={choices.length > 1 ? `Speed and cost per choice (${choices.length})` : 'Speed and cost'}>
          <table data-testid="meter-speed" className="w-full text-left">
            <thead className="text-[11px] text-faint">
              <tr>
                <th className="font-normal">choice</th>
                <th className="text-right font-normal">first token</th>
                <th className="text-right font-normal">tokens/s</th>
                <th className="text-right font-normal">total</th>
                <th className="text-right font-normal">cost</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {choices.map((c) => {
                const s = replySpeed(c);
                const cost = replyCost(c, factsFor(c.model ?? '', c));
                return (
                  <tr key={c.id}>
                    <td>#{c.choiceIndex ?? 0}</td>
                    <td className="text-right">{ms(s.ttftMs)}</td>
                    <td className="text-right">{s.tokensPerSec === null ? '—' : s.tokensPerSec.toFixed(1)}</td>
                    <td className="text-right">{ms(s.totalMs)}</td>
                    <td className="text-right">{cost === null ? 'no price' : formatUSD(cost)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {choices.length > 1 ? (
            <p className="mt-1 text-[11px] text-faint">Usage of n&gt;1 replies covers all choices; it is billed once.</p>
          ) : null}
        </Section>
      ) : null}
      <Section title="Rate limits (last response)">
        {limits.length === 0 ? (
          <p className="text-faint">The server sent no x-ratelimit-* headers the browser may read.</p>
        ) : (
          <table data-testid="meter-rate-limits" className="w-full text-left font-mono">
            <thead className="font-sans text-[11px] text-faint">
              <tr>
                <th className="font-normal">limit</th>
                <th className="text-right font-normal">remaining</th>
                <th className="text-right font-normal">of</th>
                <th className="text-right font-normal">resets in</th>
              </tr>
            </thead>
            <tbody>
              {limits.map((l) => (
                <tr key={l.what}>
                  <td className="font-sans text-muted">{l.what}</td>
                  <td className="text-right">{l.remaining ?? '—'}</td>
                  <td className="text-right">{l.limit ?? '—'}</td>
                  <td className="text-right">{l.reset ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}

function Extra({ label, value }: { label: string; value: number }) {
  return (
    <tr>
      <td className="font-sans text-muted">{label}</td>
      <td className="text-right text-faint">—</td>
      <td className="text-right">{value.toLocaleString('en-US')}</td>
    </tr>
  );
}
