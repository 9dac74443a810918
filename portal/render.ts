import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

/** Sends a page: the doctype, then the rendered tree (a tree with async components renders to a promise, awaited). */
export async function page(c: Context, node: JSX.Element, status: 200 | 400 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 = 200): Promise<Response> {
  const html = await (await node).toString();
  return c.html(`<!doctype html>${html}`, status);
}
