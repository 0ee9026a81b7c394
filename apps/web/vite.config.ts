import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `npm start` / the edge app serves it from. */
const outDir = fileURLToPath(new URL('../../dist/apps/web', import.meta.url));
/** `nx serve web` proxies the API to a running edge instance. */
const api = process.env.QFZZ_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir, emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/v1', '/health', '/ready', '/metrics', '/docs'].map((p) => [p, api])),
  },
});
