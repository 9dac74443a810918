import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './api-app.ts';

/**
 * The document's head. The one server is the origin that serves the document (a relative URL), since
 * every deployment (city, province, the national node) has its own host; paths keep their `/api`.
 */
const openApiHead = {
  openapi: '3.1.0',
  info: {
    title: '公共就业服务平台 API / Public employment services platform API',
    version: '0.1.0',
    description:
      'Sign in with `POST /api/auth/login` and send `Authorization: Bearer <token>`. Errors answer `{code, message: {zh, en}, details}`; `GET /api/error-codes` lists the codes. The reference to read in a browser: `/api/docs`.',
  },
  servers: [{ url: '/', description: 'The platform that serves this document (a city, a province or the national node)' }],
};

type Json = unknown;

/**
 * A registered schema made nullable comes out of the generator as `allOf: [{$ref}, {type: [object, null]}]`,
 * which no null satisfies (the `$ref` refuses it): said as OpenAPI 3.1 means it, `anyOf: [{$ref}, {type: null}]`,
 * keeping the description beside it.
 */
function nullableReferences(node: Json): Json {
  if (Array.isArray(node)) return node.map(nullableReferences);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, nullableReferences(value)] as const);
  const object = Object.fromEntries(entries) as Record<string, Json>;
  const parts = object['allOf'];
  if (Array.isArray(parts) && parts.length === 2) {
    const [reference, nullable] = parts as [Record<string, Json>, Record<string, Json>];
    const type = nullable['type'];
    if (typeof reference['$ref'] === 'string' && Object.keys(reference).length === 1 && Array.isArray(type) && type.length === 2 && type.includes('null')) {
      const { allOf: _allOf, ...outer } = object;
      const { type: _type, ...inner } = nullable;
      return { ...outer, ...inner, anyOf: [reference, { type: 'null' }] };
    }
  }
  return object;
}

/** The OpenAPI 3.1 document of `app`, as `/api/openapi.json` serves it and the tests check answers against it. */
export function openApiDocument(app: OpenAPIHono<ApiEnv>) {
  return nullableReferences(app.getOpenAPI31Document(openApiHead)) as ReturnType<OpenAPIHono['getOpenAPI31Document']>;
}
