import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { chinaDate, PlatformError, type DocumentDeclaration, type LocalizedText } from '../../engine/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { actorOfUser, type SessionUser } from '../auth/index.ts';
import { getCaseRow } from '../cases/index.ts';
import { subjectsOf } from '../cases/subjects.ts';
import type { Executor } from '../db/index.ts';
import { caseEvents, issuedDocuments, orgUnits, persons } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import { handlesCaseData, openCaseData } from '../privacy/index.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';
import { caseSummaryDeclaration, contentHash, maskName, resolveDocument, type DocumentSources, type ResolvedDocument } from './document-content.ts';

type Declaration = Omit<DocumentDeclaration, 'process' | 'after'> & { after?: string };

/** Whether an issued document still stands: `superseded` once the same document of the case was issued again. */
export type DocumentStatus = 'valid' | 'revoked' | 'superseded';

type IssuedRow = typeof issuedDocuments.$inferSelect;

function statusOf(row: Pick<IssuedRow, 'revokedAt' | 'supersededBy'>): DocumentStatus {
  if (row.revokedAt) return 'revoked';
  return row.supersededBy ? 'superseded' : 'valid';
}

/** The documents a case's process declares (its packages' `documents`), then the case summary every case has. */
function declarationsFor(rt: RuntimeContext, row: CaseRow): Declaration[] {
  const plugin = rt.registry.plugins.find((p) => p.id === row.pluginId);
  const declared: Declaration[] = (plugin?.documents ?? []).filter((d) => d.process === row.processId);
  return [...declared, caseSummaryDeclaration];
}

async function eventsOf(db: Executor, row: CaseRow) {
  return db
    .select({ seq: caseEvents.seq, event: caseEvents.event, dueAt: caseEvents.dueAt })
    .from(caseEvents)
    .where(and(eq(caseEvents.cityCode, row.cityCode), eq(caseEvents.caseId, row.id)))
    .orderBy(asc(caseEvents.seq));
}

/** A declaration may be printed once the case's history holds its `after` event (the summary: always). */
function issuable(declaration: Declaration, events: readonly { event: string }[]): boolean {
  return declaration.after === undefined || events.some((e) => e.event === declaration.after);
}

/**
 * The deadline a document speaks of: that of the state its `after` event entered, as the step
 * that left it recorded it, or the case's open deadline while it is still there.
 */
function deadlineAfter(declaration: Declaration, events: readonly { seq: number; event: string; dueAt: Date | null }[], row: CaseRow): string | null {
  const at = declaration.after === undefined ? -1 : events.findLastIndex((e) => e.event === declaration.after);
  const next = at >= 0 ? events[at + 1] : undefined;
  if (next) return next.dueAt?.toISOString() ?? null;
  return row.snapshot.context.dueAt ?? null;
}

async function sourcesOf(rt: RuntimeContext, tx: Executor, user: SessionUser, row: CaseRow, dueAt: string | null, issuedAt: Date): Promise<DocumentSources> {
  const { definition } = await publishedDefinition(tx, rt.registry, row.definitionId);
  const subject = (await subjectsOf(tx, [row])).get(row.subjectId);
  const [office] = await tx.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, row.orgUnitId)).limit(1);
  const [person] =
    row.subjectType === 'person' ? await tx.select({ certificateNo: persons.certificateNo }).from(persons).where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId))).limit(1) : [];
  return {
    caseNo: row.caseNo,
    processTitle: definition.title,
    subjectName: subject?.name ?? '',
    subjectIdentifier: subject?.identifier ?? '',
    openedAt: chinaDate(row.createdAt),
    dueAt,
    issuedAt,
    office: office?.name ?? '',
    certificateNo: person?.certificateNo ?? null,
    data: openCaseData(rt.cipher, row.data, handlesCaseData(user)),
  };
}

/** An issued document as its list shows it. */
function issuedView(row: IssuedRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.content.title,
    number: row.number,
    issuedAt: row.issuedAt.toISOString(),
    status: statusOf(row),
    verifyPath: `/verify/${row.token}`,
  };
}

/** The documents a case may print now, and every copy printed before with whether it still stands (copies that stand first). */
export async function caseDocuments(rt: RuntimeContext, user: SessionUser, caseId: string) {
  const row = await getCaseRow(rt, user, caseId);
  const events = await eventsOf(rt.db, row);
  const issued = await rt.db
    .select()
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.cityCode, row.cityCode), eq(issuedDocuments.caseId, row.id)))
    // Copies that stand (valid or revoked) first, then those printed over, newest first.
    .orderBy(sql`${issuedDocuments.supersededBy} IS NULL DESC`, desc(issuedDocuments.issuedAt), asc(issuedDocuments.kind));
  return {
    available: declarationsFor(rt, row)
      .filter((d) => issuable(d, events))
      .map((d) => ({ kind: d.id, title: d.title })),
    issued: issued.map(issuedView),
  };
}

