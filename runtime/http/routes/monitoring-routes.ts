import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';

/** Unemployment monitoring and early warning (失业监测, 就业预警). */
export function monitoringRoutes(_rt: RuntimeContext) {
  return apiRouter();
}
