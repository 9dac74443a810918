import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { errorText, type SessionUser } from '../api.ts';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { useCommon, useLocale } from '../i18n.ts';
import { navigate } from '../router.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { useMessages } from './messages.ts';
import { ReviewPeriodPicker } from './ReviewPeriodPicker.tsx';
import { ReviewStatusTag, WhoWhen } from './ReviewStatusTag.tsx';
import { reviewDays, reviewDetailPath, reviewListPath, type ReviewView } from './reviewView.ts';
import type { ReviewSummary } from './types.ts';

/**
 * 考核期审定列表 (`#/review?unit=…&period=…`): a unit's review of a period and its children's,
 * each with its status, who approved and accepted it and when, the comment and the score; a row
 * opens that unit's review, and a child's 下级 lists the units below it.
 */
export function ReviewList({ user, view }: { user: SessionUser; view: ReviewView }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const answer = useApi('/api/review', { query: { orgUnit: view.unit, period: view.period } });
  const change = (next: Partial<ReviewView>) => navigate(reviewListPath({ ...view, ...next }));
  const own = answer.data;
  const rows: ReviewSummary[] = own ? [own, ...own.items] : [];
  const days = reviewDays(view.period);
  const title = t('title');

  const columns: ColumnsType<ReviewSummary> = [
    {
      title: t('orgUnit'),
      key: 'unit',
      render: (_, row) => (
        <a href={`#${reviewDetailPath(row.orgUnit.id, view.period)}`} aria-label={t('openOf', { name: row.orgUnit.name })}>
          {row.orgUnit.id === own?.orgUnit.id ? t('ownLevel', { name: row.orgUnit.name }) : row.orgUnit.name}
        </a>
      ),
    },
    { title: t('status'), key: 'status', render: (_, row) => <ReviewStatusTag status={row.status} /> },
    { title: t('approvedBy'), key: 'approved', render: (_, row) => <WhoWhen who={row.approvedBy} at={row.approvedAt} /> },
    { title: t('acceptedBy'), key: 'accepted', render: (_, row) => <WhoWhen who={row.acceptedBy} at={row.acceptedAt} /> },
    { title: t('score'), key: 'score', align: 'right', render: (_, row) => row.score ?? '—' },
    { title: t('comment'), key: 'comment', render: (_, row) => row.comment ?? '—' },
    {
      key: 'below',
      render: (_, row) =>
        row.orgUnit.id === own?.orgUnit.id ? null : (
          <Button size="small" aria-label={t('belowOf', { name: row.orgUnit.name })} onClick={() => change({ unit: row.orgUnit.id })}>
            {t('below')}
          </Button>
        ),
    },
  ];

  return (
    <section aria-labelledby="review-title" className="review-page">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="review-title">{title}</Typography.Title>
        {own && <Typography.Text type="secondary">{own.orgUnit.name}</Typography.Text>}
      </Space>
      <Card size="small" title={t('filters')} className="evaluator-note">
        <Form layout="inline" className="evaluator-filter-form">
          <Form.Item label={t('period')} htmlFor="review-period">
            <ReviewPeriodPicker period={view.period} onPeriod={(period) => change({ period })} />
            <Typography.Text type="secondary">{t('days', days)}</Typography.Text>
          </Form.Item>
          {view.unit !== user.orgUnit.id && (
            <Form.Item>
              <Button type="link" onClick={() => change({ unit: user.orgUnit.id })}>{t('upTo', { name: user.orgUnit.name })}</Button>
            </Form.Item>
          )}
        </Form>
      </Card>
      {answer.error !== null && (
        <Alert type="error" showIcon title={errorText(answer.error, locale)} action={<Button size="small" onClick={answer.reload}>{common('retry')}</Button>} />
      )}
      <ResponsiveTable<ReviewSummary>
        rowKey={(row) => row.orgUnit.id}
        size="small"
        aria-label={title}
        loading={answer.loading}
        dataSource={rows}
        pagination={false}
        locale={tableLocale(answer.loading, common('empty'))}
        columns={columns}
      />
    </section>
  );
}
