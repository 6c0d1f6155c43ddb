import { useState } from 'react';
import { Field, TextInput } from '../../components/ui/Field';
import { Switch } from '../../components/ui/Switch';
import {
  analyzeBaseURL,
  ENDPOINT_PRESETS,
  findPreset,
  keyHeaderFor,
  normalizeBaseURL,
  offersKeyHeaderChoice,
} from '../../domain/endpoints';
import { ConnectionTest } from './ConnectionTest';
import { ContinueStyleField } from './ContinueStyleField';
import { REFERENCE_ENDPOINT_ID, useActiveEndpoint, useEndpointsStore } from './endpoints-store';
import { HeadersEditor } from './HeadersEditor';
import { ModelFactsView } from './ModelFactsView';
import { ModelPicker } from './ModelPicker';
import { ProviderRules } from './ProviderRules';
import { useModels } from './models-query';

const small = 'h-8 rounded-md border border-line bg-raised px-2 text-[12.5px]';

export function EndpointPanelBody({ model, onModel }: { model: string; onModel: (model: string) => void }) {
  const endpoint = useActiveEndpoint();
  const endpoints = useEndpointsStore((s) => s.endpoints);
  const apiKey = useEndpointsStore((s) => s.apiKeys[endpoint.id] ?? '');
  const { update, setApiKey, setActive, setKeyPersistence, activateBaseURL, addEndpoint, remove, resetUnsupported, setSplitN } =
    useEndpointsStore.getState();
  const refused = endpoint.unsupported ?? [];
  const [baseDraft, setBaseDraft] = useState<{ id: string; value: string } | null>(null);
  const [showHeaders, setShowHeaders] = useState(false);
  const models = useModels(endpoint.baseURL, apiKey, endpoint.headers, keyHeaderFor(endpoint), endpoint.secretHeaders);
  const preset = findPreset(endpoint.presetId);
  const builtIn = endpoint.id === REFERENCE_ENDPOINT_ID;
  const draft = baseDraft?.id === endpoint.id ? analyzeBaseURL(baseDraft.value) : null;
  const draftChanges = draft?.changes ?? [];
  const keyHeader = keyHeaderFor(endpoint);
  const headerCount = Object.keys(endpoint.headers).length;

  return (
    <section className="space-y-2.5" aria-label="Endpoint">
      <div className="flex items-center gap-1">
        <select
          aria-label="Endpoint"
          data-testid="endpoint-select"
          value={endpoint.id}
          onChange={(e) => setActive(e.target.value)}
          className={`${small} min-w-0 flex-1`}
        >
          {endpoints.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <select
          aria-label="New profile from a preset"
          data-testid="endpoint-add"
          value=""
          onChange={(e) => e.target.value !== '' && addEndpoint(e.target.value === 'blank' ? undefined : e.target.value)}
          className={`${small} w-20 shrink-0 text-muted`}
        >
          <option value="">+ Add</option>
          {ENDPOINT_PRESETS.filter((p) => p.id !== 'reference').map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value="blank">Other (blank)</option>
        </select>
        {!builtIn ? (
          <button
            type="button"
            aria-label="Delete this endpoint"
            title="Delete this endpoint and its key"
            data-testid="endpoint-delete"
            onClick={() => window.confirm(`Delete the endpoint “${endpoint.name}” and its key?`) && remove(endpoint.id)}
            className="h-8 w-8 shrink-0 rounded-md border border-line text-[13px] text-faint hover:text-danger"
          >
            ×
          </button>
        ) : null}
      </div>
      {!builtIn ? (
        <Field label="Name">
          <TextInput data-testid="endpoint-name" value={endpoint.name} onChange={(e) => update(endpoint.id, { name: e.target.value })} />
        </Field>
      ) : null}
      <Field
        label="Base URL"
        hint={
          draft?.refused ? (
            <span className="text-danger" role="alert" data-testid="endpoint-base-url-refused">
              {draft.refused}
            </span>
          ) : draftChanges.length > 0 ? (
            <span className="text-accent">
              Will be saved as {normalizeBaseURL(baseDraft?.value ?? '')} ({draftChanges.join(', ')}).
            </span>
          ) : (
            (preset?.notes ?? 'The address before /chat/completions, e.g. https://api.openai.com/v1')
          )
        }
      >
        <TextInput
          data-testid="endpoint-base-url"
          value={baseDraft?.id === endpoint.id ? baseDraft.value : endpoint.baseURL}
          spellCheck={false}
          placeholder="https://host/v1"
          onChange={(e) => setBaseDraft({ id: endpoint.id, value: e.target.value })}
          onBlur={() => {
            // A URL carrying a key is refused: the draft (and its message) stays until it is fixed.
            if (draft?.refused) return;
            if (baseDraft?.id === endpoint.id && normalizeBaseURL(baseDraft.value) !== endpoint.baseURL) {
              // The built-in endpoint keeps its address; another address becomes a profile of its own,
              // so a key typed for it is never sent to the playground's host.
              if (builtIn) activateBaseURL(baseDraft.value);
              else update(endpoint.id, { baseURL: normalizeBaseURL(baseDraft.value) });
            }
            setBaseDraft(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </Field>
      <Field
        label="API key"
        hint={`Kept only in this browser; sent only in the ${keyHeader === 'api-key' ? 'api-key' : 'Authorization'} header to this endpoint, never exported.`}
      >
        <TextInput
          data-testid="endpoint-api-key"
          type="password"
          autoComplete="off"
          placeholder={preset?.needsKey === false || builtIn ? 'not needed here' : 'sk-…'}
          value={apiKey}
          onChange={(e) => setApiKey(endpoint.id, e.target.value)}
        />
      </Field>
      {offersKeyHeaderChoice(endpoint) ? (
        <label className="flex items-center gap-1.5 text-[12px] text-muted">
          Send the key as:
          <select
            data-testid="endpoint-key-header"
            value={keyHeader}
            onChange={(e) => update(endpoint.id, { keyHeader: e.target.value === 'api-key' ? 'api-key' : 'authorization' })}
            className={`${small} min-w-0 flex-1`}
          >
            <option value="authorization">Authorization: Bearer</option>
            <option value="api-key">api-key header (Azure)</option>
          </select>
        </label>
      ) : null}
      <fieldset className="-mt-1 flex flex-col gap-0.5 text-[12px] text-muted">
        <legend className="sr-only">Where the key is kept</legend>
        {(['device', 'session'] as const).map((p) => (
          <label key={p} className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              data-testid={`endpoint-key-${p}`}
              name={`keyp-${endpoint.id}`}
              checked={endpoint.keyPersistence === p}
              onChange={() => setKeyPersistence(endpoint.id, p)}
            />
            {p === 'device' ? 'Remember on this device' : 'This session only'}
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <button
          type="button"
          aria-expanded={showHeaders}
          onClick={() => setShowHeaders(!showHeaders)}
          className="text-[12px] text-muted hover:text-fg"
        >
          {showHeaders ? '▾' : '▸'} Extra headers{headerCount > 0 ? ` (${headerCount})` : ''}
        </button>
        {showHeaders ? (
          <HeadersEditor
            headers={endpoint.headers}
            secretHeaders={endpoint.secretHeaders ?? []}
            suggestions={Object.keys(preset?.headers ?? {})}
            onChange={(headers) => update(endpoint.id, { headers })}
            onSecretHeadersChange={(secretHeaders) => update(endpoint.id, { secretHeaders })}
          />
        ) : null}
      </div>
      {refused.length > 0 ? (
        <p data-testid="endpoint-unsupported" className="text-[12px] text-muted">
          This server refuses: <code className="font-mono">{refused.join(', ')}</code> (the app leaves {refused.length > 1 ? 'them' : 'it'}{' '}
          out) ·{' '}
          <button
            type="button"
            data-testid="endpoint-unsupported-reset"
            title="Send these fields again (the app drops them again if the server still refuses)"
            onClick={() => resetUnsupported(endpoint.id)}
            className="text-accent hover:underline"
          >
            Reset
          </button>
        </p>
      ) : null}
      <ProviderRules endpoint={endpoint} model={model} />
      <ContinueStyleField endpoint={endpoint} />
      <div className="flex items-start gap-2 text-[12px]">
        <span className="mt-px">
          <Switch
            checked={endpoint.splitN === true}
            onChange={(on) => setSplitN(endpoint.id, on)}
            label="Split n into parallel requests"
            testId="endpoint-split-n"
          />
        </span>
        <span className="text-muted">
          <span className="font-medium text-fg">Split n into parallel requests</span> — for servers that refuse or ignore{' '}
          <code className="font-mono">n</code>: asking for several choices sends that many single-choice requests at once.
        </span>
      </div>
      <ConnectionTest endpoint={endpoint} apiKey={apiKey} />
      <Field
        label="Model"
        hint={
          <span data-testid="model-list-status" data-state={models.isLoading ? 'loading' : models.isError ? 'error' : 'ok'}>
            {models.isLoading
              ? 'Loading the model list…'
              : models.isError
                ? `Could not list models (${models.error.message}); any model id can still be typed.`
                : `${models.data?.length ?? 0} models listed; any id can be typed.`}
          </span>
        }
      >
        <div className="flex gap-1.5">
          <ModelPicker value={model} options={models.data?.map((m) => m.id) ?? []} onChange={onModel} />
          <button
            type="button"
            aria-label="Refresh the model list"
            title="Refresh the model list"
            onClick={() => void models.refetch()}
            className="h-8 shrink-0 rounded-md border border-line px-2 text-[12px] text-muted hover:text-fg"
          >
            {models.isFetching ? '…' : '↻'}
          </button>
        </div>
      </Field>
      <ModelFactsView model={model} />
    </section>
  );
}
