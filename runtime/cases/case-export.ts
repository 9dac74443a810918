import { count, inArray } from 'drizzle-orm';
import { PlatformError, type LocalizedText } from '../../engine/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { actorOfUser, type SessionUser } from '../auth/index.ts';
import { cases, employers, orgUnits, persons } from '../db/schema/index.ts';
import { toCsv, toXlsx, XLSX_TYPE, type Cell } from '../exports/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import { handlesCaseData, openValue } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { caseSearchOrder, caseSearchWhere, channelOf, type CaseChannel, type CaseSearchQuery } from './case-search.ts';

/** The columns of a case export, zh-CN first with English. */
export const CASE_EXPORT_HEADER = [
  '办件编号 Case no.',
  '业务 Process',
  '环节 State',
  '状态 Status',
  '服务对象 Subject',
  '证件号码/信用代码 ID number / credit code',
  '经办机构 Office',
  '渠道 Channel',
  '受理时间 Opened',
  '更新时间 Updated',
] as const;

const STATUS_TEXT = { active: '办理中 Active', final: '已办结 Closed' } as const;
const CHANNEL_TEXT: Record<CaseChannel, string> = { window: '窗口 Window', coordination: '联动 Coordination', import: '导入 Import', online: '网上 Online', national: '全国平台 National', exchange: '部门交换 Exchange' };

function both(text: LocalizedText): string {
  return text['zh-CN'] === text.en ? text.en : `${text['zh-CN']} ${text.en}`;
}

/** China time as `YYYY-MM-DD HH:mm`, the way the service reads dates. */
function chinaMinute(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The ID number column of each person among `personIds`: in full for a user who works the cases
 * (a caseworker or reviewer: every case the search finds is in their subtree, so they handle its
 * person), masked for anyone else (an administrator).
 */
async function personIdentifiers(rt: RuntimeContext, personIds: string[], full: boolean): Promise<Map<string, { name: string; identifier: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await rt.db
    .select({ id: persons.id, name: persons.name, idNumber: persons.idNumber, masked: persons.idNumberMasked })
    .from(persons)
    .where(inArray(persons.id, personIds));
  return new Map(rows.map((p) => [p.id, { name: p.name, identifier: (full ? openValue(rt.cipher, p.idNumber) : p.masked) ?? '' }]));
}

/**
 * 导出 The cases a search finds as CSV or XLSX, in the search's order. Recorded in the access log
 * before the file is made: who, the filters, how many cases, whether ID numbers were in full,
 * and which persons' records were in it (their ids, never their data).
 */
export async function exportCases(rt: RuntimeContext, user: SessionUser, query: CaseSearchQuery, format: 'csv' | 'xlsx', origin: RequestOrigin) {
  const where = caseSearchWhere(rt, user, query);
  const [total] = await rt.db.select({ value: count() }).from(cases).where(where);
  const found = Number(total?.value ?? 0);
  // At most the ministry's CASE_EXPORT_MAX: readConfig refuses to start with a higher CASE_EXPORT_LIMIT.
  const limit = rt.config.caseExportLimit;
  if (found > limit) {
    throw new PlatformError('BAD_REQUEST', {
      message: { 'zh-CN': `结果共 ${found} 件，超过单次导出上限 ${limit} 件，请缩小查询范围`, en: `${found} cases found, more than the ${limit} one export holds: narrow the search` },
      details: { found, limit },
    });
  }
  const rows = await rt.db.select().from(cases).where(where).orderBy(...caseSearchOrder(query));
  const full = handlesCaseData(user);
  const personIds = [...new Set(rows.filter((r) => r.subjectType === 'person').map((r) => r.subjectId))];
  const employerIds = [...new Set(rows.filter((r) => r.subjectType === 'employer').map((r) => r.subjectId))];
  const unitIds = [...new Set(rows.map((r) => r.orgUnitId))];
  const [people, firms, units] = await Promise.all([
    personIdentifiers(rt, personIds, full),
    employerIds.length === 0 ? [] : rt.db.select({ id: employers.id, name: employers.name, identifier: employers.creditCode }).from(employers).where(inArray(employers.id, employerIds)),
    unitIds.length === 0 ? [] : rt.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, unitIds)),
  ]);
  const subjects = new Map([...people, ...firms.map((f) => [f.id, f] as const)]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  await recordAccess(rt.db, {
    actor: actorOfUser(user),
    action: 'cases.export',
    origin,
    at: rt.clock(),
    details: { ...query, format, count: rows.length, full, persons: personIds },
  });
  const table: Cell[][] = [[...CASE_EXPORT_HEADER]];
  for (const row of rows) {
    const { definition } = await publishedDefinition(rt.db, rt.registry, row.definitionId);
    const subject = subjects.get(row.subjectId);
    table.push([
      row.caseNo,
      both(definition.title),
      both(definition.states[row.state]?.title ?? { 'zh-CN': row.state, en: row.state }),
      STATUS_TEXT[row.status],
      subject?.name ?? '',
      subject?.identifier ?? '',
      unitNames.get(row.orgUnitId) ?? row.orgUnitId,
      CHANNEL_TEXT[channelOf(row)],
      chinaMinute(row.createdAt),
      chinaMinute(row.updatedAt),
    ]);
  }
  const base = `cases_${chinaMinute(rt.clock()).replace(/\D/g, '')}`;
  if (format === 'csv') return { body: toCsv(table, { forPeople: true }), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  return { body: await toXlsx('办件 Cases', table), contentType: XLSX_TYPE, fileName: `${base}.xlsx` };
}
