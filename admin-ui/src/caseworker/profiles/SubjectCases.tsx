import { List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CaseItem } from '../../api.ts';
import { chinaTime } from '../../components/format.ts';
import { useLocalized } from '../../i18n.ts';
import { useSearchMessages } from '../search/messages.ts';
import { useProfileMessages } from './messages.ts';

/**
 * Cases of a person or employer as a list that fits a phone too: number (to open), process, step,
 * status, last change, and whatever `more` adds for a case (a link to its matching seekers).
 */
export function SubjectCases({ items, label, more }: { items: CaseItem[]; label: string; more?: (item: CaseItem) => ReactNode }) {
  const t = useSearchMessages();
  const p = useProfileMessages();
  const l = useLocalized();
  return (
    <List<CaseItem>
      size="small"
      aria-label={label}
      dataSource={items}
      locale={{ emptyText: p('noCases') }}
      renderItem={(item) => (
        <List.Item extra={<Tag color={item.status === 'active' ? 'processing' : 'default'}>{t(item.status)}</Tag>}>
          <List.Item.Meta
            title={<a href={`#/cases/${item.id}`}>{item.caseNo}</a>}
            description={
              <Typography.Text type="secondary">
                {l(item.processTitle)} · {l(item.stateTitle)} · {chinaTime(item.updatedAt)}
                {more?.(item)}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
