import { useState } from 'react';
import { Field, TextInput } from '../../components/ui/Field';
import { normalizeBaseURL } from '../../domain/endpoints';
import { REFERENCE_ENDPOINT_ID, useActiveEndpoint, useEndpointsStore } from './endpoints-store';
import { useModels } from './models-query';

export function EndpointPanel({ model, onModel }: { model: string; onModel: (model: string) => void }) {
  const endpoint = useActiveEndpoint();
  const endpoints = useEndpointsStore((s) => s.endpoints);
  const apiKey = useEndpointsStore((s) => s.apiKeys[endpoint.id] ?? '');
  const { update, setApiKey, setActive, setKeyPersistence, activateBaseURL } = useEndpointsStore.getState();
  const [baseDraft, setBaseDraft] = useState<{ id: string; value: string } | null>(null);
  const models = useModels(endpoint.baseURL, apiKey, endpoint.headers);
  const listId = `models-${endpoint.id}`;

  return (
    <section className="space-y-3" aria-label="Endpoint">
      {endpoints.length > 1 ? (
        <Field label="Endpoint">
          <select value={endpoint.id} onChange={(e) => setActive(e.target.value)} className="h-8 w-full rounded-md border border-line bg-raised px-2 text-[13px]">
            {endpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label="Base URL" hint="The address before /chat/completions, e.g. https://api.openai.com/v1">
        <TextInput
          data-testid="endpoint-base-url"
          value={baseDraft?.id === endpoint.id ? baseDraft.value : endpoint.baseURL}
          spellCheck={false}
          onChange={(e) => setBaseDraft({ id: endpoint.id, value: e.target.value })}
          onBlur={() => {
            if (baseDraft?.id === endpoint.id && normalizeBaseURL(baseDraft.value) !== endpoint.baseURL) {
              // The built-in endpoint keeps its address; another address becomes a profile of its own,
              // so a key typed for it is never sent to the playground's host.
              if (endpoint.id === REFERENCE_ENDPOINT_ID) activateBaseURL(baseDraft.value);
              else update(endpoint.id, { baseURL: normalizeBaseURL(baseDraft.value) });
            }
            setBaseDraft(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </Field>
      <Field label="API key" hint="Kept only in this browser; sent only in the Authorization header to this endpoint.">
        <TextInput
          data-testid="endpoint-api-key"
          type="password"
          autoComplete="off"
          placeholder="not needed for the reference endpoint"
          value={apiKey}
          onChange={(e) => setApiKey(endpoint.id, e.target.value)}
        />
      </Field>
      <fieldset className="flex gap-3 text-[12px] text-muted">
        <legend className="sr-only">Where the key is kept</legend>
        {(['device', 'session'] as const).map((p) => (
          <label key={p} className="inline-flex items-center gap-1.5">
            <input type="radio" name={`keyp-${endpoint.id}`} checked={endpoint.keyPersistence === p} onChange={() => setKeyPersistence(endpoint.id, p)} />
            {p === 'device' ? 'Remember on this device' : 'This session only'}
          </label>
        ))}
      </fieldset>
      <Field
        label="Model"
        hint={
          models.isLoading
            ? 'Loading the model list…'
            : models.isError
              ? `Could not list models (${models.error.message}); any model id can still be typed.`
              : `${models.data?.length ?? 0} models listed; any id can be typed.`
        }
      >
        <div className="flex gap-1.5">
          <TextInput data-testid="model-input" list={listId} value={model} spellCheck={false} onChange={(e) => onModel(e.target.value)} />
          <button type="button" aria-label="Refresh the model list" title="Refresh the model list" onClick={() => void models.refetch()} className="h-8 shrink-0 rounded-md border border-line px-2 text-[12px] text-muted hover:text-fg">
            ↻
          </button>
        </div>
        <datalist id={listId}>
          {models.data?.map((m) => (
            <option key={m.id} value={m.id} />
          ))}
        </datalist>
      </Field>
    </section>
  );
}
