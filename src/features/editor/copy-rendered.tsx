// "Copy rendered": a message as the person reads it, for pasting into a document or an email.
// The clipboard gets HTML (headings, lists, tables, code stay formatted) and the plain text a
// person would select, from the same markdown rendering the conversation uses; browsers without
// ClipboardItem (or that refuse it) get the plain text only.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import MarkdownRenderer from '../../components/markdown/MarkdownRenderer';
import { messageText } from '../../domain/messages';
import type { Message } from '../../domain/types';
import { notify } from '../../lib/notify/notify';

export interface RenderedCopy {
  html: string;
  plain: string;
}

function settle(): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 200 }) : resolve()), 30),
  );
}

/** The app's own chrome inside rendered markdown (a code block's label and Copy button, link hints) is not the text. */
function withoutChrome(rendered: Element): HTMLElement {
  const copy = rendered.cloneNode(true) as HTMLElement;
  for (const pre of copy.querySelectorAll('pre')) {
    const frame = pre.parentElement;
    if (frame && frame !== copy && frame.querySelector(':scope > div > button')) frame.replaceWith(pre);
  }
  // Highlighting is colour from class names, which are dropped below: keep the code as text.
  for (const code of copy.querySelectorAll('pre code')) code.replaceChildren(code.textContent ?? '');
  for (const el of copy.querySelectorAll('button, [data-testid="link-real-host"]')) el.remove();
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    el.removeAttribute('class');
    el.removeAttribute('tabindex');
    el.removeAttribute('data-testid');
  }
  return copy;
}

/** Off screen, so the copy does not depend on what the message shows now (raw, tokens, scrolled away). */
function offscreen(): HTMLDivElement {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:720px;white-space:normal';
  document.body.append(host);
  return host;
}

/** Markdown as HTML and as the text a reader sees, taken from the DOM of its rendering. */
export async function renderForCopy(text: string, markdown: boolean): Promise<RenderedCopy> {
  const host = offscreen();
  const out = offscreen();
  const root = createRoot(host);
  try {
    if (markdown) {
      flushSync(() => root.render(<MarkdownRenderer text={text} />));
      // A long text is formatted a slice per idle period: wait until the markup stops changing.
      let last = '';
      for (let i = 0; i < 40 && host.innerHTML !== last; i++) {
        last = host.innerHTML;
        await settle();
      }
    } else {
      // User and tool messages are shown as they were typed: their rendering is the text, lines kept.
      const div = document.createElement('div');
      div.style.whiteSpace = 'pre-wrap';
      div.textContent = text;
      host.append(div);
    }
    const clean = withoutChrome(host.firstElementChild ?? host);
    out.append(clean);
    return { html: clean.outerHTML, plain: out.innerText };
  } finally {
    root.unmount();
    host.remove();
    out.remove();
  }
}

/** Copies a message as it reads rendered: HTML and plain text on the clipboard, else plain text. */
export async function copyRendered(message: Message): Promise<void> {
  // User and tool messages show as typed; the other roles as markdown.
  const rendered = renderForCopy(messageText(message.content), message.role !== 'user' && message.role !== 'tool');
  try {
    if (typeof ClipboardItem === 'undefined') throw new Error('no ClipboardItem');
    // Promised blobs: the write starts now, while the click still counts as the person's (Safari).
    const blob = (type: string, pick: (r: RenderedCopy) => string) => rendered.then((r) => new Blob([pick(r)], { type }));
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/html': blob('text/html', (r) => r.html), 'text/plain': blob('text/plain', (r) => r.plain) }),
    ]);
    notify('Rendered text copied (formatted and plain)', 'success');
  } catch {
    try {
      await navigator.clipboard.writeText((await rendered).plain);
      notify('Rendered text copied as plain text: this browser did not take the formatted copy', 'success');
    } catch {
      notify('Could not copy the rendered text: the browser refused clipboard access.', 'error');
    }
  }
}
