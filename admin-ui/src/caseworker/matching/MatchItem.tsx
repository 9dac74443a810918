import { List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { FitReasons, type Fit } from './FitReasons.tsx';
import { useMatchingMessages } from './messages.ts';

/**
 * One match in a list of either direction (a vacancy's seekers, a person's vacancies): who or what
 * matched, a line about it, why it fits, and its score beside.
 */
export function MatchItem({ title, summary, fit }: { title: ReactNode; summary: ReactNode; fit: Fit }) {
  const t = useMatchingMessages();
  return (
    <List.Item extra={<Tag>{t('score', { score: fit.score })}</Tag>}>
      <List.Item.Meta
        title={title}
        description={
          <Space orientation="vertical" size={4}>
            <Typography.Text type="secondary">{summary}</Typography.Text>
            <FitReasons fit={fit} />
          </Space>
        }
      />
    </List.Item>
  );
}
