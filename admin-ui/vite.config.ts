import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { ADMIN_BASE } from '../runtime/http/admin-base.ts';
import { antdFirstScreenStyles } from './antd-style-sheet.ts';
import { precompress } from './precompress.ts';

/** The admin UI: built into `admin-ui/dist` and served by the runtime at `/admin/` (the public site has `/`); `vite` dev proxies the API. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Every asset the page and its chunks load is addressed as `/admin/assets/…`.
  base: ADMIN_BASE,
  plugins: [react(), antdFirstScreenStyles(), precompress()],
  // The initial load (the sign-in page: React, antd's form and the shell, and antd's styles for the first screens
  // built ahead, antd-style-sheet.ts) is about 1.2 MB minified, 230 KB as brotli; the signed-in frame with the
  // inbox, and every other screen, load lazily (App.tsx, SignedIn.tsx).
  // Every asset is written beside its `.br` and `.gz` (precompress.ts), which the server sends by Accept-Encoding.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // The server puts a fresh nonce in place of this placeholder in every index.html it sends (its CSP names it).
  html: { cspNonce: 'PES_CSP_NONCE' },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
