/**
 * The conversation as a single self-contained web page, formatted as in the app: markdown,
 * highlighted code, images, reasoning folded, tool calls, usage per reply. The page has no script
 * at all and a Content-Security-Policy that loads nothing but inline styles and data: images; the
 * page is built as an HTML tree and serialized by `serialize.ts`, so every text and attribute from
 * the conversation is escaped. Its markdown is formatted by the app's own code (`MarkdownTools`).
 */
import type { Element, ElementContent } from 'hast';
import { revealInvisible } from '../../../domain/link-safety';
import { ROLE_LABEL, type Message, type ToolCall, type Usage } from '../../../domain/types';
import type { BlobData, ConversationBundle } from '../format';
import { embeddedData } from '../html';
import type { DocumentV2 } from '../schema';
import { currentPath, pieces } from '../transcript';
import { el, text } from './hast';
import { codeBlock, image, markdownToHast, type MarkdownTools } from './markdown';
import { toHtml } from './serialize';
import { PAGE_CSS } from './style';

/** Nothing is fetched, framed, submitted or run: the page shows what it carries and no more. */
export const PAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A time as "YYYY-MM-DD HH:MM UTC"; an imported file may carry any number (the fuzz found 8.64e15 + 1). */
function when(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? 'unknown' : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function metaRow(label: string, value: string, mono = false): Element {
  return el('div', {}, [el('dt', {}, [text(label)]), el('dd', mono ? { className: ['mono'] } : {}, [text(value)])]);
}

function usageRow(usage: Usage, estimated: boolean, finishReason: string | null | undefined): Element {
  // Reasoning and cached tokens only when there are any: most replies have none.
  const figure = (n: number | null | undefined, label: string, optional = false): ElementContent[] =>
    n == null || (optional && n === 0) ? [] : [el('span', {}, [el('b', {}, [text(n.toLocaleString('en'))]), text(` ${label}`)])];
  return el('div', { className: ['usage'] }, [
    ...figure(usage.promptTokens, 'prompt'),
    ...figure(usage.completionTokens, 'completion'),
    ...figure(usage.totalTokens, 'total tokens'),
    ...figure(usage.reasoningTokens, 'reasoning', true),
    ...figure(usage.cachedPromptTokens, 'cached', true),
    ...(estimated ? [el('span', {}, [text('estimated')])] : []),
    ...(finishReason ? [el('span', {}, [text(`finish: ${finishReason}`)])] : []),
  ]);
}

function toolCall(call: ToolCall, tools: MarkdownTools): Element {
  let pretty: string | null = null;
  try {
    pretty = JSON.stringify(JSON.parse(call.arguments), null, 2);
  } catch {
    pretty = null; // not valid JSON (a cut reply): only the exact text can be shown
  }
  return el('div', { className: ['tool-call'], dataToolName: call.name, dataToolCallId: call.id }, [
    el('div', { className: ['tool-head'] }, [
      el('strong', {}, [text(`ƒ ${call.name || '(no name)'}`)]),
      el('code', {}, [text(call.id)]),
      ...(pretty === null ? [el('span', { className: ['warn'] }, [text('arguments are not valid JSON')])] : []),
    ]),
    pretty === null ? el('pre', {}, [el('code', {}, [text(call.arguments)])]) : codeBlock(pretty, 'json', tools),
  ]);
}

function message(m: Message, index: number, blobs: ReadonlyMap<string, BlobData>, tools: MarkdownTools): Element {
  const body: ElementContent[] = [];
  const who: ElementContent[] = [el('span', { className: ['role'] }, [text(ROLE_LABEL[m.role])])];
  if (m.name) who.push(el('span', { className: ['name'] }, [text(m.name)]));
  if (m.role === 'assistant' && m.model) who.push(el('span', { className: ['model'] }, [text(m.model)]));
  body.push(el('div', { className: ['who'] }, who));

  if (m.reasoning) {
    body.push(
      el('details', { className: ['reasoning'] }, [
        el('summary', {}, [text('Reasoning '), el('span', {}, [text(`(${m.reasoning.length.toLocaleString('en')} chars)`)])]),
        el('div', { className: ['reasoning-text'] }, [text(m.reasoning)]),
      ]),
    );
  }
  const parts = pieces(m.content, blobs);
  const written = parts.flatMap((p) => (p.kind === 'text' ? [p.text] : [])).join('');
  if (written !== '') {
    // As in the app: what people write is shown as written, what models write is formatted.
    const plain = m.role === 'user' || m.role === 'tool';
    body.push(
      plain
        ? el('div', { className: ['content', 'plain-text'] }, [text(written)])
        : el('div', { className: ['content', 'md'] }, markdownToHast(written, `m${index}-`, tools)),
    );
  }
  const media = parts.flatMap((p): ElementContent[] => {
    if (p.kind === 'image') return [image(p.src ?? p.url ?? '', p.alt)];
    if (p.kind === 'attachment') return [el('span', { className: ['note'] }, [text(`[${p.label}]`)])];
    return [];
  });
  if (media.length > 0) body.push(el('div', { className: ['parts'] }, media));
  if (m.audio?.transcript) body.push(el('p', { className: ['note'] }, [text(`Audio reply: ${m.audio.transcript}`)]));
  if (m.role === 'tool' && m.toolCallId) body.push(el('div', { className: ['answers'] }, [text(`answers ${m.toolCallId}`)]));
  if (m.refusal) body.push(el('div', { className: ['refusal'] }, [el('strong', {}, [text('Refusal: ')]), text(m.refusal)]));
  for (const call of m.toolCalls ?? []) body.push(toolCall(call, tools));
  if (m.status === 'interrupted' || m.status === 'error') {
    const what = m.status === 'error' ? 'Failed' : 'Interrupted';
    body.push(el('p', { className: ['status'] }, [text(m.error?.message ? `${what}: ${m.error.message}` : `${what}.`)]));
  }
  if (m.role === 'assistant' && m.usage) body.push(usageRow(m.usage, m.usageEstimated === true, m.finishReason));
  return el('article', { className: ['message', m.role], dataRole: m.role }, body);
}

export function toHTML(bundle: ConversationBundle, blobs: ReadonlyMap<string, BlobData>, doc: DocumentV2, tools: MarkdownTools): string {
  const { conversation: c, endpoint } = bundle;
  // As in the app (TitleText): bidi and invisible controls in a title are shown, not obeyed.
  const title = revealInvisible(c.title);
  const path = currentPath(bundle);
  const meta = [metaRow('Model', c.params.model, true)];
  if (endpoint) meta.push(metaRow('Endpoint', endpoint.baseURL, true));
  meta.push(
    metaRow('Created', when(c.createdAt)),
    metaRow('Exported', when(Date.parse((doc as DocumentV2 | null)?.exportedAt ?? '') || Date.now())),
  );
  meta.push(metaRow('Messages', String(path.length)));

  const head = [
    el('meta', { charSet: 'utf-8' }),
    el('meta', { httpEquiv: ['Content-Security-Policy'], content: PAGE_CSP }),
    el('meta', { name: 'referrer', content: 'no-referrer' }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el('meta', { name: 'generator', content: 'Chat Playground' }),
    el('title', {}, [text(title)]),
    el('style', {}, [text(PAGE_CSS)]),
  ];
  const body = [
    el('main', {}, [
      el('header', { className: ['page-head'] }, [
        el('h1', {}, [el('bdi', { dir: 'auto' }, [text(title)])]),
        el('dl', { className: ['meta'] }, meta),
      ]),
      ...path.map((m, i) => message(m, i, blobs, tools)),
    ]),
    el('footer', {}, [text('Exported from Chat Playground. Import this file in the playground to continue the conversation.')]),
  ];
  return `<!doctype html>
<html lang="en"><head>${toHtml(head)}</head>
<body>${toHtml(body)}
${embeddedData(doc)}
</body></html>
`;
}
