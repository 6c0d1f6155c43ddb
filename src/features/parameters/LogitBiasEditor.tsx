import { useState } from 'react';
import { parseLogitBias } from '../../domain/params-parse';
import { Button } from '../../components/ui/Button';
import { controlClass, JsonParam } from './controls';
import { encodeForModel } from './tokenize';

/** logit_bias as JSON, plus "pick tokens by text": the text is tokenized and each token gets the bias. */
export function LogitBiasEditor({
  model,
  value,
  onChange,
}: {
  model: string;
  value: Record<string, number>;
  onChange: (v: Record<string, number>) => void;
}) {
  const [text, setText] = useState('');
  const [bias, setBias] = useState(-100);
  const [note, setNote] = useState<string | null>(null);
  const add = async () => {
    if (text === '') return;
    const { tokens, encoding } = await encodeForModel(model, text);
    const next = { ...value };
    for (const t of tokens) next[String(t.id)] = bias;
    onChange(next);
    setNote(`${tokens.map((t) => `${JSON.stringify(t.text)}=${t.id}`).join(', ')} (${encoding})`);
    setText('');
  };
  return (
    <div className="space-y-1">
      <JsonParam name="logit_bias" value={value} parse={parseLogitBias} onChange={onChange} rows={2} placeholder='{"1734": -100}' />
      <div className="flex items-center gap-1">
        <input
          aria-label="Text to bias"
          data-testid="logit-bias-text"
          value={text}
          placeholder="text → tokens"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void add()}
          className={controlClass}
        />
        <input
          aria-label="Bias"
          data-testid="logit-bias-value"
          type="number"
          min={-100}
          max={100}
          value={bias}
          onChange={(e) => setBias(Math.max(-100, Math.min(100, Number(e.target.value))))}
          className={`${controlClass} w-16! flex-none text-right`}
        />
        <Button data-testid="logit-bias-add" className="h-7! px-2! text-[12px]!" onClick={() => void add()}>
          Add
        </Button>
      </div>
      {note ? <div className="font-mono text-[10.5px] text-faint">{note}</div> : null}
    </div>
  );
}
