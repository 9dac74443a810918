import { Alert, App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../api.ts';
import { chinaToday } from '../evaluator/period.ts';
import { useLocale } from '../i18n.ts';
import { useMayDo } from '../session.ts';
import { useMessages } from './messages.ts';
import { periodEnded, reviewDays, validScore } from './reviewView.ts';
import type { PeriodReview } from './types.ts';

/**
 * What the user may do to a review at its status, as the permission table gives it: the city's
 * configurator approves an ended period (after a confirmation saying the figures will be frozen),
 * the province accepts it, an evaluator above the city comments and scores (0-100, checked here
 * and by the server). A refusal shows the server's own words; a success hands the new review up.
 */
export function ReviewActions({ review, onChanged }: { review: PeriodReview; onChanged: () => void }) {
  const t = useMessages();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<unknown>(null);
  const mayApprove = useMayDo('review.approve') && review.status === 'open';
  const mayAccept = useMayDo('review.accept') && review.status === 'approved';
  const mayComment = useMayDo('review.comment') && review.status !== 'open';
  const ended = periodEnded(review.period, chinaToday(new Date()));
  const base = `/review/${encodeURIComponent(review.orgUnit.id)}/${encodeURIComponent(review.period)}`;
  const names = { unit: review.orgUnit.name, period: review.period };

  const send = async (action: 'approve' | 'accept' | 'comment', label: string, body?: unknown) => {
    setBusy(true);
    setRefused(null);
    try {
      await api<PeriodReview>('POST', `${base}/${action}`, body);
      message.success(t('done', { action: label }));
      onChanged();
    } catch (error) {
      setRefused(error);
    } finally {
      setBusy(false);
    }
  };
  const confirm = (action: 'approve' | 'accept') => {
    void modal.confirm({
      title: t(action === 'approve' ? 'approveConfirm' : 'acceptConfirm', names),
      content: t(action === 'approve' ? 'approveContent' : 'acceptContent'),
      okText: t(action === 'approve' ? 'approveOk' : 'accept'),
      cancelText: t('cancel'),
      onOk: () => send(action, t(action)),
    });
  };

  if (!mayApprove && !mayAccept && !mayComment) return <Typography.Text type="secondary">{t('nothingToDo')}</Typography.Text>;
  return (
    <Space orientation="vertical" size="middle" className="case-actions">
      {refused !== null && <Alert type="error" showIcon title={errorText(refused, locale)} />}
      {mayApprove && (
        <Space wrap>
          <Button type="primary" disabled={!ended} loading={busy} onClick={() => confirm('approve')}>{t('approve')}</Button>
          {!ended && <Typography.Text type="secondary">{t('notEnded', { to: reviewDays(review.period).to })}</Typography.Text>}
        </Space>
      )}
      {mayAccept && <Button type="primary" loading={busy} onClick={() => confirm('accept')}>{t('accept')}</Button>}
      {mayComment && (
        <Form
          name="review-comment"
          layout="vertical"
          className="case-form"
          initialValues={{ comment: review.comment ?? '', score: review.score ?? undefined }}
          onFinish={(values: { comment: string; score: number }) => void send('comment', t('commentTitle'), { comment: values.comment.trim(), score: values.score })}
        >
          <Typography.Text type="secondary">{t('commentReplaces')}</Typography.Text>
          <Form.Item label={t('comment')} name="comment" rules={[{ required: true, whitespace: true, message: t('commentRequired') }, { max: 2000, message: t('commentTooLong') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item
            label={t('score')}
            name="score"
            rules={[{ validator: (_, value: unknown) => (validScore(value) ? Promise.resolve() : Promise.reject(new Error(t('scoreRule')))) }]}
          >
            <InputNumber<number> keyboard={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{t('saveComment')}</Button>
        </Form>
      )}
    </Space>
  );
}
