import { Tag } from 'antd';
import { chinaTime } from '../components/format.ts';
import { useMessages } from './messages.ts';
import type { Person, ReviewStatus } from './types.ts';

const COLOURS: Record<ReviewStatus, string> = { open: 'default', approved: 'blue', accepted: 'green' };

/** A review's status as a coloured tag: 未审定, 已审定, 已验收. */
export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const t = useMessages();
  return <Tag color={COLOURS[status]}>{t(status)}</Tag>;
}

/** Who did it and when (`市级配置员，2026/10/12 10:00:00`), or a dash. */
export function WhoWhen({ who, at }: { who: Person; at: string | null }) {
  const t = useMessages();
  if (!who && !at) return <>—</>;
  return <>{t('whoWhen', { name: who?.name ?? '—', at: chinaTime(at) })}</>;
}
