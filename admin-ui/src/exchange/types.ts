import type { Answer } from '../../../client/index.ts';

/** How the administrator's city is wired to other organisations (`GET /api/admin/exchange`). */
export type ExchangeWiring = Answer<'/api/admin/exchange', 'get'>;

/** A member of the exchange: public keys only. */
export type ExchangeMember = ExchangeWiring['members'][number];

/** The messages the city's outbox holds for one receiver. */
export type OutboxRow = ExchangeWiring['outbox'][number];

/** A message the city gave up (`GET /api/admin/exchange/dead-letters`). */
export type DeadLetter = Answer<'/api/admin/exchange/dead-letters', 'get'>['items'][number];
