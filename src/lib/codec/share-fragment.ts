/**
 * Where a share link carries its conversation: the `share` entry of the URL fragment. No codec
 * here: the first screen asks whether the address carries one before the codec loads.
 */
export const SHARE_PARAM = 'share';

/** The payload of `#share=…` in a URL or fragment, or null when there is none. */
export function sharePayload(text: string): string | null {
  const match = new RegExp(`(?:^|[#&])${SHARE_PARAM}=([A-Za-z0-9_-]*)`).exec(text.trim());
  return match ? match[1]! : null;
}
