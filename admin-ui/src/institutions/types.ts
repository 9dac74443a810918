import type { Answer } from '../../../client/index.ts';

/** The kinds the register holds, as the API names them. */
export const KINDS = ['training', 'skill-assessment', 'employment-agency', 'incubator'] as const;
export type InstitutionKind = (typeof KINDS)[number];

export const STATUSES = ['active', 'suspended', 'revoked'] as const;
export type InstitutionStatus = (typeof STATUSES)[number];

/** An institution as `GET /api/institutions` gives it; dates are China days. */
export type Institution = Answer<'/api/institutions', 'get'>['items'][number];

type WireRecord = Answer<'/api/institutions/{id}', 'get'>;

/**
 * One entry of an institution's history: registration, correction or status change. The OpenAPI
 * document gives `action` as a string and `details` as an object only: what the drawer reads of
 * them is named here.
 */
export type HistoryEntry = Omit<WireRecord['history'][number], 'action' | 'details'> & {
  action: 'institution.register' | 'institution.update' | 'institution.status';
  details: { reason?: string; changes?: Record<string, { from: unknown; to: unknown }>; from?: string; to?: string };
};

/** `GET /api/institutions/{id}`: the institution with its history. */
export type InstitutionRecord = Omit<WireRecord, 'history'> & { history: HistoryEntry[] };
