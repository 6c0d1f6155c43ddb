import type { Page } from '@playwright/test';
import { expect, type PlaygroundPage } from './app';

/** A 2×2 PNG, small enough to compare base64 exactly. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP8z8Dwn4GBgYGJAQoAAB4AAv/ZCqoAAAAASUVORK5CYII=';
export const PNG = Buffer.from(PNG_BASE64, 'base64');

type Body = { messages: Record<string, unknown>[] } & Record<string, unknown>;

/** The request whose JSON contains `marker` (tests run in parallel against one endpoint). */
export async function requestWith(app: PlaygroundPage, marker: string): Promise<Body> {
  let found: Body | undefined;
  await expect
    .poll(async () => {
      found = (await app.receivedRequests()).reverse().find((r) => JSON.stringify(r.body).includes(marker))?.body as Body | undefined;
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

/** Dispatches a paste (or drop) of an image file on the element matching `selector`. */
export async function pasteImage(page: Page, selector: string, kind: 'paste' | 'drop', name: string): Promise<void> {
  await page.evaluate(
    ({ selector, kind, name, b64 }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: 'image/png' }));
      const target = document.querySelector(selector)!;
      if (kind === 'paste') {
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      } else {
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { selector, kind, name, b64: PNG_BASE64 },
  );
}
