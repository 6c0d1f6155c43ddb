import { notify } from '../../lib/notify/notify';

/**
 * Registers the service worker that keeps the app shell offline (see vite.config.ts), and offers
 * a reload when a newer build is waiting. Never activates a new version behind the person's back:
 * a half-written message or a running stream would be lost.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const url = new URL('sw.js', document.baseURI);
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) window.location.reload();
  });
  const offer = (worker: ServiceWorker) =>
    notify('A new version of the playground is available.', 'info', {
      ms: 24 * 60 * 60 * 1000,
      action: {
        label: 'Reload',
        run: () => {
          reloading = true;
          worker.postMessage({ type: 'SKIP_WAITING' });
        },
      },
    });
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register(url, { scope: './' })
      .then((reg) => {
        if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const next = reg.installing;
          next?.addEventListener('statechange', () => {
            // Only an update: the first install has no controller and needs no prompt.
            if (next.state === 'installed' && navigator.serviceWorker.controller) offer(next);
          });
        });
        // Long-lived tabs look for a new deployment now and then.
        setInterval(() => void reg.update().catch(() => undefined), 60 * 60 * 1000);
      })
      .catch((err: unknown) => console.warn('Offline support is unavailable', err));
  });
}
