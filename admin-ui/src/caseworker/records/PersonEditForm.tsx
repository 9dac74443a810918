import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isSocialSecurityCardNo } from '../../../../forms/identifiers/index.ts';
import { errorText } from '../../api.ts';
import { CodePicker } from '../../forms/CodePicker.tsx';
import { DIVISION_TABLE } from '../../forms/code-tables.ts';
import { useLocale } from '../../i18n.ts';
import { useApi } from '../../shell/useApi.ts';
import { checkedBy, HUKOU_AREA, RESIDENCE_AREA } from '../start/form-rules.ts';
import { useFieldLabel, useRecordMessages } from './messages.ts';
import { ReasonField } from './ReasonField.tsx';
import type { PersonFields, PersonSkill } from './types.ts';
import { useRecordEdit } from './useRecordEdit.ts';

const MOBILE = /^1[3-9]\d{9}$/;
const SKILL_KINDS = ['vocational-qualification', 'skill-level', 'special-operation', 'professional-title', 'other'] as const;

type SkillRow = Omit<PersonSkill, 'issuedOn'> & { issuedOn?: Dayjs | null };
type Values = Omit<PersonFields, 'skills' | 'masked' | 'mergedInto'> & { skills: SkillRow[]; reason: string };

/** The skills as the API takes them: dates as YYYY-MM-DD, empty parts left out. */
function skillsOut(rows: SkillRow[]): PersonSkill[] {
  return rows.map(({ issuedOn, ...skill }) =>
    Object.fromEntries(Object.entries({ ...skill, issuedOn: issuedOn ? issuedOn.format('YYYY-MM-DD') : undefined }).filter(([, value]) => value !== undefined && value !== null && value !== '')) as unknown as PersonSkill,
  );
}

/**
 * Corrects a person's record for a stated reason: contact, 户口性质, 户籍地 and 常住地 (picked from
 * the division tree by name), social security card number, skills and certificates. Only what
 * differs is sent; the server keeps each change in the history. Personal values are edited only by
 * who sees them in full.
 */
export function PersonEditForm({ personId, person, onSaved }: { personId: string; person: PersonFields; onSaved: () => void }) {
  const t = useRecordMessages();
  const label = useFieldLabel();
  const locale = useLocale();
  const hukouTypes = useApi('/api/code-tables/{table}', { path: { table: 'hukou-type' } });
  const { save, error, sent } = useRecordEdit<PersonFields>(`/persons/${personId}`, onSaved);
  const shown = { ...person, skills: skillsOut(person.skills.map((skill) => ({ ...skill, issuedOn: skill.issuedOn ? dayjs(skill.issuedOn) : null }))) };
  const submit = ({ reason, skills, ...values }: Values) => {
    const editable: Record<string, unknown> = { ...values, skills: skillsOut(skills ?? []) };
    // A masked value is not the value: it is neither shown for editing nor sent back.
    if (person.masked) for (const field of ['phone', 'socialSecurityCardNo', 'emergencyContactPhone']) delete editable[field];
    void save(shown, editable, reason.trim());
  };
  const initial = { ...person, skills: person.skills.map((skill) => ({ ...skill, issuedOn: skill.issuedOn ? dayjs(skill.issuedOn) : null })) };
  return (
    <Form<Values> name="person-edit" layout="vertical" initialValues={initial} onFinish={submit}>
      <Form.Item name="name" label={label('name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
        <Input />
      </Form.Item>
      {!person.masked && (
        <Form.Item name="phone" label={label('phone')} rules={[{ pattern: MOBILE, message: t('mobileFormat') }]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="email" label={label('email')} rules={[{ type: 'email' }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="hukouType" label={label('hukouType')}>
        <Select allowClear options={(hukouTypes.data?.items ?? []).map((entry) => ({ value: entry.code, label: entry.name }))} />
      </Form.Item>
      <Form.Item name="hukouArea" label={label('hukouArea')}>
        <CodePicker table={DIVISION_TABLE} pattern={HUKOU_AREA} />
      </Form.Item>
      <Form.Item name="residenceArea" label={label('residenceArea')}>
        <CodePicker table={DIVISION_TABLE} pattern={RESIDENCE_AREA} />
      </Form.Item>
      <Form.Item name="address" label={label('address')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      {!person.masked && (
        <Form.Item name="socialSecurityCardNo" label={label('socialSecurityCardNo')} rules={[checkedBy((value) => (isSocialSecurityCardNo(value) ? null : t('cardFormat')))]}>
          <Input autoComplete="off" maxLength={12} />
        </Form.Item>
      )}
      <Space wrap>
        <Form.Item name="emergencyContactName" label={label('emergencyContactName')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        {!person.masked && (
          <Form.Item name="emergencyContactPhone" label={label('emergencyContactPhone')} rules={[{ pattern: MOBILE, message: t('mobileFormat') }]}>
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        )}
      </Space>
      <Form.List name="skills">
        {(rows, { add, remove }) => (
          <fieldset className="record-skills">
            <legend>{label('skills')}</legend>
            {rows.map((row) => (
              <Space key={row.key} wrap align="start">
                <Form.Item name={[row.name, 'kind']} label={t('skillKind')} rules={[{ required: true }]}>
                  <Select style={{ width: 160 }} options={SKILL_KINDS.map((kind) => ({ value: kind, label: t(`skill.${kind}`) }))} />
                </Form.Item>
                <Form.Item name={[row.name, 'name']} label={t('skillName')} rules={[{ required: true, whitespace: true, max: 100 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name={[row.name, 'occupation']} label={t('skillOccupation')}>
                  <Input placeholder="4-03-02-01" style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[row.name, 'level']} label={t('skillLevel')}>
                  <InputNumber min={1} max={5} />
                </Form.Item>
                <Form.Item name={[row.name, 'number']} label={t('skillNumber')}>
                  <Input />
                </Form.Item>
                <Form.Item name={[row.name, 'issuedOn']} label={t('skillIssuedOn')}>
                  <DatePicker />
                </Form.Item>
                <Button onClick={() => remove(row.name)}>{t('remove')}</Button>
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ kind: 'skill-level' })}>
              {t('addSkill')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <ReasonField />
      <Button type="primary" htmlType="submit">
        {t('save')}
      </Button>
      {sent === true && <Alert type="success" showIcon title={t('saved')} />}
      {sent === false && <Alert type="info" showIcon title={t('nothingChanged')} />}
      {error !== null && <Alert type="error" role="alert" showIcon title={errorText(error, locale)} />}
    </Form>
  );
}
