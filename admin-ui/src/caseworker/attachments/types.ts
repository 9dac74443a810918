import type { Answer } from '../../../../client/index.ts';

/** `GET /api/cases/{id}/attachments`. */
export type AttachmentList = Answer<'/api/cases/{id}/attachments', 'get'>;

/** One attachment of a case: everything but the content. */
export type Attachment = AttachmentList['items'][number];

/** A material a step asks for (its definition's `materials`). */
export type Material = Answer<'/api/cases/{id}', 'get'>['actions'][number]['materials'][number];
