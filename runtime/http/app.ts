import { bodyLimit } from 'hono/body-limit';
import { PlatformError } from '../../engine/index.ts';
import { requireAuth } from '../auth/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { apiRouter } from './api-app.ts';
import { handleError } from './error-handler.ts';
import { edgeChecks } from './edge-checks.ts';
import { requestLog } from './request-log.ts';
import { requestOrigin } from './request-origin.ts';
import { registerErrorComponents } from './schemas.ts';
import { apiDocsRoutes, isApiDocsPath } from './api-docs.ts';
import { openApiDocument } from './openapi-document.ts';
import { apiDocsSecurityHeaders, apiSecurityHeaders } from './security-headers.ts';
import { adminOrgRoutes } from './routes/admin-org-routes.ts';
import { exchangeAdminRoutes } from './routes/exchange-admin-routes.ts';
import { adminUserRoutes } from './routes/admin-user-routes.ts';
import { analysisRoutes } from './routes/analysis-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { calendarRoutes } from './routes/calendar-routes.ts';
import { ATTACHMENT_UPLOAD_PATH, attachmentRoutes } from './routes/attachment-routes.ts';
import { caseRoutes } from './routes/case-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { codeTableRoutes } from './routes/code-table-routes.ts';
import { employerRoutes } from './routes/employer-routes.ts';
import { errorCodeRoutes } from './routes/error-code-routes.ts';
import { bankServiceHandlers } from '../ledger/index.ts';
import { nationalServiceHandlers } from '../national-applications/index.ts';
import { agencyEventHandlers } from '../agency-events/index.ts';
import { socialInsuranceEvents } from '../connectors/index.ts';
import { agencyEventRoutes } from './routes/agency-event-routes.ts';
import { exchangeRoutes } from './routes/exchange-routes.ts';
import { claimCheckHandler, claimQueryHandler, marketQueryHandler, nationalReadHandler, nationalReleaseHandler } from '../national/index.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { IMPORT_UPLOAD_PATH, importRoutes } from './routes/import-routes.ts';
import { indicatorRoutes } from './routes/indicator-routes.ts';
import { informatisationRoutes } from './routes/informatisation-routes.ts';
import { institutionRoutes } from './routes/institution-routes.ts';
import { localisationRoutes } from './routes/localisation-routes.ts';
import { matchingRoutes } from './routes/matching-routes.ts';
import { nationalApplicationRoutes } from './routes/national-application-routes.ts';
import { nationalRoutes } from './routes/national-routes.ts';
import { paymentRoutes } from './routes/payment-routes.ts';
import { fundStatisticsRoutes } from './routes/fund-statistics-routes.ts';
import { monitoringRoutes } from './routes/monitoring-routes.ts';
import { notificationRoutes } from './routes/notification-routes.ts';
import { personRoutes } from './routes/person-routes.ts';
import { orgUnitRoutes } from './routes/org-unit-routes.ts';
import { postRoutes } from './routes/post-routes.ts';
import { processRoutes } from './routes/process-routes.ts';
import { publicPostingRoutes } from './routes/public-posting-routes.ts';
import { refreshRegistry } from '../packages/index.ts';
import { packageRoutes } from './routes/package-routes.ts';
import { reviewRoutes } from './routes/review-routes.ts';
import { taskRoutes } from './routes/task-routes.ts';
import { taskClaimRoutes } from './routes/task-claim-routes.ts';

/**
 * Paths that answer without a signed-in user; so does every path under `/api/public/` (the public
 * sites' data), `/api/verify/`, and `/api/exchange/`, where the signature of a peer's message proves who
 * sent it, and `/api/docs/` (the API reference's script).
 */
const publicPaths = new Set(['/api/auth/login', '/api/health', '/api/error-codes', '/api/openapi.json']);
const publicPrefixes = ['/api/verify/', '/api/public/', '/api/exchange/'];

/**
 * The HTTP API: every route validated by zod schemas that also generate the OpenAPI 3.1
 * document at `/api/openapi.json`. Testable with `app.request()`, no server needed.
 */
