import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';

/** The quarterly supply and demand analysis (职业供求分析). */
export function analysisRoutes(_rt: RuntimeContext) {
  return apiRouter();
}
