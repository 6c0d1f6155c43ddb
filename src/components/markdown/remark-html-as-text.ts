import type { Root } from 'mdast';

/** Raw HTML in model output is shown as the literal text it is, never interpreted. */
export function remarkHtmlAsText() {
  return (tree: Root) => {
    const visit = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'html') node.type = 'text';
      if (Array.isArray(node.children)) for (const child of node.children) visit(child as typeof node);
    };
    visit(tree);
  };
}
