import type { Localized } from '../../api.ts';

/** A material a step asks for (its definition's `materials`). */
export interface Material {
  code: string;
  title: Localized;
  required: boolean;
}

/** One row of `GET /api/cases/{id}/attachments`: everything but the content. */
export interface Attachment {
  id: string;
  caseId: string;
  step: { state: string; event: string; eventTitle: Localized | null; taskId: string | null; seq: number | null } | null;
  material: string;
  materialTitle: Localized | null;
  fileName: string;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  uploadedBy: { id: string; name: string };
  post: string | null;
  uploadedAt: string;
  withdrawn: { by: { id: string; name: string }; at: string; reason: string } | null;
}

/** `GET /api/cases/{id}/attachments`. */
export interface AttachmentList {
  items: Attachment[];
  maxBytes: number;
}
