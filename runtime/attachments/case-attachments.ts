import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import { PlatformError, type Definition, type LocalizedText } from '../../engine/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { actorOf, actorOfUser, type SessionUser } from '../auth/index.ts';
import { getCaseRow } from '../cases/index.ts';
import { materialsOf } from '../cases/step-materials.ts';
import type { Executor } from '../db/index.ts';
import { caseAttachments, tasks } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';
import { requireAttachmentType, type AttachmentType } from './media-type.ts';

/** What a step field names when a file belongs to the case as a whole rather than to one of its steps. */
export const CASE_LEVEL = 'case';

/** A file as it arrived: its name and declared type (neither trusted) and its bytes. */
export interface UploadedFile {
  fileName: string;
  declaredType: string;
  bytes: Uint8Array;
}

type AttachmentRow = typeof caseAttachments.$inferSelect;
type ListedRow = Omit<AttachmentRow, 'content'>;

/** An attachment as lists show it: everything but its content. */
export interface AttachmentView {
  id: string;
  caseId: string;
  step: { state: string; event: string; eventTitle: LocalizedText | null; taskId: string | null; seq: number | null } | null;
  material: string;
  materialTitle: LocalizedText | null;
  fileName: string;
  mediaType: AttachmentType;
  sizeBytes: number;
  sha256: string;
  uploadedBy: { id: string; name: string };
  post: string | null;
  uploadedAt: string;
  withdrawn: { by: { id: string; name: string }; at: string; reason: string } | null;
}

function view(row: ListedRow, definition: Definition): AttachmentView {
  const transition = row.state && row.event ? definition.states[row.state]?.on[row.event] : undefined;
  const material = row.state && row.event ? materialsOf(definition, row.state, row.event).find((m) => m.code === row.material) : undefined;
  return {
    id: row.id,
    caseId: row.caseId,
    step: row.state && row.event ? { state: row.state, event: row.event, eventTitle: transition?.title ?? null, taskId: row.taskId, seq: row.eventSeq } : null,
    material: row.material,
    materialTitle: material?.title ?? null,
    fileName: row.fileName,
    mediaType: row.mediaType as AttachmentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: { id: row.uploadedBy, name: row.uploadedByName },
    post: row.uploadedPost,
    uploadedAt: row.uploadedAt.toISOString(),
    withdrawn: row.withdrawnAt ? { by: { id: row.withdrawnBy!, name: row.withdrawnByName ?? '' }, at: row.withdrawnAt.toISOString(), reason: row.withdrawnReason ?? '' } : null,
  };
}

/** Every column but the content: lists never carry it. */
const { content: _content, ...listed } = getTableColumns(caseAttachments);

/** Refuses a file to a case that has ended: its record stands as it was decided. */
function requireActive(row: CaseRow): void {
  if (row.status !== 'active') throw new PlatformError('CASE_CLOSED', { details: { caseId: row.id, state: row.state } });
}

/**
 * Where a file goes: a step of the case's current state the user may send, for one of the materials
 * it declares (MATERIAL_NOT_DECLARED otherwise), with the task open there; or the case as a whole.
 */
async function placeOf(tx: Executor, user: SessionUser, row: CaseRow, definition: Definition, step: string, material: string) {
  if (step === CASE_LEVEL) return { state: null, event: null, taskId: null, post: actorOf(user).post };
  const transition = Object.hasOwn(definition.states[row.state]?.on ?? {}, step) ? definition.states[row.state]!.on[step] : undefined;
  if (!transition || !transition.roles.includes(user.role)) throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { state: row.state, event: step } });
  if (!materialsOf(definition, row.state, step).some((m) => m.code === material)) {
    throw new PlatformError('MATERIAL_NOT_DECLARED', { details: { event: step, material, declared: materialsOf(definition, row.state, step).map((m) => m.code) } });
  }
  const [task] = await tx
    .select({ id: tasks.id, post: tasks.post })
    .from(tasks)
    .where(and(eq(tasks.cityCode, row.cityCode), eq(tasks.caseId, row.id), eq(tasks.state, row.state), eq(tasks.status, 'open')))
    .limit(1);
  return { state: row.state, event: step, taskId: task?.id ?? null, post: actorOf(user, task?.post).post };
}

/** Refuses, before anything is written, a file over the platform's limit (ATTACHMENT_TOO_LARGE) or whose content is not a PDF, JPEG or PNG (ATTACHMENT_TYPE_REFUSED). */
export function requireAcceptableFile(rt: RuntimeContext, file: UploadedFile): AttachmentType {
  const maxBytes = rt.config.attachmentLimitBytes;
  if (file.bytes.length > maxBytes) throw new PlatformError('ATTACHMENT_TOO_LARGE', { details: { maxBytes, sizeBytes: file.bytes.length } });
  return requireAttachmentType(file.bytes, file);
}

/** Where a file goes on a case (a step of its current state, or the case as a whole) and who put it there. */
export interface AttachmentPlace {
  state: string | null;
  event: string | null;
  taskId: string | null;
  post: string | null;
  uploadedBy: { id: string; name: string };
}

/**
 * Stores a checked file on a case in the caller's transaction, encrypted, with its SHA-256: the one
 * writer of `case_attachments` rows, for a user's upload and an online application's alike.
 */
