import { Table, Tag, Typography } from 'antd';
import { useLocalized } from '../../i18n.ts';
import { chinaTime } from '../../components/format.ts';
import { useCaseMessages } from './messages.ts';
import type { CaseLink } from './types.ts';

/** The cases coordination linked to this one, both ways, each a link to its own page, with the event, what it did and when. */
export function LinkedCases({ links }: { links: CaseLink[] }) {
  const t = useCaseMessages();
  const l = useLocalized();
  return (
    <Table<CaseLink>
      rowKey={(link) => `${link.direction}:${link.caseId}:${link.event}:${link.at}`}
      size="small"
      aria-label={t('links')}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={links}
      locale={{ emptyText: t('noLinks') }}
      columns={[
        { title: t('direction'), key: 'direction', render: (_, link) => <Tag color={link.direction === 'caused-by' ? 'purple' : 'cyan'}>{t(link.direction)}</Tag> },
        {
          title: t('caseNo'),
          key: 'case',
          render: (_, link) => (
            <>
              <a href={`#/cases/${link.caseId}`}>{link.caseNo}</a>
              <div className="case-link-process">{l(link.processTitle)}</div>
            </>
          ),
        },
        { title: t('state'), key: 'state', render: (_, link) => l(link.stateTitle) },
        {
          title: t('event'),
          key: 'event',
          render: (_, link) => (
            <>
              {link.eventTitle ? (
                <Typography.Text className="case-link-event" title={link.event}>
                  {l(link.eventTitle)}
                </Typography.Text>
              ) : (
                <Typography.Text code className="case-link-event">
                  {link.event}
                </Typography.Text>
              )}
              <div className="case-link-effect">
                {t(link.effect)} · {chinaTime(link.at)}
              </div>
            </>
          ),
        },
      ]}
    />
  );
}
