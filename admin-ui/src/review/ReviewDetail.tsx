import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { errorText, type SessionUser } from '../api.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { useApi } from '../shell/useApi.ts';
import { FiguresComparison } from './FiguresComparison.tsx';
import { LateRecords } from './LateRecords.tsx';
import { useMessages } from './messages.ts';
import { ReviewActions } from './ReviewActions.tsx';
import { ReviewStatusTag, WhoWhen } from './ReviewStatusTag.tsx';
import { reviewDays, reviewListPath } from './reviewView.ts';

/**
 * 考核期审定详情 (`#/review/<unit>/<period>`): one unit's review of a period: its status, who
 * approved, accepted and commented and when, the actions the user may take, the frozen figures
 * beside the figures now with what moved, and the records written after approval.
 */
export function ReviewDetail({ user, unit, period }: { user: SessionUser; unit: string; period: string }) {
  const t = useMessages();
  const common = useCommon();
  const locale = useLocale();
  const answer = useApi('/api/review/{orgUnit}/{period}', { path: { orgUnit: unit, period } });
  const review = answer.data;
  return (
    <section aria-labelledby="review-title" className="review-page">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="review-title">{review ? t('detailTitle', { unit: review.orgUnit.name, period }) : t('title')}</Typography.Title>
        <a href={`#${reviewListPath({ unit: user.orgUnit.id, period })}`}>{t('backToList')}</a>
      </Space>
      {answer.error !== null && (
        <Alert type="error" showIcon title={errorText(answer.error, locale)} action={<Button size="small" onClick={answer.reload}>{common('retry')}</Button>} />
      )}
      {!review && answer.loading && <div className="centered" aria-busy="true">{common('loading')}</div>}
      {review && (
        <Space orientation="vertical" size="middle" className="case-column">
          <Card size="small" title={t('status')}>
            <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
              <Descriptions.Item label={t('status')}><ReviewStatusTag status={review.status} /></Descriptions.Item>
              <Descriptions.Item label={t('period')}>{t('days', reviewDays(period))}</Descriptions.Item>
              <Descriptions.Item label={t('approvedBy')}><WhoWhen who={review.approvedBy} at={review.approvedAt} /></Descriptions.Item>
              <Descriptions.Item label={t('acceptedBy')}><WhoWhen who={review.acceptedBy} at={review.acceptedAt} /></Descriptions.Item>
              <Descriptions.Item label={t('score')}>{review.score ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('commentedBy')}><WhoWhen who={review.commentedBy} at={review.commentedAt} /></Descriptions.Item>
              <Descriptions.Item label={t('comment')} span="filled">{review.comment ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('actions')}>
            <ReviewActions review={review} onChanged={answer.reload} />
          </Card>
          <Card size="small" title={<h3 className="evaluator-card-title">{t('figures')}</h3>}>
            <FiguresComparison review={review} />
          </Card>
          {review.status !== 'open' && (
            <Card size="small" title={<h3 className="evaluator-card-title">{t('lateRecords')}</h3>}>
              <LateRecords review={review} />
            </Card>
          )}
        </Space>
      )}
    </section>
  );
}
