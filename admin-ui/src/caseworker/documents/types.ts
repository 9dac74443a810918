import type { Localized } from '../../api.ts';

/** Whether a printed copy still stands. */
export type DocumentStatus = 'valid' | 'revoked' | 'superseded';

/** A copy printed before, as `GET /api/cases/:id/documents` lists it. */
export interface IssuedDocument {
  id: string;
  kind: string;
  title: Localized;
  number: string;
  issuedAt: string;
  status: DocumentStatus;
  verifyPath: string;
}

/** A document just printed (`POST /api/cases/:id/documents`): its text filled from the case. */
export interface PrintedDocument extends IssuedDocument {
  caseNo: string;
  office: string;
  contentHash: string;
  fields: { title: Localized; value: Localized }[];
  paragraphs: Localized[];
}

/** What a case may print now, and what it printed before. */
export interface CaseDocumentList {
  available: { kind: string; title: Localized }[];
  issued: IssuedDocument[];
}
