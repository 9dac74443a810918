import createFetchClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

/** The platform's API, typed path by path from its OpenAPI document: `client.GET('/api/cases', { params: { query } })`. */
export type ApiClient = Client<paths>;

/** How a client reaches the platform. */
export interface ClientOptions {
  /** The bearer token of a session (`POST /api/auth/login`); a function is asked again before every call, for a session that changes. */
  token?: string | null | (() => string | null | undefined);
  /** Another fetch (a test's, or one with a proxy); the global one by default. */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * A typed client of the platform at `baseUrl` (its origin, such as `https://jiuye.example.gov.cn`;
 * `''` in a page served by the platform itself). Every call answers `{ data }` or `{ error }`
 * without throwing for a refusal; {@link unwrap} turns that into a value or an {@link ApiError}.
 */
export function createClient(baseUrl: string, options: ClientOptions = {}): ApiClient {
  const client = createFetchClient<paths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const { token } = options;
  if (token) {
    client.use({
      onRequest({ request }) {
        const current = typeof token === 'function' ? token() : token;
        if (current) request.headers.set('Authorization', `Bearer ${current}`);
        return request;
      },
    });
  }
  return client;
}
