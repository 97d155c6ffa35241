import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const srcDir = fileURLToPath(new URL('./src', import.meta.url));
const reactRouterEsm = fileURLToPath(
  new URL('./node_modules/react-router/dist/development/index.mjs', import.meta.url),
);
const CHART_MODULES =
  /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|react-redux|redux|redux-thunk|immer|reselect|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|clsx|use-sync-external-store)[\\/]/;
// `npm run dev` proxies the API to a locally running `textura serve`.
const devApiTarget = process.env.TEXTURA_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': srcDir } },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    // Libraries change less often than the app: a separate file stays cached across releases.
    // The chart library and what only it uses go in their own file, loaded with the
    // lazily loaded reports page (it would more than double the first download).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // vendor first: a group takes the modules its members import, and React must stay in it.
            { name: 'vendor', test: (id) => /node_modules/.test(id) && !CHART_MODULES.test(id), priority: 2 },
            { name: 'charts', test: CHART_MODULES, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // Tests read the server's API description (../src/http/openapi.json); the
    // dev server itself keeps serving only the web app's own files.
    ...(process.env.VITEST ? { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } } : {}),
    proxy: {
      '/api': { target: devApiTarget, ws: true },
      '/healthz': devApiTarget,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
    restoreMocks: true,
    // Whole-app tests wait on debounces and backoff; give a busy machine room.
    testTimeout: 15_000,
    unstubGlobals: true,
    // `react-router` and `react-router/dom` must be one module instance (one
    // router context). Vitest resolves `react-router` to its CJS build, while
    // Node's own require() inside `react-router/dom` picks the ESM one.
    alias: [{ find: /^react-router$/, replacement: reactRouterEsm }],
  },
});
