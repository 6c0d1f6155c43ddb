/**
 * Names of files the app writes (exports, downloads). A title becomes a safe, readable stem:
 * lowercase ASCII words joined by dashes, never a name Windows reserves for a device.
 */

/**
 * Windows refuses these as file names, with any extension ("CON.json" too) and in any case:
 * https://learn.microsoft.com/en-us/windows/win32/fileio/naming-a-file ("Do not use the following
 * reserved names for the name of a file: CON, PRN, AUX, NUL, COM0 … COM9, LPT0 … LPT9 …").
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin|conout)$/i;

export function fileSlug(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (!slug) return 'conversation';
  return RESERVED.test(slug) ? `${slug}-conversation` : slug;
}
