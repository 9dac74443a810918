import { Alert, App, Button, Card, Form, InputNumber, List, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { download, errorText, type SessionUser } from '../api.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { currentQuery, navigate } from '../router.ts';
import { useApiAt } from '../shell/useApi.ts';
import { useMessages } from './messages.ts';
import { TargetTable } from './TargetTable.tsx';
import { assessmentQuery, periodChoices, type Assessment, type AssessmentFilters } from './types.ts';

/** The filters in the hash route (`#/informatisation?unit=350200&period=2026`), else the user's unit and this year. */
function filtersFromHash(user: SessionUser): AssessmentFilters {
  const query = currentQuery();
  const days = Number(query.get('reviewDays'));
  return {
    unit: query.get('unit') ?? user.orgUnit.id,
    period: query.get('period') ?? String(new Date().getFullYear()),
    reviewDays: Number.isInteger(days) && days > 0 ? days : null,
  };
}

/** Follows the hash route's query: a drill-down or the back button changes the filters. */
function useHashFilters(user: SessionUser): AssessmentFilters {
  const [filters, setFilters] = useState(() => filtersFromHash(user));
  useEffect(() => {
    const follow = () => setFilters(filtersFromHash(user));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [user]);
  return filters;
}

/**
 * 信息化考核评估 (`#/informatisation`): the ten targets of the guideline's annex for a unit and a
 * period, each with its stage, value and the region's threshold; drill down to the units below
 * (districts, streets), go back up, and export the table as CSV or Excel.
 */
export default function InformatisationPage({ user }: { user: SessionUser }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const { message } = App.useApp();
  const filters = useHashFilters(user);
  const go = (change: Partial<AssessmentFilters>) => navigate(`/informatisation?${assessmentQuery({ ...filters, ...change })}`);
  const answer = useApiAt<Assessment>(`/informatisation?${assessmentQuery(filters)}`);
  const data = answer.data;

  const save = (format: 'csv' | 'xlsx') => {
    const fileName = `informatisation_${filters.unit}_${filters.period}.${format}`;
    download(`/informatisation/export?${assessmentQuery(filters)}&format=${format}`, fileName).catch((error: unknown) =>
      message.error(t('exportFailed', { reason: errorText(error, locale) })),
    );
  };

  return (
    <section aria-labelledby="informatisation-title" className="informatisation-page">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="informatisation-title">{t('title')}</Typography.Title>
        {data && <Typography.Text type="secondary" data-testid="assessed-unit">{data.unit.name}</Typography.Text>}
      </Space>
      <Card size="small" title={t('filters')}>
        <Form layout="inline" className="evaluator-filter-form">
          <Form.Item label={t('period')} htmlFor="informatisation-period">
            <Select
              id="informatisation-period"
              className="funds-select"
              value={filters.period}
              onChange={(period: string) => go({ period })}
              options={periodChoices(new Date().getFullYear()).map((p) => ({ value: p, label: p }))}
            />
          </Form.Item>
          <Form.Item label={t('reviewDays')} htmlFor="informatisation-days">
            <InputNumber id="informatisation-days" min={1} max={30} placeholder="5" value={filters.reviewDays} onChange={(value) => go({ reviewDays: value ?? null })} />
          </Form.Item>
          <Form.Item>
            <Space>
              {data?.unit.parentId && data.unit.id !== user.orgUnit.id && <Button onClick={() => go({ unit: data.unit.parentId! })}>{t('up')}</Button>}
              <Button onClick={() => save('csv')}>{t('exportCsv')}</Button>
              <Button onClick={() => save('xlsx')}>{t('exportXlsx')}</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {data && (
        <Alert
          className="evaluator-note"
          type="info"
          showIcon
          title={t('region', { province: data.province.name, region: data.regionName[locale], threshold: data.targets[0]?.threshold ?? '' })}
          description={t('note')}
        />
      )}
      {answer.error !== null && (
        <Alert type="error" showIcon title={errorText(answer.error, locale)} action={<Button size="small" onClick={answer.reload}>{common('retry')}</Button>} />
      )}
      <TargetTable rows={data?.targets ?? []} loading={answer.loading} />
      <Card size="small" title={t('children')}>
        <List
          size="small"
          grid={{ gutter: 8, column: 4 }}
          dataSource={data?.children ?? []}
          locale={{ emptyText: t('noChildren') }}
          renderItem={(child) => (
            <List.Item>
              <Button type="link" onClick={() => go({ unit: child.id })}>{child.name}</Button>
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
