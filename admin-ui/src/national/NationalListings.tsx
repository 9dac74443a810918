import { Alert, Button, Card, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Answer } from '../../../client/index.ts';
import { errorText } from '../api.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { codeLabel, useDivisionNames } from '../forms/code-tables.ts';
import { useCommon, useLocale } from '../i18n.ts';
import type { Loaded } from '../shell/useApi.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { useNationalMessages } from './messages.ts';

type Vacancy = Answer<'/api/national/vacancies', 'get'>[number];
type Employer = Answer<'/api/national/employers', 'get'>[number];

/** A search box that hands its trimmed text over when sent (empty: none). */
function SearchForm({ name, label, placeholder, pattern, patternMessage, onSearch }: { name: string; label: string; placeholder: string; pattern?: RegExp; patternMessage?: string; onSearch: (text: string) => void }) {
  const t = useNationalMessages();
  return (
    <Form<{ text?: string }> name={name} layout="inline" className="evaluator-filter-form" onFinish={({ text }) => onSearch(text?.trim() ?? '')}>
      <Form.Item name="text" label={label} rules={pattern ? [{ pattern, message: patternMessage }] : []}>
        <Input placeholder={placeholder} autoComplete="off" allowClear maxLength={50} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit">{t('search')}</Button>
      </Form.Item>
    </Form>
  );
}

/** A failed load's alert with its retry. */
function LoadError({ loaded }: { loaded: Loaded<unknown> }) {
  const common = useCommon();
  const locale = useLocale();
  return loaded.error === null ? null : <Alert type="error" showIcon title={errorText(loaded.error, locale)} action={<Button size="small" onClick={loaded.reload}>{common('retry')}</Button>} />;
}

/** 各省公开岗位: the provinces' public vacancies, newest first, by occupation code prefix or all (at most 200). */
export function NationalVacancies() {
  const t = useNationalMessages();
  const common = useCommon();
  const [occupation, setOccupation] = useState('');
  const loaded = useApi('/api/national/vacancies', occupation ? { query: { occupation } } : {});
  const rows = loaded.data ?? [];
  const names = useDivisionNames(rows.flatMap((row) => [row.province, row.cityCode]));
  return (
    <Card size="small" title={<h3 id="national-vacancies-title" className="evaluator-card-title">{t('vacancies')}</h3>}>
      <SearchForm name="national-vacancies" label={t('occupation')} placeholder={t('occupationHint')} pattern={/^[\d-]{1,12}$/} patternMessage={t('occupationFormat')} onSearch={setOccupation} />
      <LoadError loaded={loaded} />
      <ScrollRegion title={t('vacancies')}>
        <Table<Vacancy>
          rowKey={(row) => `${row.province}|${row.caseNo}`}
          size="small"
          aria-labelledby="national-vacancies-title"
          className="national-vacancies"
          loading={loaded.loading}
          dataSource={rows}
          pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => common('total', { n }) }}
          locale={tableLocale(loaded.loading, common('empty'))}
          columns={[
            { title: t('province'), key: 'province', render: (_, row) => names(row.province) ?? row.province },
            { title: t('city'), key: 'city', render: (_, row) => codeLabel(row.cityCode, names(row.cityCode)) },
            { title: t('postTitle'), dataIndex: 'title' },
            { title: t('employer'), dataIndex: 'employerName' },
            { title: t('occupationName'), dataIndex: 'occupationName' },
            { title: t('workArea'), dataIndex: 'workAreaName' },
            { title: t('headcount'), dataIndex: 'headcount', align: 'right' },
            { title: t('validUntil'), key: 'validUntil', render: (_, row) => row.validUntil.slice(0, 10) },
          ]}
        />
      </ScrollRegion>
      <Typography.Paragraph type="secondary" className="evaluator-card-note">{t('atMost')}</Typography.Paragraph>
    </Card>
  );
}

/** 各省用人单位: the provinces' employers by a part of the name (at most 200); nothing is asked before a search. */
export function NationalEmployers() {
  const t = useNationalMessages();
  const common = useCommon();
  const [name, setName] = useState('');
  const loaded = useApi(name ? '/api/national/employers' : null, { query: { name } });
  const rows = loaded.data ?? [];
  const names = useDivisionNames(rows.flatMap((row) => [row.province, row.cityCode]));
  return (
    <Card size="small" title={<h3 id="national-employers-title" className="evaluator-card-title">{t('employers')}</h3>}>
      <SearchForm name="national-employers" label={t('employerName')} placeholder={t('employerSearch')} onSearch={setName} />
      <LoadError loaded={loaded} />
      <ScrollRegion title={t('employers')}>
        <Table<Employer>
          rowKey={(row) => `${row.province}|${row.creditCode}`}
          size="small"
          aria-labelledby="national-employers-title"
          className="national-employers"
          loading={loaded.loading}
          dataSource={rows}
          pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => common('total', { n }) }}
          locale={tableLocale(loaded.loading, name ? common('empty') : t('searchFirst'))}
          columns={[
            { title: t('province'), key: 'province', render: (_, row) => names(row.province) ?? row.province },
            { title: t('city'), key: 'city', render: (_, row) => codeLabel(row.cityCode, names(row.cityCode)) },
            { title: t('employerName'), dataIndex: 'name' },
            { title: t('creditCode'), dataIndex: 'creditCode' },
            { title: t('industry'), key: 'industry', render: (_, row) => row.industry ?? '—' },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
