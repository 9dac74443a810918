import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { chinaDayStart } from '../../engine/index.ts';
import { queryRows } from '../db/index.ts';
import { cases, nationwideStatuses, orgUnits, persons } from '../db/schema/index.ts';
import type { DeclaredLegacyImport, PluginRegistry } from '../plugins/index.ts';
import { sealIdNumber } from '../privacy/index.ts';
import { checkDate, checkIdNumber, textOf } from './cell-checks.ts';
import type { CheckedRow, ImportKindSpec } from './import-kind.ts';
import { issue, type RowIssue } from './import-reasons.ts';
import { commitLegacyRow } from './legacy-commit.ts';

/** A finding added after the check: the row loses its key and values, so nothing of it is staged. */
function refuse(row: CheckedRow, found: RowIssue) {
  row.issues.push(found);
  delete row.key;
  delete row.values;
}

/**
 * Registrations from a city's earlier system (legacy unemployment or employment registrations), as
 * a package declares them (`plugin.json` `legacyImports`, by meaning): each row names the person (by
 * ID number, found by its blind index: the person must be registered in the city, by a window or a
 * persons import committed before), the registration date, the state (one the declaration allows;
 * an ended one with its end date, not before the registration, and a declared reason) and the
 * office. A registration still in force is refused when the person holds it in another city
 * (a nationwide status) or has one in force here. Unique by person and registration date.
 */
export function legacyImportKind(registry: PluginRegistry, declared: DeclaredLegacyImport): ImportKindSpec {
  const { declaration, meaning, name } = declared;
  const current = meaning.state!;
  const nationwide = Object.entries(declaration.states[current]?.statuses ?? {}).filter(([key]) => registry.statuses.get(key)?.nationwide).map(([key]) => key);
  return {
    kind: name,
    title: declaration.title,
    fields: [
      { id: 'idNumber', title: { 'zh-CN': '公民身份号码', en: 'ID number' }, required: true, mask: 'id' },
      { id: 'registeredOn', title: { 'zh-CN': '登记日期', en: 'Registered on' }, required: true },
      { id: 'state', title: { 'zh-CN': '登记状态', en: 'State' }, required: true },
      { id: 'endedOn', title: { 'zh-CN': '注销（终止）日期', en: 'Ended on' }, required: false },
      { id: 'endReason', title: { 'zh-CN': '注销（终止）原因', en: 'Reason it ended' }, required: false },
      { id: 'office', title: { 'zh-CN': '经办机构', en: 'Office' }, required: true },
    ],
    keyField: 'idNumber',
    check(cells, { cipher, today }): CheckedRow {
      const issues: RowIssue[] = [];
      const idText = textOf('idNumber', cells.get('idNumber'), issues, { required: true, maxLength: 32 });
      const id = idText ? checkIdNumber('idNumber', cells.get('idNumber'), idText, today, issues) : undefined;
      const dateText = textOf('registeredOn', cells.get('registeredOn'), issues, { required: true, maxLength: 20 });
      const registeredOn = dateText ? checkDate('registeredOn', dateText, today, issues, { future: false }) : undefined;
      const state = textOf('state', cells.get('state'), issues, { required: true, maxLength: 40 });
      const declaredState = state && Object.hasOwn(declaration.states, state) ? declaration.states[state] : undefined;
      if (state && !declaredState) issues.push(issue('state', 'state-not-allowed'));
      const ended = declaredState?.ended;
      const endText = textOf('endedOn', cells.get('endedOn'), issues, { required: ended !== undefined, maxLength: 20 });
      const endedOn = endText && ended ? checkDate('endedOn', endText, today, issues, { future: false }) : undefined;
      if (endedOn && registeredOn && endedOn < registeredOn) issues.push(issue('endedOn', 'date-order'));
      const reason = textOf('endReason', cells.get('endReason'), issues, { required: ended !== undefined, maxLength: 60 });
      if (reason && ended && !ended.reasons.includes(reason)) issues.push(issue('endReason', 'reason-unknown'));
      const office = textOf('office', cells.get('office'), issues, { required: true, maxLength: 40 });
      if (!id || !registeredOn || !declaredState || issues.some((found) => found.severity === 'error')) return { issues };
      const personIndex = sealIdNumber(cipher, id.normal).idNumberIndex;
      return { issues, key: `${personIndex}:${registeredOn}`, values: { personIndex, registeredOn, state, endedOn: endedOn ?? null, endReason: ended ? reason : null, office } };
    },
    async lookUp(db, cityCode, rows) {
      const indexes = [...new Set(rows.map((row) => row.values!['personIndex'] as string))];
      const offices = [...new Set(rows.map((row) => row.values!['office'] as string))];
      const found = await db.select({ id: persons.id, index: persons.idNumberIndex }).from(persons).where(and(eq(persons.cityCode, cityCode), inArray(persons.idNumberIndex, indexes)));
      const personOf = new Map(found.map((person) => [person.index!, person.id]));
      const units = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(and(eq(orgUnits.cityCode, cityCode), inArray(orgUnits.id, offices)));
      const unitOf = new Map(units.map((unit) => [unit.id, unit.path]));
      const elsewhere = nationwide.length === 0 ? [] : await db.select({ index: nationwideStatuses.idNumberIndex }).from(nationwideStatuses).where(and(inArray(nationwideStatuses.idNumberIndex, indexes), inArray(nationwideStatuses.statusKey, nationwide), ne(nationwideStatuses.cityCode, cityCode)));
      const heldElsewhere = new Set(elsewhere.map((held) => held.index));
      const ids = [...personOf.values()];
      const open = ids.length === 0 ? [] : await db.select({ subject: cases.subjectId }).from(cases).where(and(eq(cases.cityCode, cityCode), eq(cases.processId, meaning.process), eq(cases.status, 'active'), inArray(cases.subjectId, ids)));
      const inForce = new Set(open.map((row) => row.subject));
      for (const row of rows) {
        const values = row.values!;
        const person = personOf.get(values['personIndex'] as string);
        const path = unitOf.get(values['office'] as string);
        if (!person) refuse(row, issue('idNumber', 'person-unknown'));
        else if (!path) refuse(row, issue('office', 'office-unknown'));
        else if (values['state'] === current && heldElsewhere.has(values['personIndex'] as string)) refuse(row, issue('state', 'registered-elsewhere'));
        else if (values['state'] === current && inForce.has(person)) refuse(row, issue('state', 'already-active'));
        else {
          if (values['state'] === current) inForce.add(person);
          Object.assign(values, { personId: person, officePath: path });
        }
      }
    },
    async existing(db, cityCode, keys) {
      const indexes = [...new Set(keys.map((key) => key.split(':')[0]!))];
      const rows = await queryRows<{ key: string }>(
        db,
        sql`SELECT p.id_number_index || ':' || (c.data ->> ${declaration.dateField}) AS key FROM ${cases} c JOIN ${persons} p ON p.city_code = c.city_code AND p.id = c.subject_id
            WHERE c.city_code = ${cityCode} AND c.process_id = ${meaning.process} AND p.id_number_index IN (${sql.join(indexes.map((index) => sql`${index}`), sql`, `)})`,
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
