import { and, asc, eq, gt } from 'drizzle-orm';
import { isRecordId, type Executor } from '../db/index.ts';
import { publicNotices } from '../db/schema/index.ts';

/** A notice as the public site shows it: no case number, no ID number, no phone; the name masked. */
export interface PublicNotice {
  id: string;
  cityCode: string;
  processId: string;
  title: { 'zh-CN': string; en: string };
  maskedName: string;
  amountFen: number | null;
  post: string | null;
  /** The unit offering the post (用人单位), where the notice names one. */
  employer: string | null;
  district: string;
  startsAt: string;
  endsAt: string;
}

const columns = {
  id: publicNotices.id,
  cityCode: publicNotices.cityCode,
  processId: publicNotices.processId,
  titleZh: publicNotices.titleZh,
  titleEn: publicNotices.titleEn,
  maskedName: publicNotices.maskedName,
  amountFen: publicNotices.amountFen,
  post: publicNotices.post,
  employer: publicNotices.employer,
  district: publicNotices.district,
  startsAt: publicNotices.startsAt,
  endsAt: publicNotices.endsAt,
};

type Row = Omit<typeof publicNotices.$inferSelect, 'caseId' | 'state'>;

function toNotice(row: Row): PublicNotice {
  return {
    id: row.id,
    cityCode: row.cityCode,
    processId: row.processId,
    title: { 'zh-CN': row.titleZh, en: row.titleEn },
    maskedName: row.maskedName,
    amountFen: row.amountFen,
    post: row.post,
    employer: row.employer,
    district: row.district,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
  };
}

/** The notices whose period is running at `now` (a period past its end is never shown, whether or not its timer has fired), ending soonest first. */
export async function currentNotices(db: Executor, now: Date, limit = 200): Promise<PublicNotice[]> {
  const rows = await db.select(columns).from(publicNotices).where(gt(publicNotices.endsAt, now)).orderBy(asc(publicNotices.endsAt), asc(publicNotices.id)).limit(limit);
  return rows.map(toNotice);
}

/** One running notice by its public id; undefined for a malformed id, an unknown one or one whose period is over. */
export async function currentNotice(db: Executor, id: string, now: Date): Promise<PublicNotice | undefined> {
  if (!isRecordId(id)) return undefined;
  const [row] = await db.select(columns).from(publicNotices).where(and(eq(publicNotices.id, id), gt(publicNotices.endsAt, now)));
  return row ? toNotice(row) : undefined;
}
