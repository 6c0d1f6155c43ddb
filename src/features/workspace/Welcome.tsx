import { toast } from '../../components/ui/toast';
import { REFERENCE_ENDPOINT_ID, useEndpointsStore } from '../endpoints/endpoints-store';
import { CloseIcon } from '../../components/ui/icons';
import { IconButton } from '../../components/ui/Button';
import { NARROW_QUERY, useLayoutStore } from './layout-store';
import { WELCOME_PRESETS, type ProviderPreset } from './presets';

function applyPreset(preset: ProviderPreset): void {
  const store = useEndpointsStore.getState();
  const id = store.activateBaseURL(preset.baseURL);
  if (id !== REFERENCE_ENDPOINT_ID) store.update(id, { name: preset.name, presetId: preset.id });
  const layout = useLayoutStore.getState();
  layout.setWelcomed(true);
  // Show where the key and model go.
  if (window.matchMedia(NARROW_QUERY).matches) layout.setDrawer('params');
  else layout.setCollapsed('params', false);
  toast(
    `Endpoint set to ${preset.name}. ${preset.note === 'API key' ? 'Add your API key and pick a model in Settings.' : 'Pick a model in Settings.'}`,
    'success',
  );
}

/**
 * First run: what the built-in endpoint is, and a quick way to point the app at a real provider.
 * Shown in the empty conversation until dismissed or a provider is chosen.
 */
export function Welcome() {
  const welcomed = useLayoutStore((s) => s.welcomed);
  const setWelcomed = useLayoutStore((s) => s.setWelcomed);
  if (welcomed) return null;
  return (
    <section
      aria-labelledby="welcome-title"
      data-testid="welcome"
      className="rounded-lg border border-line bg-panel px-4 py-3 text-left shadow-sm"
    >
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1 space-y-2">
          <h2 id="welcome-title" className="text-[14px] font-semibold">
            Welcome to the playground
          </h2>
          <p className="text-[13px] leading-relaxed text-muted">
            You are connected to the <strong className="font-medium text-fg">built-in reference endpoint</strong>: it runs beside this app,
            needs no API key and answers with test text, so you can try streaming, parameters and tools right away. Everything you write
            stays in this browser. To use a real model, pick a provider:
          </p>
          <div role="group" aria-label="Provider presets" className="flex flex-wrap gap-1.5">
            {WELCOME_PRESETS.map((p) => (
              <button
                key={p.id}
                type="button"
                data-testid="welcome-preset"
                onClick={() => applyPreset(p)}
                className="rounded-md border border-line bg-raised px-2.5 py-1 text-[12.5px] hover:border-accent focus-visible:outline-2 focus-visible:outline-accent"
              >
                {p.name} <span className="text-[11px] text-muted">· {p.note}</span>
              </button>
            ))}
            <button
              type="button"
              data-testid="welcome-dismiss"
              onClick={() => setWelcomed(true)}
              className="rounded-md bg-accent px-2.5 py-1 text-[12.5px] font-medium text-accent-fg hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent"
            >
              Keep the reference endpoint
            </button>
          </div>
        </div>
        <IconButton label="Dismiss welcome" onClick={() => setWelcomed(true)}>
          <CloseIcon />
        </IconButton>
      </div>
    </section>
  );
}
