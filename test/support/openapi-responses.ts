import { appendFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.1 document the check reads. */
interface Document {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, Response | { $ref: string }> }>>;
  components: { responses?: Record<string, Response> };
}
interface Response {
  content?: Record<string, { schema?: unknown }>;
}

/** The document's own address inside the check's Ajv, so `#/components/schemas/…` references resolve in it. */
const DOCUMENT_ID = 'https://pes.invalid/openapi.json';

/** A JSON pointer's escaping of one name. */
const pointer = (name: string) => name.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Where the suite's calls are counted when `OPENAPI_RESPONSE_COVERAGE` names a file: one line per
 * checked answer (`operationId status`), to say which documented answers the suite met.
 */
const coverageFile = process.env['OPENAPI_RESPONSE_COVERAGE'];

/** Paths under /api that answer no operation of the document on purpose: the document itself and its reference page. */
const UNDOCUMENTED = new Set(['/api/openapi.json', '/api/docs', '/api/docs/redoc.standalone.js']);

/**
 * Checks an API answer against the document: the operation its method and path name must document
 * its status, and a JSON body must hold to that status's schema (Ajv, JSON Schema 2020-12 as
 * OpenAPI 3.1 says). Throws, naming the operation, the status and what differs, so the test that
 * made the call fails and the document cannot drift from the server.
 */
export class ResponseChecker {
  readonly #document: Document;
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();
  readonly #templates: { method: string; template: string; pattern: RegExp; params: number }[];

  /** `document`: the OpenAPI 3.1 document as the app builds it. */
  constructor(built: object) {
    const document = built as Document;
    this.#document = document;
    // Not strict: the document's schemas carry `example` and OpenAPI's own keywords beside JSON Schema's.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(this.#ajv);
    // The bodies of files, described as binary strings, are not JSON: never validated as such.
    this.#ajv.addFormat('binary', true);
    this.#ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    this.#templates = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.keys(operations).map((method) => ({
        method,
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      })),
    );
  }

  /** The documented operation a request names: a literal path before a templated one (`/cases/export` before `/cases/{id}`). */
  #operation(method: string, path: string) {
    const matches = this.#templates.filter((t) => t.method === method && t.pattern.test(path)).sort((a, b) => a.params - b.params);
    return matches[0];
  }

  /** Throws when the answer `status`, `contentType`, `body` (parsed JSON or null) is not what the document says. */
  check(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
    const path = new URL(url, 'http://localhost').pathname;
    if (!path.startsWith('/api/') || UNDOCUMENTED.has(path)) return;
    const found = this.#operation(method.toLowerCase(), path);
    // No such operation: the API's catch-all answers 404 with the error body, and so must it.
    const where = found ? `${method.toUpperCase()} ${found.template}` : `${method.toUpperCase()} ${path} (no operation)`;
    if (!found && status !== 404) throw new Error(`${where}: answered ${status}, but the OpenAPI document has no such operation`);
    const operation = found ? this.#document.paths[found.template]![found.method]! : null;
    const responsePointer = found ? `#/paths/${pointer(found.template)}/${found.method}/responses/${status}` : '#/components/responses/NotFound';
    const documented = operation ? operation.responses[String(status)] : this.#document.components.responses?.['NotFound'];
    if (!documented) throw new Error(`${where}: answered ${status}, which the OpenAPI document does not list (it lists ${Object.keys(operation!.responses).join(', ')})`);
    if (coverageFile) appendFileSync(coverageFile, `${operation?.operationId ?? '(none)'} ${status}\n`);
    const response = '$ref' in documented ? this.#resolve(documented.$ref) : documented;
    const schemaPointer = '$ref' in documented ? documented.$ref : responsePointer;
    const media = (contentType ?? '').split(';')[0]!.trim();
    if (!response.content) {
      if (body !== null) throw new Error(`${where}: answered ${status} with a body, but the document says it has none`);
      return;
    }
    if (!(media in response.content)) throw new Error(`${where}: answered ${status} as ${media || 'no content type'}, but the document says ${Object.keys(response.content).join(' or ')}`);
    if (media !== 'application/json') return;
    const key = `${schemaPointer}/content/application~1json/schema`;
    let validate = this.#validators.get(key);
    if (!validate) {
      validate = this.#ajv.getSchema(`${DOCUMENT_ID}${key}`);
      if (!validate) throw new Error(`${where}: no schema at ${key}`);
      this.#validators.set(key, validate);
    }
    if (!validate(body)) {
      const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
      throw new Error(`${where}: the ${status} answer does not hold to its documented schema:\n  ${errors.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 1500)}`);
    }
  }

  #resolve(ref: string): Response {
    const name = ref.replace('#/components/responses/', '');
    const response = this.#document.components.responses?.[name];
    if (!response) throw new Error(`no response component ${ref}`);
    return response;
  }
}
