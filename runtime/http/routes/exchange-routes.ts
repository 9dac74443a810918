import { z } from '@hono/zod-openapi';
import { Acknowledgement, acceptAcknowledgement, answerQuery, Envelope, FEED_HEADERS, FEED_PAGE_MAX, feedPage, receiveMessage, verifyFeedRequest, type QueryHandler, type ServiceHandlers } from '../../exchange/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { publicRoute } from '../secure-route.ts';
import { errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

/** Said on every exchange route: no staff sign-in; the signature proves who speaks. */
const SIGNED = 'No staff sign-in: the sender is authenticated by its signature under a key the registry holds for it (Ed25519). Mutual TLS, where used, is ended at the reverse proxy.';

const inboxRoute = publicRoute({
  method: 'post',
  path: '/exchange/inbox',
  tags: ['exchange'],
  operationId: 'receiveExchangeMessage',
  summary: "Delivers a signed envelope to a member served here; answers the receiver's signed acknowledgement (the same one again for a repeated delivery)",
  description: SIGNED,
  request: { body: jsonBody(Envelope) },
  responses: { 200: jsonResponse(Acknowledgement, 'Received (or received before): the acknowledgement'), ...errorResponses(401, 403, 409, 421, 422) },
});

const FeedQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0).openapi({ description: 'The cursor: the last sequence number read (0 at first)' }),
    limit: z.coerce.number().int().min(1).max(FEED_PAGE_MAX).default(FEED_PAGE_MAX),
  })
  .strict();

const FeedHeaders = z.object({
  [FEED_HEADERS.member]: z.string().openapi({ description: "The consumer's member code" }),
  [FEED_HEADERS.keyId]: z.string().openapi({ description: 'The key that signed' }),
  [FEED_HEADERS.time]: z.string().openapi({ description: 'When the request was signed (ISO 8601); within 5 minutes of the provider\'s clock' }),
  [FEED_HEADERS.signature]: z.string().openapi({ description: 'base64url Ed25519 signature over the canonical JSON {after, keyId, limit, member, purpose: "exchange.feed", time}' }),
});

const FeedPageSchema = z
  .object({ items: z.array(z.object({ seq: z.number().int(), envelope: Envelope })), next: z.number().int().openapi({ description: 'The cursor to ask with next' }) })
  .openapi('ExchangeFeedPage');

const feedRoute = publicRoute({
  method: 'get',
  path: '/exchange/feed',
  tags: ['exchange'],
  operationId: 'readExchangeFeed',
  summary: 'The messages sent to the signed-in member (by its signature) after a cursor, oldest first, a page at a time',
  description: `${SIGNED} The request is signed in its headers.`,
  request: { query: FeedQuery, headers: FeedHeaders },
  responses: { 200: jsonResponse(FeedPageSchema, 'A page of the feed'), ...errorResponses(401, 403) },
});

const acksRoute = publicRoute({
  method: 'post',
  path: '/exchange/acks',
  tags: ['exchange'],
  operationId: 'acknowledgeExchangeMessages',
  summary: 'Acknowledgements of messages a consumer pulled from the feed: each marks its message delivered',
  description: 'No staff sign-in: each acknowledgement is signed by the receiver and checked against the message sent.',
  request: { body: jsonBody(z.object({ acknowledgements: z.array(Acknowledgement).min(1).max(FEED_PAGE_MAX) }).strict()) },
  responses: { 200: jsonResponse(z.object({ delivered: z.number().int() }), 'How many messages these acknowledgements delivered now'), ...errorResponses(422) },
});

const queryRoute = publicRoute({
  method: 'post',
  path: '/exchange/query',
  tags: ['exchange'],
  operationId: 'answerExchangeQuery',
  summary: 'Answers a signed query (request envelope) for a service this node answers (the national node: `national.claim`) with a response envelope signed by the receiver',
  description: `${SIGNED} A service this node does not answer is NOT_FOUND.`,
  request: { body: jsonBody(Envelope) },
  responses: { 200: jsonResponse(Envelope, "The receiver's signed response: payload {inReplyTo, result}"), ...errorResponses(401, 403, 404, 421, 422) },
});

/**
 * The exchange's HTTP interface, the one a peer node implements too: inbox, pull feed, acknowledgements
 * of pulled messages, and queries. A pushed message is handed to its service's handler among
 * `handlers` as it is taken in; a query is answered by its service's handler among `queries`.
 */
export function exchangeRoutes(rt: RuntimeContext, handlers?: ServiceHandlers, queries: Readonly<Record<string, QueryHandler>> = {}) {
  return apiRouter()
    .openapi(queryRoute, async (c) => c.json(await answerQuery(rt, c.req.valid('json'), queries), 200))
    .openapi(inboxRoute, async (c) => {
      const { acknowledgement } = await receiveMessage(rt, c.req.valid('json'), handlers);
      return c.json(acknowledgement, 200);
    })
    .openapi(feedRoute, async (c) => {
      const { after, limit } = c.req.valid('query');
      const headers = c.req.valid('header');
      const request = { member: headers[FEED_HEADERS.member], keyId: headers[FEED_HEADERS.keyId], time: headers[FEED_HEADERS.time], signature: headers[FEED_HEADERS.signature] };
      await verifyFeedRequest(rt, request, after, limit);
      return c.json(await feedPage(rt, request.member, after, limit), 200);
    })
    .openapi(acksRoute, async (c) => {
      let delivered = 0;
      for (const acknowledgement of c.req.valid('json').acknowledgements) {
        if (await acceptAcknowledgement(rt, acknowledgement)) delivered++;
      }
      return c.json({ delivered }, 200);
    });
}
