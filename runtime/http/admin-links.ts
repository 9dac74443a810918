import type { Context } from 'hono';
import { ADMIN_BASE } from './admin-base.ts';

/** Where the public pages load {@link ADMIN_LINKS_SCRIPT} from: `<script src="/admin-links.js"></script>`. */
export const ADMIN_LINKS_PATH = '/admin-links.js';

/**
 * Sends an old bookmark of the workbench, from when it was served at `/` (`/#/cases/…`,
 * `/#/dashboard?…`), on to `/admin/` with the same hash. The hash never reaches the server, so
 * only a script in the page can see it; a file (not inline) so that the pages' CSP stays free of
 * inline script. Only hashes of the workbench's routes (`#/…`) move: an anchor of a public page
 * (`#main`) stays where it is. `replace` leaves no entry for the back button to bounce on.
 */
export const ADMIN_LINKS_SCRIPT = `(function () {
  var hash = window.location.hash;
  if (hash.indexOf('#/') === 0) window.location.replace(${JSON.stringify(ADMIN_BASE)} + hash);
})();
`;

/** `GET /admin-links.js`: the script above, asked for again each time (it is tiny) so a change is seen at once. */
export function adminLinksHandler(c: Context) {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return c.body(ADMIN_LINKS_SCRIPT);
}
