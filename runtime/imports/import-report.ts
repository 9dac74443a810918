import { and, asc, count, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/index.ts';
import { importIssues } from '../db/schema/index.ts';
import { toXlsx, type Cell } from '../exports/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { importKind } from './import-kinds.ts';
import { jobInCity } from './import-jobs.ts';

/** The findings of an import's dry run, row by row (values masked where personal), a page at a time, errors or warnings alone if asked. */
export async function importIssuesPage(rt: RuntimeContext, user: SessionUser, id: string, query: { page: number; pageSize: number; severity?: 'error' | 'warning' | undefined }) {
  const job = await jobInCity(rt.db, user, id);
  const titles = new Map(importKind(job.kind, rt.registry).fields.map((field) => [field.id, field.title]));
  const where = and(eq(importIssues.cityCode, job.cityCode), eq(importIssues.jobId, id), query.severity ? eq(importIssues.severity, query.severity) : undefined);
  const [rows, [total]] = await Promise.all([
    rt.db.select().from(importIssues).where(where).orderBy(asc(importIssues.rowNo), asc(importIssues.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    rt.db.select({ value: count() }).from(importIssues).where(where),
  ]);
  return {
    items: rows.map((row) => ({ rowNo: row.rowNo, field: row.field, fieldTitle: titles.get(row.field) ?? { 'zh-CN': row.field, en: row.field }, severity: row.severity, code: row.code, value: row.value, reason: row.reason })),
    total: Number(total?.value ?? 0),
  };
}

/**
 * The dry-run report as an XLSX workbook: the counts, then one line per finding with the row
 * number, the field, the value (masked where personal), error or warning, and the reason in zh-CN
 * and English. Every text cell goes through the exports' formula neutralisation.
 */
export async function importReportXlsx(rt: RuntimeContext, user: SessionUser, id: string) {
  const job = await jobInCity(rt.db, user, id);
  const titles = new Map(importKind(job.kind, rt.registry).fields.map((field) => [field.id, field.title]));
  const rows = await rt.db.select().from(importIssues).where(and(eq(importIssues.cityCode, job.cityCode), eq(importIssues.jobId, id))).orderBy(asc(importIssues.rowNo), asc(importIssues.id));
  const table: Cell[][] = [
    ['行号 Row', '字段 Field', '值（已遮蔽） Value (masked)', '级别 Severity', '原因 Reason'],
    ...rows.map((row): Cell[] => {
      const title = titles.get(row.field);
      return [
        row.rowNo,
        title ? `${title['zh-CN']} ${title.en}` : row.field,
        row.value,
        row.severity === 'error' ? '错误 error' : '警告 warning',
        `${row.reason['zh-CN']} / ${row.reason.en}`,
      ];
    }),
    [],
    ['文件 File', job.fileName],
    ['总行数 Rows', job.totalRows],
    ['可导入 Accepted', job.acceptedRows],
    ['有警告 With warnings', job.warningRows],
    ['有错误 With errors', job.errorRows],
  ];
  const body = await toXlsx('导入报告 Report', table);
  return { body, fileName: `import-report-${job.id.slice(0, 8)}.xlsx` };
}
