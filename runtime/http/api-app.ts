import { OpenAPIHono } from '@hono/zod-openapi';
import { PlatformError } from '../../engine/index.ts';
import type { AuthVariables } from '../auth/index.ts';

/** The Hono environment of API routes: where the request came from and the signed-in user. */
export type ApiEnv = { Variables: AuthVariables };

/** A route group whose zod validation failures become `BAD_REQUEST` with every issue and its path. */
export function apiRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        throw new PlatformError('BAD_REQUEST', { details: { issues } });
      }
    },
  });
}
