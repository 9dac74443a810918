/** The kinds the register holds, as the API names them. */
export const KINDS = ['training', 'skill-assessment', 'employment-agency', 'incubator'] as const;
export type InstitutionKind = (typeof KINDS)[number];

export const STATUSES = ['active', 'suspended', 'revoked'] as const;
export type InstitutionStatus = (typeof STATUSES)[number];

/** An institution as `GET /api/institutions` gives it; dates are China days. */
export interface Institution {
  id: string;
  creditCode: string;
  name: string;
  kind: InstitutionKind;
  licenceNo: string;
  validFrom: string;
  validUntil: string;
  occupations: string[];
  status: InstitutionStatus;
  updatedAt: string;
}

/** One entry of an institution's history: registration, correction or status change. */
export interface HistoryEntry {
  action: 'institution.register' | 'institution.update' | 'institution.status';
  actorName: string | null;
  details: { reason?: string; changes?: Record<string, { from: unknown; to: unknown }>; from?: string; to?: string };
  at: string;
}

/** `GET /api/institutions/:id`: the institution with its history. */
export interface InstitutionRecord extends Institution {
  history: HistoryEntry[];
}
