/** A few builders for the page's HTML tree (hast), which `hast-util-to-html` serializes with every text and attribute escaped. */
import type { Element, ElementContent, Nodes, Properties, Text } from 'hast';

export function el(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/** The text of a node, as the person reads it. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}
