/**
 * Where the server serves the staff workbench: the public site takes `/`. The UI's build addresses its
 * assets under this path (Vite `base` in `admin-ui/vite.config.ts` reads it), so the two cannot drift apart.
 */
export const ADMIN_BASE = '/admin/';
