import type { Answer } from '../../../client/index.ts';

/** `GET /api/review`: the unit's own review and its children's. */
export type ReviewList = Answer<'/api/review', 'get'>;

/** One unit's row of `GET /api/review`. */
export type ReviewSummary = ReviewList['items'][number];

/** A review's place in its lifecycle. */
export type ReviewStatus = ReviewSummary['status'];

/** Who did something: a user's id and display name. */
export type Person = ReviewSummary['approvedBy'];

/** One indicator's figure, frozen or computed now. */
export type Figure = NonNullable<ReviewSummary['figures']>[string];

/** `GET /api/review/{orgUnit}/{period}` and the answer of every action on it. */
export type PeriodReview = Answer<'/api/review/{orgUnit}/{period}', 'get'>;

/** A record of the period written after approval. */
export type LateRecord = PeriodReview['lateRecordList'][number];
