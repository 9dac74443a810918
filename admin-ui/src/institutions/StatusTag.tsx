import { Tag } from 'antd';
import { STATUS_COLOR, type ShownStatus } from './display.ts';
import { useInstitutionMessages } from './messages.ts';

/** An institution's one status tag, lapsed included. */
export function StatusTag({ status }: { status: ShownStatus }) {
  const t = useInstitutionMessages();
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}
