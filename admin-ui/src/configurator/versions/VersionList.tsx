import { Alert, Button, Table, Tag, Typography } from 'antd';
import { errorText } from '../../api.ts';
import { chinaTime } from '../../components/format.ts';
import { useCommon, useLocale } from '../../i18n.ts';
import { tableLocale } from '../../shell/tableLocale.ts';
import type { Loaded } from '../../shell/useApi.ts';
import { useConfigMessages } from '../messages.ts';
import type { PublishedVersion } from '../types.ts';

/**
 * The versions published on the user's path, highest first, each named by its level and its number
 * there (a province and a city may each have a version 2), with who published it and when, the
 * version of the level above it was built on, how many changes its overlay made, and which one is
 * in force for the user's org unit.
 */
export function VersionList({ versions, versionLabel }: { versions: Loaded<{ items: PublishedVersion[] }>; versionLabel: (level: string, version: number) => string }) {
  const t = useConfigMessages();
  const common = useCommon();
  const locale = useLocale();
  const kindName = (kind: string) => (kind === 'ministry' ? t('standard') : kind === 'province' ? t('province') : kind === 'city' ? t('city') : kind);
  const items = versions.data?.items ?? [];
  const baseLabel = (base: NonNullable<PublishedVersion['basedOn']>) => {
    const found = items.find((v) => v.definitionId === base.definitionId);
    return found ? versionLabel(found.level.id, found.version) : t('versionOf', { level: base.levelName, n: base.version });
  };

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
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={tableLocale(versions.loading, common('empty'))}
        rowClassName={(row) => (row.inForce ? 'config-row-current' : '')}
        columns={[
          {
            title: t('versionNo'),
            key: 'version',
            render: (_, row) => (
              <div className="config-version">
                <strong className="config-version-label">{versionLabel(row.level.id, row.version)}</strong>
                <Typography.Text type="secondary" className="config-version-by">
                  {t('publishedByAt', { who: row.publishedBy?.name ?? t('installed'), at: chinaTime(row.publishedAt) })}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('level'),
            key: 'level',
            render: (_, row) => (
              <>
                {row.level.name} <Tag>{kindName(row.level.kind)}</Tag>
              </>
            ),
          },
          { title: t('basedOn'), key: 'base', render: (_, row) => (row.basedOn ? baseLabel(row.basedOn) : '—') },
          { title: t('operations'), key: 'operations', render: (_, row) => row.operations ?? '—' },
          { title: t('status'), key: 'status', render: (_, row) => (row.inForce ? <Tag color="green">{t('inForce')}</Tag> : <Tag>{t('notInForce')}</Tag>) },
        ]}
      />
    </>
  );
}
