import type { Answer } from '../../../../client/index.ts';

/** What a case may print now, and what it printed before (`GET /api/cases/{id}/documents`). */
export type CaseDocumentList = Answer<'/api/cases/{id}/documents', 'get'>;

/** A copy printed before. */
export type IssuedDocument = CaseDocumentList['issued'][number];

/** Whether a printed copy still stands. */
export type DocumentStatus = IssuedDocument['status'];

/** A document just printed (`POST /api/cases/{id}/documents`): its text filled from the case. */
export type PrintedDocument = Answer<'/api/cases/{id}/documents', 'post'>;
