import { z } from '@hono/zod-openapi';
import { PlatformError } from '../../../engine/index.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, POSTED_WITHIN_DAYS, postingFacets, publicPostings, salaryBands } from '../../postings/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { publicRoute } from '../secure-route.ts';
import { errorResponses, jsonResponse } from '../schemas.ts';

/** A facet value's shape: a code or an id, never free text (an unknown one matches nothing); empty, as a form's "any" sends it, is no filter. */
const code = z.string().regex(/^[a-z0-9-]{0,20}$/);

/** The query of a public search, as the JSON API and the public pages read it from a URL; an empty value is no filter. */
export const PostingQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional().openapi({ example: '会计', description: 'Keywords, segmented by jieba as the postings are: a two-character word (会计, 司机) finds them' }),
    district: z.string().regex(/^(\d{6})?$/).optional().openapi({ example: '350203', description: "A county's division code, or a city's (its districts) or a province's" }),
    occupation: z.string().regex(/^(\d(-\d{2}){0,3})?$/).optional().openapi({ example: '2-06', description: 'A group of the 2022 occupational classification (`2`, `2-06`) or an occupation: it and everything below it' }),
    industry: z.string().regex(/^[A-Ta-t]?$/).optional().openapi({ example: 'M', description: 'A section of GB/T 4754-2017 (A..T)' }),
    salary: code.optional().openapi({ example: '5k-8k', description: `A monthly pay band: ${salaryBands.map((band) => band.id).join(', ')} (hourly pay at 174 hours a month; piece rates are in none)` }),
    education: code.optional().openapi({ example: '20', description: 'An education code of the posting form (10, 20, 40, 60, 70, 80, none)' }),
    employmentForm: code.optional().openapi({ example: 'full-time', description: 'full-time, part-time, dispatched or temporary' }),
    postedWithin: z.coerce.number().int().min(1).max(365).optional().openapi({ example: 7, description: `Posted within this many days (the facet counts ${POSTED_WITHIN_DAYS.join(', ')})` }),
    sort: z.enum(['relevance', 'date', 'salary']).optional().openapi({ description: 'relevance (newest first without keywords), date (newest first) or salary (highest monthly pay first)' }),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict()
  .openapi('PostingQuery');

const PostingSummary = z
  .object({
    id: z.string().openapi({ description: 'The public id of the posting' }),
    caseNo: z.string(),
    title: z.string(),
    employerName: z.string(),
    workArea: z.string(),
    workAreaName: z.string(),
    occupation: z.string(),
    occupationName: z.string(),
    payMinFen: z.number().int(),
    payMaxFen: z.number().int(),
    payBasis: z.string().openapi({ description: 'monthly, hourly or piece' }),
    education: z.string(),
    employmentForm: z.string(),
    headcount: z.number().int(),
    publishedAt: z.string(),
    validUntil: z.string().openapi({ description: 'The last day it is open (China date)' }),
  })
  .openapi('PublicPostingSummary');

const PostingDetail = PostingSummary.extend({
  duties: z.string(),
  requirements: z.string().nullable(),
  industry: z.string().nullable(),
  industryName: z.string().nullable(),
  skillLevel: z.string().nullable(),
  experienceYears: z.number().int().nullable(),
  validFrom: z.string(),
  employerCreditCode: z.string(),
}).openapi('PublicPostingDetail');

const FacetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));

const SearchResult = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(PostingSummary),
    facets: z.object(Object.fromEntries(postingFacets.map((facet) => [facet, FacetCounts])) as Record<(typeof postingFacets)[number], typeof FacetCounts>),
  })
  .openapi('PostingSearchResult');

const PostingPage = z
  .union([
    z.object({ status: z.literal('live'), posting: PostingDetail }),
    z.object({ status: z.enum(['withdrawn', 'filled', 'expired', 'paused']), title: z.string(), employerName: z.string() }),
  ])
  .openapi('PublicPostingPage');

const searchRoute = publicRoute({
  method: 'get',
  path: '/public/postings',
  operationId: 'searchPublicPostings',
  tags: ['public'],
  summary: '公共招聘网: search the open postings by keyword and facets, with each facet counted under the other filters',
  request: { query: PostingQuerySchema },
  responses: { 200: jsonResponse(SearchResult, 'One page of results and the facet counts') },
});

const pageRoute = publicRoute({
  method: 'get',
  path: '/public/postings/{id}',
  operationId: 'getPublicPosting',
  tags: ['public'],
  summary: "A posting's page: live, or withdrawn, filled, expired or paused (suspended, or back in review after an edit; with its title and employer); 404 for one never public",
  request: { params: z.object({ id: z.string().max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: jsonResponse(PostingPage, 'The posting, or why it is gone'), ...errorResponses(404) },
});

/** The public job search's JSON API: no sign-in, public fields only. */
export function publicPostingRoutes(rt: RuntimeContext) {
  const postings = publicPostings(rt);
  return apiRouter()
    .openapi(searchRoute, async (c) => c.json(await postings.search(c.req.valid('query')), 200))
    .openapi(pageRoute, async (c) => {
      const page = await postings.page(c.req.valid('param').id);
      if (!page) throw new PlatformError('NOT_FOUND', { details: { posting: c.req.valid('param').id } });
      return c.json(page, 200);
    });
}