export async function insertAttachment(tx: Executor, rt: RuntimeContext, row: CaseRow, definition: Definition, input: { place: AttachmentPlace; material: string; file: UploadedFile; mediaType: AttachmentType }): Promise<AttachmentView> {
  const { place, file } = input;
  const [stored] = await tx
    .insert(caseAttachments)
    .values({
      cityCode: row.cityCode,
      id: randomUUID(),
      caseId: row.id,
      state: place.state,
      event: place.event,
      taskId: place.taskId,
      material: input.material,
      fileName: file.fileName,
      mediaType: input.mediaType,
      sizeBytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: rt.cipher.encryptBytes(file.bytes),
      uploadedBy: place.uploadedBy.id,
      uploadedByName: place.uploadedBy.name,
      uploadedPost: place.post,
      uploadedAt: rt.clock(),
    })
    .returning(listed);
  return view(stored!, definition);
}

/**
 * Attaches a file to a case the user reaches (NOT_FOUND otherwise), for a step of its current state
 * or the case as a whole. Refused before anything is written: a file over ATTACHMENT_LIMIT_BYTES
 * (ATTACHMENT_TOO_LARGE), a case that has ended (CASE_CLOSED), a step or material the state does not
 * offer, and content that is not a PDF, JPEG or PNG whatever its name (ATTACHMENT_TYPE_REFUSED).
 * The content is stored encrypted, with its SHA-256.
 */
export async function uploadAttachment(rt: RuntimeContext, user: SessionUser, caseId: string, input: { step: string; material: string; file: UploadedFile }): Promise<AttachmentView> {
  const { file } = input;
  const maxBytes = rt.config.attachmentLimitBytes;
  if (file.bytes.length > maxBytes) throw new PlatformError('ATTACHMENT_TOO_LARGE', { details: { maxBytes, sizeBytes: file.bytes.length } });
  return rt.db.transaction(async (tx) => {
    // Locked, so a step sent at the same moment either sees this file or comes before it.
    const row = await getCaseRow(rt, user, caseId, tx, true);
    requireActive(row);
    const { definition } = await publishedDefinition(tx, rt.registry, row.definitionId);
    const place = await placeOf(tx, user, row, definition, input.step, input.material);
    const mediaType = requireAttachmentType(file.bytes, file);
    return insertAttachment(tx, rt, row, definition, { place: { ...place, uploadedBy: { id: user.id, name: user.displayName } }, material: input.material, file, mediaType });
  });
}

/** The files attached to a case the user reaches, oldest first, without their content; with the largest file accepted, for the browser's own check. */
export async function caseAttachmentList(rt: RuntimeContext, user: SessionUser, caseId: string): Promise<{ items: AttachmentView[]; maxBytes: number }> {
  const row = await getCaseRow(rt, user, caseId);
  const { definition } = await publishedDefinition(rt.db, rt.registry, row.definitionId);
  const rows = await rt.db
    .select(listed)
    .from(caseAttachments)
    .where(and(eq(caseAttachments.cityCode, row.cityCode), eq(caseAttachments.caseId, row.id)))
    .orderBy(asc(caseAttachments.uploadedAt), asc(caseAttachments.id));
  return { items: rows.map((r) => view(r, definition)), maxBytes: rt.config.attachmentLimitBytes };
}

async function attachmentRow(tx: Executor, row: CaseRow, attachmentId: string, lock = false): Promise<AttachmentRow> {
  const query = tx
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.cityCode, row.cityCode), eq(caseAttachments.caseId, row.id), eq(caseAttachments.id, attachmentId)))
    .limit(1);
  const [found] = lock ? await query.for('update') : await query;
  if (!found) throw new PlatformError('NOT_FOUND', { details: { attachment: attachmentId } });
  return found;
}

/**
 * One attachment's content, decrypted, with its name and type: the read is recorded in the access
 * log before the file leaves, as every read of personal data is. A withdrawn file can still be read
 * (it stays part of the record).
 */
export async function readAttachment(rt: RuntimeContext, user: SessionUser, caseId: string, attachmentId: string, origin: RequestOrigin) {
  const row = await getCaseRow(rt, user, caseId);
  const found = await attachmentRow(rt.db, row, attachmentId);
  await recordAccess(rt.db, {
    actor: actorOfUser(user),
    action: 'case.attachment.read',
    target: { type: 'case', id: row.id },
    origin,
    at: rt.clock(),
    details: { caseNo: row.caseNo, attachment: found.id, material: found.material },
  });
  return { fileName: found.fileName, mediaType: found.mediaType, content: rt.cipher.decryptBytes(found.content) };
}

/** Withdraws an attachment of an active case, with the reason: it stays, marked, and no longer counts for a step's materials. */
export async function withdrawAttachment(rt: RuntimeContext, user: SessionUser, caseId: string, attachmentId: string, reason: string): Promise<AttachmentView> {
  return rt.db.transaction(async (tx) => {
    const row = await getCaseRow(rt, user, caseId, tx, true);
    requireActive(row);
    const found = await attachmentRow(tx, row, attachmentId, true);
    if (found.withdrawnAt) throw new PlatformError('ATTACHMENT_WITHDRAWN', { details: { attachment: attachmentId } });
    const [updated] = await tx
      .update(caseAttachments)
      .set({ withdrawnAt: rt.clock(), withdrawnBy: user.id, withdrawnByName: user.displayName, withdrawnReason: reason })
      .where(and(eq(caseAttachments.cityCode, row.cityCode), eq(caseAttachments.id, attachmentId)))
      .returning(listed);
    const { definition } = await publishedDefinition(tx, rt.registry, row.definitionId);
    return view(updated!, definition);
  });
}
