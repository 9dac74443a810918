import type { Localized } from '../api.ts';

/** A review's place in its lifecycle (the server's `ReviewStatus`). */
export type ReviewStatus = 'open' | 'approved' | 'accepted';

/** Who did something: a user's id and display name. */
export type Person = { id: string; name: string } | null;

/** One indicator's figure, frozen or computed now. */
export interface Figure {
  numerator: number;
  denominator: number;
  value: number | null;
}

/** One unit's row of `GET /api/review`. */
export interface ReviewSummary {
  orgUnit: { id: string; name: string; kind: string };
  status: ReviewStatus;
  approvedBy: Person;
  approvedAt: string | null;
  acceptedBy: Person;
  acceptedAt: string | null;
  comment: string | null;
  score: number | null;
  figures: Record<string, Figure> | null;
}

/** `GET /api/review`: the unit's own review and its children's. */
export interface ReviewList extends ReviewSummary {
  period: string;
  from: string;
  to: string;
  items: ReviewSummary[];
}

/** A record of the period written after approval. */
export interface LateRecord {
  id: number;
  caseId: string;
  caseNo: string;
  processId: string;
  processTitle: Localized;
  event: string;
  post: { code: string; name: Localized } | null;
  orgUnit: { id: string; name: string };
  leftAt: string;
}

/** `GET /api/review/{orgUnit}/{period}` and the answer of every action on it. */
export interface PeriodReview extends ReviewSummary {
  period: string;
  from: string;
  to: string;
  commentedBy: Person;
  commentedAt: string | null;
  lastRecordId: number | null;
  lateRecords: number;
  lateRecordList: LateRecord[];
  live: Record<string, Figure> | null;
  differences: Record<string, { numerator: number; denominator: number }> | null;
}