export function createApiApp(rt: RuntimeContext) {
  const app = apiRouter();
  const auth = requireAuth(rt);
  // The API reference is a page, with a page's headers; everything else under /api answers data.
  const apiHeaders = apiSecurityHeaders();
  const docsHeaders = apiDocsSecurityHeaders();
  app.use('/api/*', (c, next) => (isApiDocsPath(c.req.path) ? docsHeaders(c, next) : apiHeaders(c, next)));
  const limit = (maxBytes: number) => bodyLimit({ maxSize: maxBytes, onError: () => { throw new PlatformError('PAYLOAD_TOO_LARGE', { details: { maxBytes } }); } });
  const bodies = limit(rt.config.bodyLimitBytes);
  const importFiles = limit(rt.config.importLimitBytes);
  // Room for a multipart body's boundaries, part headers and short fields around the file.
  const attachmentFiles = limit(rt.config.attachmentLimitBytes + 64 * 1024);
  // Two bodies are allowed past BODY_LIMIT_BYTES: a bulk import file, up to IMPORT_LIMIT_BYTES, and a
  // case attachment, up to ATTACHMENT_LIMIT_BYTES (whose own check names the file's limit).
  app.use('/api/*', (c, next) => {
    if (c.req.method !== 'POST') return bodies(c, next);
    if (c.req.path === IMPORT_UPLOAD_PATH) return importFiles(c, next);
    return ATTACHMENT_UPLOAD_PATH.test(c.req.path) ? attachmentFiles(c, next) : bodies(c, next);
  });
  app.use('/api/*', requestOrigin({ trustProxy: rt.config.trustProxy }));
  app.use('/api/*', requestLog());
  app.use('/api/*', edgeChecks());
  // A package version another process installed is run from the next request on (within a second).
  app.use('/api/*', async (_c, next) => {
    await refreshRegistry(rt);
    await next();
  });
  app.use('/api/*', (c, next) => (publicPaths.has(c.req.path) || publicPrefixes.some((prefix) => c.req.path.startsWith(prefix)) || isApiDocsPath(c.req.path) ? next() : auth(c, next)));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  registerErrorComponents(app.openAPIRegistry);
  app.route('/api', healthRoutes(rt));
  app.route('/api', errorCodeRoutes());
  app.route('/api', publicPostingRoutes(rt));
  // Messages answered as they arrive: the bank's reconciliations of the batches sent to it (the ledger),
  // the national platform's applications when it pushes them (national-applications/), a province's
  // release of a national claim and the national node's notice of a read (national/); queries answered:
  // a province's national claim (at the national node), the national node's question for a province's
  // supply and demand totals (at a province); the social insurance agency's enrolment and stop events
  // (agency-events/), which open or move the cases its packages declare.
  const exchangeHandlers = new Map([...bankServiceHandlers(rt), ...nationalServiceHandlers(rt), ...agencyEventHandlers(rt, socialInsuranceEvents), nationalReleaseHandler(), nationalReadHandler()]);
  app.route('/api', exchangeRoutes(rt, exchangeHandlers, Object.fromEntries([claimQueryHandler(rt), claimCheckHandler(rt), marketQueryHandler(rt)])));
  app.route('/api', authRoutes(rt));
  app.route('/api', processRoutes(rt));
  app.route('/api', packageRoutes(rt));
  app.route('/api', personRoutes(rt));
  app.route('/api', employerRoutes(rt));
  app.route('/api', institutionRoutes(rt));
  app.route('/api', importRoutes(rt));
  app.route('/api', caseRoutes(rt));
  app.route('/api', matchingRoutes(rt));
  app.route('/api', nationalRoutes(rt));
  app.route('/api', agencyEventRoutes(rt));
  app.route('/api', documentRoutes(rt));
  app.route('/api', attachmentRoutes(rt));
  app.route('/api', taskRoutes(rt));
  app.route('/api', taskClaimRoutes(rt));
  app.route('/api', notificationRoutes(rt));
  app.route('/api', paymentRoutes(rt));
  app.route('/api', nationalApplicationRoutes(rt));
  app.route('/api', fundStatisticsRoutes(rt));
  app.route('/api', localisationRoutes(rt));
  app.route('/api', indicatorRoutes(rt));
  app.route('/api', reviewRoutes(rt));
  app.route('/api', analysisRoutes(rt));
  app.route('/api', informatisationRoutes(rt));
  app.route('/api', monitoringRoutes(rt));
  app.route('/api', codeTableRoutes(rt));
  app.route('/api', postRoutes(rt));
  app.route('/api', orgUnitRoutes(rt));
  app.route('/api', calendarRoutes(rt));
  app.route('/api', auditRoutes(rt));
  app.route('/api', adminUserRoutes(rt));
  app.route('/api', adminOrgRoutes(rt));
  app.route('/api', exchangeAdminRoutes(rt));
  // Built on first request, once: the routes are all registered by then and never change.
  let document: string | undefined;
  app.get('/api/openapi.json', (c) => c.body((document ??= JSON.stringify(openApiDocument(app))), 200, { 'Content-Type': 'application/json' }));
  app.route('/', apiDocsRoutes());
  app.notFound((c) => handleError(new PlatformError('NOT_FOUND'), c));
  app.onError(handleError);
  return app;
}
