import { useEndpointsStore } from '../features/endpoints/endpoints-store';
import { useWorkspaceStore } from '../features/conversations/workspace-store';

/**
 * `?baseURL=&model=&n=&stream=false` opens a new conversation preconfigured (a link people share
 * to say "try this server"). Keys are never read from a URL. The parameters are removed from the
 * address afterwards so a reload returns to the conversation instead of starting another.
 */
export function applyUrlConfig(): void {
  const url = new URL(window.location.href);
  const q = url.searchParams;
  const keys = ['baseURL', 'model', 'n', 'stream'];
  if (!keys.some((k) => q.has(k))) return;

  // A new conversation first: the profile chosen below must not move the one that was open.
  const ws = useWorkspaceStore.getState();
  ws.open(null);
  const baseURL = q.get('baseURL');
  if (baseURL) useEndpointsStore.getState().activateBaseURL(baseURL);

  const params = structuredClone(ws.draftParams);
  const model = q.get('model');
  if (model) params.model = model;
  const n = Number(q.get('n'));
  if (q.has('n') && Number.isInteger(n) && n >= 1) {
    params.values.n = n;
    params.enabled.n = true;
  }
  if (q.get('stream') === 'false') params.enabled.stream = false;
  if (q.get('stream') === 'true') {
    params.enabled.stream = true;
    params.values.stream = true;
  }
  ws.setDraftParams(params);

  for (const k of keys) q.delete(k);
  window.history.replaceState(null, '', url.pathname + (q.size > 0 ? `?${q}` : '') + url.hash);
}
