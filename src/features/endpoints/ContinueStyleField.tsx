// The profile's continue style: how its server continues a cut reply, with one line on each choice.
import { Field } from '../../components/ui/Field';
import {
  CONTINUE_STYLES,
  continueStyleInfo,
  DEEPSEEK_BETA_BASE_URL,
  effectiveContinue,
  type ContinueStyle,
} from '../../domain/continue-style';
import { continueStyleOf } from '../../domain/endpoints';
import type { Endpoint } from '../../domain/types';
import { useEndpointsStore } from './endpoints-store';

export function ContinueStyleField({ endpoint }: { endpoint: Endpoint }) {
  const style = continueStyleOf(endpoint);
  const { blocked } = effectiveContinue(style, endpoint.baseURL);
  const { update } = useEndpointsStore.getState();
  return (
    <div className="space-y-1">
      <Field
        label="Continue a cut reply"
        hint={<span data-testid="endpoint-continue-style-explanation">{continueStyleInfo(style).explanation}</span>}
      >
        <select
          data-testid="endpoint-continue-style"
          value={style}
          onChange={(e) => update(endpoint.id, { continueStyle: e.target.value as ContinueStyle })}
          className="h-8 w-full rounded-md border border-line bg-raised px-2 text-[12.5px]"
        >
          {CONTINUE_STYLES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </Field>
      {blocked ? (
        <p data-testid="endpoint-continue-style-warning" role="status" className="text-[11.5px] text-warn">
          {blocked} Until it does, Continue asks in a new message.{' '}
          <button
            type="button"
            className="text-accent hover:underline"
            onClick={() => update(endpoint.id, { baseURL: DEEPSEEK_BETA_BASE_URL })}
          >
            Use {DEEPSEEK_BETA_BASE_URL}
          </button>
        </p>
      ) : null}
    </div>
  );
}
