import type { Answer } from '../../../client/index.ts';

/** The kinds the register holds, as the API names them. */
export const KINDS = ['training', 'skill-assessment', 'employment-agency', 'incubator'] as const;

export const STATUSES = ['active', 'suspended', 'revoked'] as const;
export type InstitutionStatus = (typeof STATUSES)[number];

/** An institution as `GET /api/institutions` gives it; dates are China days. */
export type Institution = Answer<'/api/institutions', 'get'>['items'][number];

/** `GET /api/institutions/{id}`: the institution with its history. */
export type InstitutionRecord = Answer<'/api/institutions/{id}', 'get'>;

/** One entry of an institution's history: registration, correction or status change. */
export type HistoryEntry = InstitutionRecord['history'][number];