/**
 * Issues (prints) a document of a case: fills the declaration's text from the case, stores the
 * hash of what it printed with a random token for its QR code, and supersedes the copy of the same
 * document printed before. Refused with DOCUMENT_NOT_ISSUABLE for a document the process does not
 * declare or whose event the case has not reached. The print is recorded in the access log.
 */
export async function issueDocument(rt: RuntimeContext, user: SessionUser, caseId: string, kind: string, origin: RequestOrigin) {
  const printed = await rt.db.transaction(async (tx) => {
    // Locked, so two prints of one document at once supersede one another in turn.
    const row = await getCaseRow(rt, user, caseId, tx, true);
    const declaration = declarationsFor(rt, row).find((d) => d.id === kind);
    const events = await eventsOf(tx, row);
    if (!declaration || !issuable(declaration, events)) throw new PlatformError('DOCUMENT_NOT_ISSUABLE', { details: { caseId, kind, after: declaration?.after ?? null } });
    const issuedAt = rt.clock();
    const sources = await sourcesOf(rt, tx, user, row, deadlineAfter(declaration, events, row), issuedAt);
    const resolved: ResolvedDocument = resolveDocument(declaration, sources);
    const number = resolved.fields[0]?.value['zh-CN'] || row.caseNo;
    const id = randomUUID();
    const token = `${row.cityCode}-${randomBytes(24).toString('base64url')}`;
    const hash = contentHash({ kind, number, token, issuedAt: issuedAt.toISOString(), resolved });
    const content = { kind, title: declaration.title, number, caseNo: row.caseNo, office: sources.office, maskedName: maskName(sources.subjectName), issuedAt: issuedAt.toISOString() };
    await tx
      .update(issuedDocuments)
      .set({ supersededBy: id })
      .where(and(eq(issuedDocuments.cityCode, row.cityCode), eq(issuedDocuments.caseId, row.id), eq(issuedDocuments.kind, kind), isNull(issuedDocuments.supersededBy)));
    const [stored] = await tx
      .insert(issuedDocuments)
      .values({ cityCode: row.cityCode, id, caseId: row.id, kind, number, token, contentHash: hash, content, issuedBy: user.id, issuedAt })
      .returning();
    return { ...issuedView(stored!), caseNo: row.caseNo, office: sources.office, contentHash: hash, ...resolved };
  });
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'case.print', target: { type: 'case', id: caseId }, origin, at: rt.clock(), details: { caseNo: printed.caseNo, document: kind } });
  return printed;
}

/** Revokes an issued document of a case, with the reason: its verification page says so from then on. */
export async function revokeDocument(rt: RuntimeContext, user: SessionUser, caseId: string, documentId: string, reason: string) {
  return rt.db.transaction(async (tx) => {
    const row = await getCaseRow(rt, user, caseId, tx, true);
    const [found] = await tx
      .select()
      .from(issuedDocuments)
      .where(and(eq(issuedDocuments.cityCode, row.cityCode), eq(issuedDocuments.caseId, row.id), eq(issuedDocuments.id, documentId)))
      .limit(1)
      .for('update');
    if (!found) throw new PlatformError('NOT_FOUND', { details: { document: documentId } });
    if (found.revokedAt) throw new PlatformError('DOCUMENT_REVOKED', { details: { document: documentId } });
    const [updated] = await tx
      .update(issuedDocuments)
      .set({ revokedAt: rt.clock(), revokedBy: user.id, revokedReason: reason })
      .where(and(eq(issuedDocuments.cityCode, row.cityCode), eq(issuedDocuments.id, documentId)))
      .returning();
    return issuedView(updated!);
  });
}

/** What the public verification page shows: only the document's kind, number, office, date, a masked name and its status. */
export interface Verification {
  genuine: boolean;
  status: DocumentStatus | null;
  title: LocalizedText | null;
  kind: string | null;
  number: string | null;
  office: string | null;
  maskedName: string | null;
  issuedAt: string | null;
  revokedAt: string | null;
}

const TOKEN = /^\d{6}-[A-Za-z0-9_-]{32}$/;

/** Looks a QR code's token up: a token never issued (or altered) is not genuine; nothing personal beyond a masked name. */
export async function verifyDocument(rt: RuntimeContext, token: string): Promise<Verification> {
  const [row] = TOKEN.test(token) ? await rt.db.select().from(issuedDocuments).where(eq(issuedDocuments.token, token)).limit(1) : [];
  if (!row) return { genuine: false, status: null, title: null, kind: null, number: null, office: null, maskedName: null, issuedAt: null, revokedAt: null };
  return {
    genuine: true,
    status: statusOf(row),
    title: row.content.title,
    kind: row.kind,
    number: row.number,
    office: row.content.office,
    maskedName: row.content.maskedName,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
