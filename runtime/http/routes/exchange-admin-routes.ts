import { z } from '@hono/zod-openapi';
import { addMemberKey, cityDeadLetters, exchangeWiring, makeOwnKey, putBack, registerPeer, routeService, wireBank } from '../../administration/index.ts';
import { MemberCode } from '../../exchange/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const tags = ['administration'];
const MemberParam = z.object({ code: MemberCode.openapi({ param: { name: 'code', in: 'path' } }) });
const ServiceName = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/).openapi({ example: 'social-insurance.contributions' });
const Address = z.string().trim().url().max(300).regex(/^https?:\/\//).openapi({ description: 'The base URL of its exchange API', example: 'https://si.example.gov.cn/api/exchange' });

const Member = z
  .object({
    code: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    servedHere: z.boolean().openapi({ description: 'This node holds its private keys: one of the city’s own members' }),
    keys: z.array(z.object({ keyId: z.string(), publicKey: z.string().openapi({ description: 'Ed25519, SPKI DER in base64' }), validFrom: z.string(), validUntil: z.string().nullable() })),
  })
  .openapi('ExchangeMember');
const Route = z.object({ cityCode: z.string(), service: z.string(), client: z.string(), provider: z.string() }).openapi('ExchangeServiceRoute');
const Bank = z.object({ cityCode: z.string(), member: z.string(), bank: z.string() }).openapi('BankWiring');
const Wiring = z
  .object({
    cityCode: z.string(),
    members: z.array(Member),
    services: z.array(Route.omit({ cityCode: true })),
    bank: Bank.omit({ cityCode: true }).nullable(),
    outbox: z.array(
      z.object({
        receiver: z.string(),
        pending: z.number().int(),
        delivered: z.number().int(),
        dead: z.number().int().openapi({ description: 'Messages given up (dead letters): refused for good by the receiver, or not acknowledged after the last attempt' }),
        attemptsMax: z.number().int().openapi({ description: 'The most attempts a waiting message has had' }),
        nextAttemptAt: z.string().nullable(),
        lastError: z.string().nullable().openapi({ description: 'Why the latest waiting message’s last attempt failed (an error code, `HTTP nnn` or a network error)' }),
      }),
    ),
  })
  .openapi('ExchangeWiring');

const wiringRoute = secureRoute('exchange.manage', {
  method: 'get',
  path: '/admin/exchange',
  operationId: 'getExchangeWiring',
  tags,
  summary: "The city's wiring to other organisations: every registered member with its public keys, the city's service routes and bank, and its outbox by receiver",
  responses: { 200: jsonResponse(Wiring, 'Wiring') },
});

const memberRoute = secureRoute('exchange.manage', {
  method: 'put',
  path: '/admin/exchange/members/{code}',
  operationId: 'registerExchangeMember',
  tags,
  summary: 'Register an organisation of the exchange (a peer, or one of the city’s own members before its key is made), or change its name and address',
  request: { params: MemberParam, body: jsonBody(z.object({ name: z.string().trim().min(1).max(100), address: Address.nullable() }).strict()) },
  responses: { 200: jsonResponse(Member, 'Registered') },
});

const peerKeyRoute = secureRoute('exchange.manage', {
  method: 'post',
  path: '/admin/exchange/members/{code}/keys',
  operationId: 'registerPeerKey',
  tags,
  summary: "Register a peer's public key with its validity as the peer gave it (the same key again takes its new end after the peer rotated)",
  request: {
    params: MemberParam,
    body: jsonBody(
      z
        .object({
          keyId: z.string().trim().min(1).max(100),
          publicKey: z.string().trim().min(1).max(200),
          validFrom: z.iso.datetime({ offset: true }),
          validUntil: z.iso.datetime({ offset: true }).nullable(),
        })
        .strict(),
    ),
  },
  responses: { 200: jsonResponse(Member, 'Registered'), ...errorResponses(404, 409, 422) },
});

const ownKeyRoute = secureRoute('exchange.manage', {
  method: 'post',
  path: '/admin/exchange/members/{code}/own-key',
  operationId: 'createOwnKey',
  tags,
  summary: "Make a signing key for one of the city's own members: its first, or a rotation ending the current key now (what it signed while valid still verifies). The private key never leaves this node",
  request: { params: MemberParam },
  responses: { 200: jsonResponse(Member, 'Made'), ...errorResponses(404, 409) },
});

const serviceRoute = secureRoute('exchange.manage', {
  method: 'put',
  path: '/admin/exchange/services/{service}',
  operationId: 'routeExchangeService',
  tags,
  summary: "Route a service of the city (for example `social-insurance.contributions`): which of its own members asks and which registered peer answers",
  request: { params: z.object({ service: ServiceName.openapi({ param: { name: 'service', in: 'path' } }) }), body: jsonBody(z.object({ client: MemberCode, provider: MemberCode }).strict()) },
  responses: { 200: jsonResponse(Route, 'Routed'), ...errorResponses(404, 409) },
});

const bankRoute = secureRoute('exchange.manage', {
  method: 'put',
  path: '/admin/exchange/bank',
  operationId: 'connectBank',
  tags,
  summary: "Connect the city to its bank: the city's member that sends payment batches and the bank's member that takes them and sends reconciliations back",
  request: { body: jsonBody(z.object({ member: MemberCode, bank: MemberCode }).strict()) },
  responses: { 200: jsonResponse(Bank, 'Connected'), ...errorResponses(404, 409) },
});

const DeadLetter = z
  .object({
    seq: z.number().int().openapi({ description: "The message's number in the outbox" }),
    messageId: z.string(),
    sender: z.string(),
    receiver: z.string(),
    service: z.string(),
    businessKey: z.string().openapi({ description: 'The business key the message carries (an application or batch number), never personal data' }),
    attempts: z.number().int(),
    lastError: z.string().nullable().openapi({ description: "The receiver's refusal code, `HTTP nnn` or a network error" }),
    createdAt: z.string(),
    deadAt: z.string().openapi({ description: 'When its attempts were given up' }),
  })
  .openapi('DeadLetter');

const deadLettersRoute = secureRoute('exchange.manage', {
  method: 'get',
  path: '/admin/exchange/dead-letters',
  operationId: 'listDeadLetters',
  tags,
  summary: "The city's dead letters: messages the receiver refused as repeating cannot change (an HTTP 4xx other than 403, 408, 421 and 429), or that were not acknowledged after the 20th attempt (about three days); tried no more until put back",
  responses: { 200: jsonResponse(z.object({ items: z.array(DeadLetter) }), 'Dead letters') },
});

const putBackRoute = secureRoute('exchange.manage', {
  method: 'post',
  path: '/admin/exchange/dead-letters/{seq}/put-back',
  operationId: 'putBackDeadLetter',
  tags,
  summary: 'Put a dead letter back in the outbox once its cause is mended (an address or a route corrected, the receiver’s system mended): due now, its attempts counted afresh, the same envelope sent again; audited',
  request: { params: z.object({ seq: z.coerce.number().int().positive().openapi({ param: { name: 'seq', in: 'path' } }) }) },
  responses: { 200: jsonResponse(DeadLetter, 'The letter as it was, now waiting again'), ...errorResponses(404, 409) },
});

/** A city's administrator wires it to other organisations over the exchange; every change is recorded. */
export function exchangeAdminRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(wiringRoute, async (c) => c.json(await exchangeWiring(rt, c.get('user')), 200))
    .openapi(memberRoute, async (c) => c.json(await registerPeer(rt, c.get('user'), { code: c.req.valid('param').code, ...c.req.valid('json') }, c.get('origin')), 200))
    .openapi(peerKeyRoute, async (c) => {
      const { validFrom, validUntil, ...key } = c.req.valid('json');
      const member = await addMemberKey(rt, c.get('user'), { memberCode: c.req.valid('param').code, ...key, validFrom: new Date(validFrom), validUntil: validUntil === null ? null : new Date(validUntil) }, c.get('origin'));
      return c.json(member, 200);
    })
    .openapi(ownKeyRoute, async (c) => c.json(await makeOwnKey(rt, c.get('user'), c.req.valid('param').code, c.get('origin')), 200))
    .openapi(serviceRoute, async (c) => c.json(await routeService(rt, c.get('user'), { service: c.req.valid('param').service, ...c.req.valid('json') }, c.get('origin')), 200))
    .openapi(bankRoute, async (c) => c.json(await wireBank(rt, c.get('user'), c.req.valid('json'), c.get('origin')), 200))
    .openapi(deadLettersRoute, async (c) => c.json({ items: await cityDeadLetters(rt, c.get('user')) }, 200))
    .openapi(putBackRoute, async (c) => c.json(await putBack(rt, c.get('user'), c.req.valid('param').seq, c.get('origin')), 200));
}
