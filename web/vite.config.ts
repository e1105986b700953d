import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// 127.0.0.1, not localhost: `npm start` listens on IPv4 only.
const api = 'http://127.0.0.1:3000';

/**
 * The portal's build. `npm run build:web` runs from the repository root, so the root and
 * outDir are absolute; `vite dev --config web/vite.config.ts` proxies the API to `npm start`.
 * One build serves every stage: the API's address comes from `/config.json` at runtime.
 */
export default defineConfig({
  root,
  publicDir: `${root}public`,
  plugins: [react()],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': api,
      '/health': api,
      '/openapi.json': api,
      '/docs': api,
    },
  },
});
