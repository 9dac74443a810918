import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { ADMIN_BASE } from '../runtime/http/admin-base.ts';
import { precompress } from './precompress.ts';

/** The admin UI: built into `admin-ui/dist` and served by the runtime at `/admin/` (the public site has `/`); `vite` dev proxies the API. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Every asset the page and its chunks load is addressed as `/admin/assets/…`.
  base: ADMIN_BASE,
  plugins: [react(), precompress()],
  // The initial chunk (shell, inbox, antd) is about 1 MB minified, under 300 KB as brotli; screens beyond it load lazily.
  // Every asset is written beside its `.br` and `.gz` (precompress.ts), which the server sends by Accept-Encoding.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // The server puts a fresh nonce in place of this placeholder in every index.html it sends (its CSP names it).
  html: { cspNonce: 'PES_CSP_NONCE' },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
