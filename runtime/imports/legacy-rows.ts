import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { chinaDayStart, type LocalizedText } from '../../engine/index.ts';
import { queryRows } from '../db/index.ts';
import { cases, nationwideStatuses, orgUnits } from '../db/schema/index.ts';
import type { DeclaredLegacyImport, PluginRegistry } from '../plugins/index.ts';
import { checkDate, textOf } from './cell-checks.ts';
import { checkColumns } from './legacy-columns.ts';
import { legacySubjects } from './legacy-subject.ts';
import type { CheckedRow, ImportKindSpec } from './import-kind.ts';
import { issue, type RowIssue } from './import-reasons.ts';
import { commitLegacyRow } from './legacy-commit.ts';

/** A finding added after the check: the row loses its key and values, so nothing of it is staged. */
function refuse(row: CheckedRow, found: RowIssue) {
  row.issues.push(found);
  delete row.key;
  delete row.values;
}

/** The date column's title: the form's, when the date is a field of it, else the registration date. */
function dateTitle(declared: DeclaredLegacyImport): LocalizedText {
  const schema = declared.fieldSchemas[declared.declaration.dateField] as { title?: string; 'x-i18n'?: { en?: string } } | undefined;
  return schema?.title ? { 'zh-CN': schema.title, en: schema['x-i18n']?.en ?? schema.title } : { 'zh-CN': '登记日期', en: 'Registered on' };
}

/**
 * Registrations (or postings) from a city's earlier system, as a package declares them (`plugin.json`
 * `legacyImports`, by meaning): each row names the subject (a person by ID number, found by its blind
 * index, or an employer by credit code: registered in the city by a window or an import committed
 * before), the date, the state (where the declaration allows ended ones: one it allows, an ended one
 * with its end date, not before the registration, and a declared reason), the declared case data
 * (checked by the form's schema, see `checkColumns`) and the office. A registration still in force is
 * refused when the person holds it in another city (a nationwide status) or, for a process with one
 * case in force per subject, has one here. Unique by subject, date and the declared key fields.
 */
