/**
 * Where the staff workbench lives: the public site takes `/`, so the build's assets are addressed under
 * this path (Vite `base`) and the server serves the page and its assets there. One constant for both.
 */
export const ADMIN_BASE = '/admin/';
