import { Welcome } from '../../features/workspace/Welcome';
import { useComposerStore } from '../../features/conversations/composer-store';
import { focusComposer } from '../commands';

const EXAMPLES = [
  {
    label: 'Explain SSE streaming with an example',
    text: 'Explain how server-sent events stream a chat completion, with a short code example.',
  },
  { label: 'A long markdown answer', text: 'Write a detailed overview with lists, a table and code. [[tokens:1500]]' },
  { label: 'An exact reply', text: '[[reply:Hello from the reference endpoint!]]' },
  { label: 'A fault: rate limit, then success', text: 'Show me a retry. [[fault:429-once]]' },
];

export function EmptyState() {
  const setText = useComposerStore((s) => s.setText);
  return (
    <div className="flex min-h-0 flex-1 items-center justify-center overflow-y-auto px-6">
      <div className="max-w-xl space-y-5 py-10 text-center">
        <Welcome />
        <div>
          <h2 className="text-[20px] font-semibold tracking-tight">Talk to any OpenAI-compatible endpoint</h2>
          <p className="mt-2 text-[13px] leading-relaxed text-muted">
            Write a message below and press Ctrl/⌘+Enter. The built-in reference endpoint answers without an API key; point the panel on the
            right at OpenAI, OpenRouter, Ollama, LM Studio, vLLM or llama.cpp to use a real model.
          </p>
        </div>
        <div className="grid grid-cols-1 gap-2 text-left sm:grid-cols-2">
          {EXAMPLES.map((e) => (
            <button
              key={e.label}
              type="button"
              onClick={() => {
                setText(e.text);
                // Into the message box, ready to send with Ctrl/⌘+Enter or to edit first.
                focusComposer();
              }}
              className="rounded-lg border border-line bg-panel px-3 py-2.5 text-[13px] text-fg hover:border-accent focus-visible:outline-2 focus-visible:outline-accent"
            >
              {e.label}
              <span className="mt-0.5 block truncate font-mono text-[11px] text-faint">{e.text}</span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
