import { Tag } from 'antd';
import type { NationalText } from './messages.ts';

/** Whether a province answered the national node: 已答复, or 未答复 with the error's code. */
export function ProvinceAnswer({ error, t }: { error: string | null; t: NationalText }) {
  return error === null ? <Tag color="green">{t('answered')}</Tag> : <Tag color="red">{t('noAnswer', { code: error })}</Tag>;
}
