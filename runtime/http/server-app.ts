import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { PlatformError } from '../../engine/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { createApiApp } from './app.ts';
import { handleError } from './error-handler.ts';

/**
 * The whole HTTP surface of one process: the API under `/api`, the built admin UI at `/`,
 * and the UI's `index.html` for any other path so client-side routes survive a reload.
 */
export function createServerApp(rt: RuntimeContext, uiDir: string) {
  const root = new Hono();
  root.route('/', createApiApp(rt));
  root.all('/api/*', (c) => handleError(new PlatformError('NOT_FOUND'), c));
  root.use('/*', serveStatic({ root: uiDir }));
  root.get('*', serveStatic({ path: `${uiDir}/index.html` }));
  root.onError(handleError);
  return root;
}
