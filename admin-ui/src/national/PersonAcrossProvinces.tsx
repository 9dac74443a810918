import { Alert, Button, Card, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Answer } from '../../../client/index.ts';
import { call, client, errorText } from '../api.ts';
import { citizenIdProblem } from '../components/citizen-id.ts';
import { chinaTime } from '../components/format.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { checkedBy, requiredRule } from '../caseworker/start/form-rules.ts';
import { codeLabel, useDivisionNames } from '../forms/code-tables.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { useNationalMessages, type NationalText } from './messages.ts';

type PersonStatus = Answer<'/api/national/person-status', 'post'>;
type ProvinceRecord = PersonStatus['records'][number];
type Claim = PersonStatus['claims'][number];
/** A row of the per-province table: a record the province holds, or the province holding none. */
type Row = { key: string; province: string; provinceName: string; record: ProvinceRecord | null };

/** The statuses named in words, with the value that shows each (as a person's page names them). */
const SHOWN_STATUSES = [
  { key: 'unemploymentStatus', value: 'registered', text: 'unemployed', color: 'orange' },
  { key: 'employmentStatus', value: 'employed', text: 'employed', color: 'green' },
  { key: 'difficultyStatus', value: 'recognized', text: 'difficulty', color: 'purple' },
] as const;

/** Every province read, each with the records it holds of the person, or one row saying it holds none. */
function rowsOf(answer: PersonStatus): Row[] {
  return answer.provinces.flatMap(({ code, name }): Row[] => {
    const held = answer.records.filter((record) => record.province === code);
    if (held.length === 0) return [{ key: code, province: code, provinceName: name, record: null }];
    return held.map((record) => ({ key: `${code}|${record.cityCode}`, province: code, provinceName: name, record }));
  });
}

/** A record's statuses in words; one the screen does not name as `key = value`. */
function Statuses({ statuses, t }: { statuses: Record<string, string>; t: NationalText }) {
  const named = SHOWN_STATUSES.filter((s) => statuses[s.key] === s.value);
  const others = Object.entries(statuses).filter(([key, value]) => value !== 'none' && !SHOWN_STATUSES.some((s) => s.key === key && s.value === value));
  if (named.length + others.length === 0) return <>{t('noStatus')}</>;
  return (
    <>
      {named.map((s) => <Tag key={s.key} color={s.color}>{t(s.text)}</Tag>)}
      {others.map(([key, value]) => <Tag key={key}>{`${key} = ${value}`}</Tag>)}
    </>
  );
}

/**
 * 人员就业失业状态: a person's statuses in every province by ID number (checked as GB 11643 before it
 * is sent; sent in the body, never in a URL), and the national claims held; the screen says the read
 * is recorded before it is made.
 */
export function PersonAcrossProvinces() {
  const t = useNationalMessages();
  const common = useCommon();
  const locale = useLocale();
  const [answer, setAnswer] = useState<PersonStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rows = answer ? rowsOf(answer) : [];
  const names = useDivisionNames([...rows.map((row) => row.province), ...rows.flatMap((row) => (row.record ? [row.record.cityCode] : []))]);
  // A claim's holder is the exchange member of a province (`350000-001`): named after the province it belongs to.
  const holderName = (holder: string) => {
    const province = answer?.provinces.find((p) => holder.startsWith(`${p.code}-`));
    return province && (names(province.code) ?? province.name);
  };

  const lookUp = async ({ idNumber }: { idNumber: string }) => {
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await call(client.POST('/api/national/person-status', { body: { idNumber } })));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={<h3 id="national-person-title" className="evaluator-card-title">{t('person')}</h3>}>
      <Alert type="info" showIcon className="form-alert" title={t('recorded')} />
      <Form<{ idNumber: string }> name="national-person" layout="inline" onFinish={lookUp} requiredMark={false} className="evaluator-filter-form">
        <Form.Item
          name="idNumber"
          label={t('idNumber')}
          normalize={(value: string) => value.replace(/\s/g, '').toUpperCase()}
          rules={[requiredRule(t('required', { field: t('idNumber') })), checkedBy((value) => citizenIdProblem(value, t))]}
        >
          <Input maxLength={18} autoComplete="off" className="start-identifier" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{t('lookUp')}</Button>
        </Form.Item>
      </Form>
      {error !== null && <Alert className="form-alert" type="error" role="alert" showIcon title={errorText(error, locale)} />}
      {answer && (
        <>
          <h4 id="national-person-provinces" className="national-subtitle">{t('perProvince')}</h4>
          <ScrollRegion title={t('perProvince')}>
            <Table<Row>
              rowKey="key"
              size="small"
              aria-labelledby="national-person-provinces"
              className="national-person"
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: common('empty') }}
              columns={[
                { title: t('province'), key: 'province', render: (_, row) => codeLabel(row.province, names(row.province) ?? row.provinceName) },
                { title: t('city'), key: 'city', render: (_, row) => (row.record ? codeLabel(row.record.cityCode, names(row.record.cityCode)) : '—') },
                { title: t('statuses'), key: 'statuses', render: (_, row) => (row.record ? <Statuses statuses={row.record.statuses} t={t} /> : t('noRecord')) },
                { title: t('updatedAt'), key: 'updatedAt', render: (_, row) => (row.record ? chinaTime(row.record.updatedAt) : '—') },
              ]}
            />
          </ScrollRegion>
          <h4 id="national-person-claims" className="national-subtitle">{t('claims')}</h4>
          <Table<Claim>
            rowKey={(claim) => `${claim.statusKey}|${claim.holder}`}
            size="small"
            aria-labelledby="national-person-claims"
            className="national-claims"
            dataSource={answer.claims}
            pagination={false}
            locale={{ emptyText: t('noClaims') }}
            columns={[
              { title: t('claimStatus'), key: 'status', render: (_, claim) => (claim.statusKey === 'unemploymentStatus' ? t('unemploymentStatus') : claim.statusKey) },
              { title: t('holder'), key: 'holder', render: (_, claim) => codeLabel(claim.holder, holderName(claim.holder)) },
              { title: t('claimedAt'), key: 'claimedAt', render: (_, claim) => chinaTime(claim.claimedAt) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
