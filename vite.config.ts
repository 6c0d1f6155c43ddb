/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { serviceWorkerPlugin } from './scripts/pwa-plugin.ts';
import { initialChunk } from './scripts/initial-chunk.ts';

// `base: './'` keeps the build working from any static host and sub-path: every asset URL in
// index.html, the manifest and the service worker is relative to where the app is served.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), serviceWorkerPlugin()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // Everything the first screen needs in one chunk: one request, and one gzip dictionary
    // instead of forty (about 12 KB less than the automatic split).
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: initialChunk, debugName: 'initial screen' }] } },
      // The build's own timing report is noise in every `npm start` and test run.
      checks: { pluginTimings: false },
    },
    // The markdown renderer preloads only its own chunk: the code it shares with the math chunk
    // (KaTeX) is a chunk of its own, whose name in the first screen's preload list would grow the
    // initial chunk; the renderer imports it anyway (it loads on idle: one more round trip is unseen).
    modulePreload: {
      resolveDependencies: (file, deps) => (/MarkdownRenderer/.test(file) ? deps.filter((d) => /MarkdownRenderer/.test(d)) : deps),
    },
    // KaTeX's fonts stay files: a small one inlined as a data: URL would be refused by the CSP (font-src is 'self').
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    // The tokenizer's encodings (1–2 MB each) load only in the counting worker, on demand.
    chunkSizeWarningLimit: 2100,
  },
  // ES module workers, so the token counter's encodings stay separate chunks loaded on demand.
  worker: { format: 'es' },
  // In development the reference endpoint runs beside Vite (npm run dev); same-origin /v1 reaches it.
  server: { port: 5173, proxy: { '/v1': 'http://127.0.0.1:8787', '/__ref': 'http://127.0.0.1:8787' } },
  test: {
    include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
  },
});
