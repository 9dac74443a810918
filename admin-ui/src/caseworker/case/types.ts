import type { Answer } from '../../../../client/index.ts';

/** `GET /api/cases/{id}`. */
export type CaseDetail = Answer<'/api/cases/{id}', 'get'>;

/** An action the signed-in user may take on the case now. */
export type CaseAction = CaseDetail['actions'][number];

/** The form an action carries, from the case's pinned definition. */
export type ActionForm = NonNullable<CaseAction['form']>;

/** What a step does beyond moving its own case, from the definitions (`confirm`: ask before sending it). */
export type StepConsequences = CaseAction['consequences'];

/** One step of `GET /api/cases/{id}/history`. */
export type HistoryStep = Answer<'/api/cases/{id}/history', 'get'>['items'][number];

/** One row of `GET /api/cases/{id}/links`. */
export type CaseLink = Answer<'/api/cases/{id}/links', 'get'>['items'][number];
