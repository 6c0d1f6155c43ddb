/**
 * A single self-contained HTML page that renders the conversation offline. Every piece of text is
 * escaped; the page has no script (a Content-Security-Policy forbids any), only an inert
 * `application/json` block carrying the full conversation file so the page can be imported again.
 */
import type { DocumentV2 } from './schema';
import type { BlobData, ConversationBundle } from './format';
import { ROLE_LABEL } from '../../domain/types';
import { currentPath, pieces } from './transcript';

const DATA_ID = 'chat-playground-data';

export function escapeHTML(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON that cannot close its script element or start a comment. */
function inertJSON(doc: DocumentV2): string {
  return JSON.stringify(doc)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function extractEmbeddedJSON(html: string): string | null {
  const match = new RegExp(`<script type="application/json" id="${DATA_ID}">([\\s\\S]*?)</script>`).exec(html);
  return match ? match[1]! : null;
}

const CSS = `
:root{color-scheme:light dark;--bg:#fafafa;--panel:#fff;--fg:#18181b;--muted:#71717a;--line:#e4e4e7;--accent:#2563eb;--sunken:#f4f4f5}
@media (prefers-color-scheme:dark){:root{--bg:#0f0f11;--panel:#17171a;--fg:#ececef;--muted:#9a9aa3;--line:#2a2a30;--accent:#7aa2ff;--sunken:#1f1f24}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.55 system-ui,-apple-system,Segoe UI,sans-serif}
main{max-width:860px;margin:0 auto;padding:32px 20px}h1{font-size:20px;margin:0 0 4px}.meta{color:var(--muted);font-size:12px;margin-bottom:24px}
.meta code{font-size:11.5px}article{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:12px 16px;margin:10px 0}
.role{font-size:11.5px;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:var(--muted);margin-bottom:6px}
.assistant .role{color:var(--accent)}.text{white-space:pre-wrap;word-wrap:break-word}img{max-width:100%;border-radius:6px;border:1px solid var(--line);margin:6px 0}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}pre{background:var(--sunken);border:1px solid var(--line);border-radius:6px;padding:8px;overflow:auto;font-size:12px;white-space:pre-wrap}
.reasoning{border-left:3px solid var(--line);padding-left:10px;color:var(--muted);white-space:pre-wrap;margin-bottom:8px}.note{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:11.5px;margin-top:24px}`;

export function toHTML(bundle: ConversationBundle, blobs: ReadonlyMap<string, BlobData>, doc: DocumentV2): string {
  const { conversation: c, endpoint } = bundle;
  const parts: string[] = [];
  for (const m of currentPath(bundle)) {
    const who = [ROLE_LABEL[m.role], m.name, m.role === 'assistant' ? m.model : undefined]
      .filter(Boolean)
      .map((s) => escapeHTML(String(s)))
      .join(' · ');
    const body: string[] = [];
    if (m.reasoning) body.push(`<div class="reasoning">${escapeHTML(m.reasoning)}</div>`);
    for (const p of pieces(m.content, blobs)) {
      if (p.kind === 'text') body.push(`<div class="text">${escapeHTML(p.text)}</div>`);
      else if (p.kind === 'image' && p.src) body.push(`<img src="${escapeHTML(p.src)}" alt="${escapeHTML(p.alt)}">`);
      else if (p.kind === 'image') body.push(`<div class="note">[image${p.url ? `: ${escapeHTML(p.url)}` : ' missing'}]</div>`);
      else body.push(`<div class="note">[${escapeHTML(p.label)}]</div>`);
    }
    if (m.refusal) body.push(`<div class="note">Refusal: ${escapeHTML(m.refusal)}</div>`);
    for (const t of m.toolCalls ?? [])
      body.push(
        `<div class="note">Tool call <code>${escapeHTML(t.name)}</code> (${escapeHTML(t.id)})</div><pre>${escapeHTML(t.arguments)}</pre>`,
      );
    parts.push(`<article class="${m.role}"><div class="role">${who}</div>${body.join('')}</article>`);
  }
  const meta = [`Model <code>${escapeHTML(c.params.model)}</code>`];
  if (endpoint) meta.push(`Endpoint ${escapeHTML(endpoint.baseURL)}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(c.title)}</title><style>${CSS}</style></head>
<body><main><h1>${escapeHTML(c.title)}</h1><div class="meta">${meta.join(' · ')}</div>
${parts.join('\n')}
<footer>Exported from Chat Playground. Import this file in the playground to continue the conversation.</footer></main>
<script type="application/json" id="${DATA_ID}">${inertJSON(doc)}</script>
</body></html>
`;
}
