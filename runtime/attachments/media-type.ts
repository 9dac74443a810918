import { PlatformError } from '../../engine/index.ts';

/** The media types an attachment may have: what scans of proofs come as. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The first bytes of each accepted type (its magic number). */
const signatures: readonly { type: AttachmentType; magic: readonly number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** What a file is by its content alone; null when it is none of the accepted types. */
export function sniffMediaType(bytes: Uint8Array): AttachmentType | null {
  return signatures.find(({ magic }) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte))?.type ?? null;
}

/**
 * The media type of a file by its content, refusing with ATTACHMENT_TYPE_REFUSED whatever is not a
 * PDF, JPEG or PNG, whatever its name or declared type says (an HTML page or a program named `.pdf`).
 */
export function requireAttachmentType(bytes: Uint8Array, declared: { fileName: string; declaredType: string }): AttachmentType {
  const type = sniffMediaType(bytes);
  if (!type) throw new PlatformError('ATTACHMENT_TYPE_REFUSED', { details: { accepted: ATTACHMENT_TYPES, declaredType: declared.declaredType || null } });
  return type;
}

/**
 * A `Content-Disposition` value for a file's original name (RFC 6266): an ASCII `filename` for old
 * clients, with anything else replaced, and the name itself as UTF-8 in `filename*` (RFC 5987).
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
