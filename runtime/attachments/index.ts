export { CASE_LEVEL, caseAttachmentList, readAttachment, uploadAttachment, withdrawAttachment, type AttachmentView, type UploadedFile } from './case-attachments.ts';
export { ATTACHMENT_TYPES, contentDisposition, requireAttachmentType, sniffMediaType, type AttachmentType } from './media-type.ts';
