export {
  CASE_LEVEL,
  caseAttachmentList,
  insertAttachment,
  readAttachment,
  requireAcceptableFile,
  uploadAttachment,
  withdrawAttachment,
  type AttachmentPlace,
  type AttachmentView,
  type UploadedFile,
} from './case-attachments.ts';
export { ATTACHMENT_TYPES, contentDisposition, requireAttachmentType, sniffMediaType, type AttachmentType } from './media-type.ts';
