import { Alert, Button, Table, Tag } from 'antd';
import { errorText } from '../../api.ts';
import { chinaTime } from '../../components/format.ts';
import { useCommon, useLocale } from '../../i18n.ts';
import { tableLocale } from '../../shell/tableLocale.ts';
import type { Loaded } from '../../shell/useApi.ts';
import { useConfigMessages } from '../messages.ts';
import type { PublishedVersion } from '../types.ts';

/**
 * The versions published on the user's path, highest first: the level and person that published
 * each, when, the version of the level above it was built on, how many changes its overlay made,
 * and which one is in force for the user's org unit.
 */
export function VersionList({ versions }: { versions: Loaded<{ items: PublishedVersion[] }> }) {
  const t = useConfigMessages();
  const common = useCommon();
  const locale = useLocale();
  const kindName = (kind: string) => (kind === 'ministry' ? t('standard') : kind === 'province' ? t('province') : kind === 'city' ? t('city') : kind);

  return (
    <>
      {versions.error !== null && (
        <Alert type="error" showIcon title={errorText(versions.error, locale)} action={<Button onClick={versions.reload}>{common('retry')}</Button>} />
      )}
      <Table<PublishedVersion>
        rowKey="definitionId"
        size="middle"
        aria-label={t('versionsTitle')}
        loading={versions.loading}
        dataSource={versions.data?.items ?? []}
        pagination={false}
        locale={tableLocale(versions.loading, common('empty'))}
        rowClassName={(row) => (row.inForce ? 'config-row-current' : '')}
        columns={[
          { title: t('versionNo'), key: 'version', render: (_, row) => t('version', { n: row.version }) },
          {
            title: t('level'),
            key: 'level',
            render: (_, row) => (
              <>
                {row.level.name} <Tag>{kindName(row.level.kind)}</Tag>
              </>
            ),
          },
          { title: t('publisher'), key: 'publisher', render: (_, row) => row.publishedBy?.name ?? t('installed') },
          { title: t('publishedAt'), key: 'at', render: (_, row) => chinaTime(row.publishedAt) },
          { title: t('basedOn'), key: 'base', render: (_, row) => (row.basedOn ? `${row.basedOn.levelName} · ${t('version', { n: row.basedOn.version })}` : '—') },
          { title: t('operations'), key: 'operations', render: (_, row) => row.operations ?? '—' },
          { title: t('status'), key: 'status', render: (_, row) => (row.inForce ? <Tag color="green">{t('inForce')}</Tag> : <Tag>{t('notInForce')}</Tag>) },
        ]}
      />
    </>
  );
}
