export { caseDocuments, issueDocument, revokeDocument, verifyDocument, type DocumentStatus, type Verification } from './case-documents.ts';
export { maskName, resolveDocument, type DocumentSources, type ResolvedDocument } from './document-content.ts';
