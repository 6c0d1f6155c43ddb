import type { BlobData, ConversationBundle } from './format';
import { ROLE_LABEL } from '../../domain/types';
import { currentPath, pieces } from './transcript';

function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

/** A readable transcript of the current branch; images embedded as data URLs so it stands alone. */
export function toMarkdown(bundle: ConversationBundle, blobs: ReadonlyMap<string, BlobData>): string {
  const { conversation: c, endpoint } = bundle;
  const lines = [`# ${c.title.replace(/\n/g, ' ')}`, ''];
  const meta = [`Model: \`${c.params.model}\``];
  if (endpoint) meta.push(`Endpoint: ${endpoint.baseURL}`);
  meta.push(`Exported ${new Date().toISOString().slice(0, 10)}`);
  lines.push(`*${meta.join(' · ')}*`, '');
  for (const m of currentPath(bundle)) {
    const who = [ROLE_LABEL[m.role], m.name, m.role === 'assistant' ? m.model : undefined].filter(Boolean).join(' · ');
    lines.push('---', '', `### ${who}`, '');
    if (m.reasoning) lines.push('**Reasoning**', '', quote(m.reasoning), '');
    for (const p of pieces(m.content, blobs)) {
      if (p.kind === 'text') lines.push(m.role === 'tool' ? fence(p.text) : p.text, '');
      else if (p.kind === 'image')
        lines.push(p.src ? `![${p.alt}](${p.src})` : p.url ? `![${p.alt}](<${p.url}>)` : `*[${p.alt} missing]*`, '');
      else lines.push(`*[${p.label}]*`, '');
    }
    if (m.refusal) lines.push(`**Refusal:** ${m.refusal}`, '');
    for (const t of m.toolCalls ?? []) lines.push(`**Tool call** \`${t.name}\` (${t.id})`, '', fence(t.arguments, 'json'), '');
    if (m.role === 'tool' && m.toolCallId) lines.push(`*Result of ${m.toolCallId}*`, '');
  }
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