export function legacyImportKind(registry: PluginRegistry, declared: DeclaredLegacyImport): ImportKindSpec {
  const { declaration, meaning, name } = declared;
  const current = meaning.state!;
  const subject = legacySubjects[declared.subjectType];
  const withEnds = Object.values(declaration.states).some((state) => state.ended);
  const dateId = declaration.columns ? declaration.dateField : 'registeredOn';
  const keyFields = declaration.keyFields ?? [];
  const nationwide = Object.entries(declaration.states[current]?.statuses ?? {}).filter(([key]) => registry.statuses.get(key)?.nationwide).map(([key]) => key);
  return {
    kind: name,
    title: declaration.title,
    fields: [
      subject.field,
      { id: dateId, title: dateTitle(declared), required: true },
      ...(declaration.columns ?? []).map((column) => ({ id: column.field, title: column.title, required: column.required })),
      ...(withEnds
        ? [
            { id: 'state', title: { 'zh-CN': '登记状态', en: 'State' }, required: true },
            { id: 'endedOn', title: { 'zh-CN': '注销（终止）日期', en: 'Ended on' }, required: false },
            { id: 'endReason', title: { 'zh-CN': '注销（终止）原因', en: 'Reason it ended' }, required: false },
          ]
        : []),
      { id: 'office', title: { 'zh-CN': '经办机构', en: 'Office' }, required: true },
    ],
    keyField: subject.field.id,
    check(cells, context): CheckedRow {
      const { today } = context;
      const issues: RowIssue[] = [];
      const subjectKey = subject.check(cells, context, issues);
      const dateText = textOf(dateId, cells.get(dateId), issues, { required: true, maxLength: 20 });
      const registeredOn = dateText ? checkDate(dateId, dateText, today, issues, { future: false }) : undefined;
      const state = withEnds ? textOf('state', cells.get('state'), issues, { required: true, maxLength: 40 }) : current;
      const declaredState = state && Object.hasOwn(declaration.states, state) ? declaration.states[state] : undefined;
      if (state && !declaredState) issues.push(issue('state', 'state-not-allowed'));
      const ended = declaredState?.ended;
      const endText = withEnds ? textOf('endedOn', cells.get('endedOn'), issues, { required: ended !== undefined, maxLength: 20 }) : undefined;
      const endedOn = endText && ended ? checkDate('endedOn', endText, today, issues, { future: false }) : undefined;
      if (endedOn && registeredOn && endedOn < registeredOn) issues.push(issue('endedOn', 'date-order'));
      const reason = withEnds ? textOf('endReason', cells.get('endReason'), issues, { required: ended !== undefined, maxLength: 60 }) : undefined;
      if (reason && ended && !ended.reasons.includes(reason)) issues.push(issue('endReason', 'reason-unknown'));
      const data = declaration.columns ? checkColumns(declared, cells, registeredOn, today, issues) : {};
      const office = textOf('office', cells.get('office'), issues, { required: true, maxLength: 40 });
      if (!subjectKey || !registeredOn || !declaredState || issues.some((found) => found.severity === 'error')) return { issues };
      if (declaration.subject?.field) data[declaration.subject.field] = subjectKey;
      const key = [subjectKey, registeredOn, ...keyFields.map((field) => String(data[field] ?? ''))].join(':');
      return { issues, key, values: { subjectKey, registeredOn, state, endedOn: endedOn ?? null, endReason: ended ? reason : null, office, data } };
    },
    async lookUp(db, cityCode, rows) {
      const keys = [...new Set(rows.map((row) => row.values!['subjectKey'] as string))];
      const offices = [...new Set(rows.map((row) => row.values!['office'] as string))];
      const subjectOf = await subject.find(db, cityCode, keys);
      const units = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(and(eq(orgUnits.cityCode, cityCode), inArray(orgUnits.id, offices)));
      const unitOf = new Map(units.map((unit) => [unit.id, unit.path]));
      const elsewhere = nationwide.length === 0 ? [] : await db.select({ index: nationwideStatuses.idNumberIndex }).from(nationwideStatuses).where(and(inArray(nationwideStatuses.idNumberIndex, keys), inArray(nationwideStatuses.statusKey, nationwide), ne(nationwideStatuses.cityCode, cityCode)));
      const heldElsewhere = new Set(elsewhere.map((held) => held.index));
      const ids = [...subjectOf.values()];
      const open = !declared.exclusive || ids.length === 0 ? [] : await db.select({ subject: cases.subjectId }).from(cases).where(and(eq(cases.cityCode, cityCode), eq(cases.processId, meaning.process), eq(cases.status, 'active'), inArray(cases.subjectId, ids)));
      const inForce = new Set(open.map((row) => row.subject));
      for (const row of rows) {
        const values = row.values!;
        const id = subjectOf.get(values['subjectKey'] as string);
        const path = unitOf.get(values['office'] as string);
        if (!id) refuse(row, issue(subject.field.id, declared.subjectType === 'employer' ? 'employer-unknown' : 'person-unknown'));
        else if (!path) refuse(row, issue('office', 'office-unknown'));
        else if (values['state'] === current && heldElsewhere.has(values['subjectKey'] as string)) refuse(row, issue('state', 'registered-elsewhere'));
        else if (values['state'] === current && inForce.has(id)) refuse(row, issue(withEnds ? 'state' : subject.field.id, 'already-active'));
        else {
          if (values['state'] === current && declared.exclusive) inForce.add(id);
          Object.assign(values, { subjectId: id, officePath: path });
        }
      }
    },
    async existing(db, cityCode, keys) {
      const subjects = [...new Set(keys.map((key) => key.split(':')[0]!))];
      const parts = [subject.keySql, sql`(c.data ->> ${declaration.dateField})`, ...keyFields.map((field) => sql`coalesce(c.data ->> ${field}, '')`)];
      const rows = await queryRows<{ key: string }>(
        db,
        sql`SELECT ${sql.join(parts, sql` || ':' || `)} AS key FROM ${cases} c JOIN ${subject.table} s ON s.city_code = c.city_code AND s.id = c.subject_id
            WHERE c.city_code = ${cityCode} AND c.process_id = ${meaning.process} AND ${subject.keySql} IN (${sql.join(subjects.map((key) => sql`${key}`), sql`, `)})`,
      );
      return new Set(rows.map((row) => row.key));
    },
    commitRow: (tx, rt, job, values) => commitLegacyRow(tx, rt, declared, job, values),
  };
}

/** The day a history entry was reached, as the instant the day began in China. */
export function dayStart(date: string): string {
  return chinaDayStart(date).toISOString();
}
