import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';

/** Review of a period's figures (approval, acceptance, freezing) and exports. */
export function reviewRoutes(_rt: RuntimeContext) {
  return apiRouter();
}
