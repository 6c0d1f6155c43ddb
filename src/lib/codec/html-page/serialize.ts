/**
 * HTML text of the page's tree (hast). Small and strict on purpose: every text and attribute value
 * is escaped so that no `<` is ever left outside a tag — text escapes `&`, `<` and `>`, attribute
 * values (always double-quoted) also `"` — and a `raw` node (never produced here) is written as text.
 * Only the page's own stylesheet is written unescaped.
 */
import type { Nodes, Properties } from 'hast';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const NAMES: Readonly<Record<string, string>> = { className: 'class', htmlFor: 'for', httpEquiv: 'http-equiv', charSet: 'charset' };

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** hast property names to HTML attribute names: `dataFootnoteRef` → `data-footnote-ref`, `ariaLabel` → `aria-label`. */
function attributeName(key: string): string {
  if (NAMES[key]) return NAMES[key];
  if (/^(data|aria)[A-Z]/.test(key)) return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return key.toLowerCase();
}

function attributes(properties: Properties): string {
  let out = '';
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const name = attributeName(key);
    // A name that could end the tag or hold markup is dropped (the tree never has one).
    if (!/^[a-z][a-z0-9-]*$/.test(name) || name.startsWith('on')) continue;
    if (value === true) out += ` ${name}`;
    else out += ` ${name}="${escapeAttribute(Array.isArray(value) ? value.join(' ') : String(value))}"`;
  }
  return out;
}

export function toHtml(node: Nodes | Nodes[], inStyle = false): string {
  if (Array.isArray(node)) return node.map((n) => toHtml(n, inStyle)).join('');
  switch (node.type) {
    case 'root':
      return toHtml(node.children);
    case 'text':
      return inStyle ? node.value.replace(/</g, '\\3c ') : escapeText(node.value);
    case 'raw':
      return escapeText(node.value);
    case 'element': {
      const open = `<${node.tagName}${attributes(node.properties)}>`;
      if (VOID.has(node.tagName)) return open;
      return `${open}${toHtml(node.children as Nodes[], node.tagName === 'style')}</${node.tagName}>`;
    }
    default:
      return ''; // comments and doctypes are never written from the tree
  }
}
