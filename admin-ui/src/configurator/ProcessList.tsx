import { Alert, Button, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { errorText, type SessionUser } from '../api.ts';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { useCommon, useLocale, useLocalized } from '../i18n.ts';
import { navigate } from '../router.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { useApi } from '../shell/useApi.ts';
import { useTitleOrder } from '../shell/useTitleOrder.ts';
import { useLevelName, useVersionLabel } from './levels.ts';
import { useConfigMessages } from './messages.ts';
import type { ProcessSummary } from './types.ts';

/**
 * The processes in force for the user's org unit: title, version in force, the level that published
 * it, and a link to each; in the order of their titles in the UI language (Chinese by pinyin).
 */
export default function ProcessList({ user }: { user: SessionUser }) {
  const t = useConfigMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const levelName = useLevelName(user);
  const versionLabel = useVersionLabel(user);
  const processes = useApi('/api/processes');
  const byTitle = useTitleOrder();
  const sorted = useMemo(() => byTitle(processes.data?.items ?? []), [processes.data, byTitle]);

  return (
    <section aria-labelledby="config-title">
      <div className="page-head">
        <Typography.Title level={2} id="config-title">
          {t('processes')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('processesHint', { unit: user.orgUnit.name })}</Typography.Text>
      </div>
      {processes.error !== null && (
        <Alert type="error" showIcon title={errorText(processes.error, locale)} action={<Button onClick={processes.reload}>{common('retry')}</Button>} />
      )}
      <ResponsiveTable<ProcessSummary>
        rowKey="id"
        size="middle"
        aria-label={t('processes')}
        loading={processes.loading}
        dataSource={sorted}
        pagination={false}
        locale={tableLocale(processes.loading, common('empty'))}
        columns={[
          { title: t('process'), key: 'title', render: (_, row) => <a href={`#/config/${encodeURIComponent(row.id)}`}>{l(row.title)}</a> },
          { title: t('processId'), key: 'id', render: (_, row) => <code>{row.id}</code> },
          { title: t('versionInForce'), key: 'version', render: (_, row) => versionLabel(row.scopeOrgUnitId, row.version) },
          {
            title: t('publishedBy'),
            key: 'level',
            render: (_, row) => (row.scopeOrgUnitId === user.orgUnit.id ? <Tag color="green">{`${t('ownLevel')} · ${user.orgUnit.name}`}</Tag> : <Tag>{levelName(row.scopeOrgUnitId)}</Tag>),
          },
          { title: '', key: 'open', render: (_, row) => <Button size="small" aria-label={t('openProcess', { process: l(row.title) })} onClick={() => navigate(`/config/${encodeURIComponent(row.id)}`)}>{t('open')}</Button> },
        ]}
      />
    </section>
  );
}
