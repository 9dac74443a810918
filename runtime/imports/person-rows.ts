import { and, eq, inArray } from 'drizzle-orm';
import { persons } from '../db/schema/index.ts';
import { nameInitials } from '../persons/index.ts';
import { sealIdNumber, sealPhone } from '../privacy/index.ts';
import { checkArea, checkIdNumber, checkPhone, textOf } from './cell-checks.ts';
import type { CheckedRow, ImportKindSpec } from './import-kind.ts';
import type { RowIssue } from './import-reasons.ts';

/**
 * Persons (实名登记) from a city's files: written as a window registers them (ID number checked,
 * gender and birth date derived from it, ID number and phone sealed with the blind index and masked
 * forms, name initials for search), unique by the blind index in the city.
 */
export const personImport: ImportKindSpec = {
  kind: 'persons',
  title: { 'zh-CN': '人员', en: 'Persons' },
  fields: [
    { id: 'idNumber', title: { 'zh-CN': '公民身份号码', en: 'ID number' }, required: true, mask: 'id' },
    { id: 'name', title: { 'zh-CN': '姓名', en: 'Name' }, required: true, mask: 'name' },
    { id: 'phone', title: { 'zh-CN': '手机号码', en: 'Mobile phone' }, required: false, mask: 'phone' },
    { id: 'hukouArea', title: { 'zh-CN': '户籍地区划代码', en: 'Household registration area' }, required: false },
    { id: 'residenceArea', title: { 'zh-CN': '居住地区划代码', en: 'Residence area' }, required: false },
    { id: 'address', title: { 'zh-CN': '联系地址', en: 'Address' }, required: false, mask: 'text' },
  ],
  keyField: 'idNumber',
  check(cells, { cipher, today }): CheckedRow {
    const issues: RowIssue[] = [];
    const idText = textOf('idNumber', cells.get('idNumber'), issues, { required: true, maxLength: 32 });
    const id = idText ? checkIdNumber('idNumber', cells.get('idNumber'), idText, today, issues) : undefined;
    const name = textOf('name', cells.get('name'), issues, { required: true, maxLength: 50 });
    const phoneText = textOf('phone', cells.get('phone'), issues, { required: false, maxLength: 20 });
    const phone = phoneText ? checkPhone('phone', phoneText, issues) : undefined;
    const hukouText = textOf('hukouArea', cells.get('hukouArea'), issues, { required: false, maxLength: 12 });
    const hukouArea = hukouText ? checkArea('hukouArea', hukouText, issues, [6]) : undefined;
    const residenceText = textOf('residenceArea', cells.get('residenceArea'), issues, { required: false, maxLength: 12 });
    const residenceArea = residenceText ? checkArea('residenceArea', residenceText, issues) : undefined;
    const address = textOf('address', cells.get('address'), issues, { required: false, maxLength: 200 });
    if (!id || issues.some((found) => found.severity === 'error')) return { issues };
    const sealed = sealIdNumber(cipher, id.normal);
    return {
      issues,
      key: sealed.idNumberIndex,
      values: {
        ...sealed,
        name,
        nameInitials: nameInitials(name!),
        gender: id.gender,
        birthDate: id.birthDate,
        ...sealPhone(cipher, phone),
        hukouArea: hukouArea ?? null,
        residenceArea: residenceArea ?? null,
        address: address ?? null,
      },
    };
  },
  async existing(db, cityCode, keys) {
    const rows = await db.select({ key: persons.idNumberIndex }).from(persons).where(and(eq(persons.cityCode, cityCode), inArray(persons.idNumberIndex, [...keys])));
    return new Set(rows.map((row) => row.key!));
  },
  target: {
    table: 'persons',
    conflict: ['city_code', 'id_number_index'],
    columns: [
      { column: 'id_number', key: 'idNumber', type: 'text' },
      { column: 'id_number_index', key: 'idNumberIndex', type: 'text' },
      { column: 'id_number_masked', key: 'idNumberMasked', type: 'text' },
      { column: 'name', key: 'name', type: 'text' },
      { column: 'name_initials', key: 'nameInitials', type: 'text' },
      { column: 'gender', key: 'gender', type: 'text' },
      { column: 'birth_date', key: 'birthDate', type: 'date' },
      { column: 'phone', key: 'phone', type: 'text' },
      { column: 'phone_masked', key: 'phoneMasked', type: 'text' },
      { column: 'hukou_area', key: 'hukouArea', type: 'text' },
      { column: 'residence_area', key: 'residenceArea', type: 'text' },
      { column: 'address', key: 'address', type: 'text' },
    ],
    stamped: ['created_at', 'updated_at'],
  },
};
