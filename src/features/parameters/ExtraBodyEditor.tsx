import { parseExtraBody } from '../../lib/openai/request';
import { areaClass } from './controls';

/** Vendor parameters merged at the top level of the body, last, so they may override ours. */
export function ExtraBodyEditor({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const parsed = parseExtraBody(value);
  return (
    <div className="space-y-1 px-2 pt-1.5">
      <label htmlFor="extra-body" className="flex items-center text-[12.5px] font-medium">
        Extra body
        <code className="ml-auto font-mono text-[10.5px] font-normal text-faint">top_k, min_p, …</code>
      </label>
      <textarea
        id="extra-body"
        data-testid="extra-body-input"
        rows={3}
        spellCheck={false}
        aria-invalid={!parsed.ok}
        placeholder='{"top_k": 40, "min_p": 0.05, "repetition_penalty": 1.1}'
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${areaClass} ${parsed.ok ? 'border-line' : 'border-danger'}`}
      />
      {parsed.ok ? (
        <div className="text-[11px] text-faint">
          A JSON object merged into the request: vLLM, llama.cpp, Ollama and others read top_k, min_p, repetition_penalty,
          chat_template_kwargs.
        </div>
      ) : (
        <div role="alert" className="text-[11px] text-danger">
          {parsed.error.message}
        </div>
      )}
    </div>
  );
}
