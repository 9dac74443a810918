import type { Answer, RequestBody } from '../../../client/index.ts';
import { Alert, Button, List, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call, client, errorText, type SessionUser } from '../api.ts';
import { useCommon, useLocale } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import { usePackageMessages } from './messages.ts';

type PackageSummary = Answer<'/api/packages', 'get'>['items'][number];

type Finding = Answer<'/api/packages/check', 'post'>['findings'][number];

type Bundle = RequestBody<'/api/packages/check', 'post'>;

/** Reads the chosen files into a package bundle: plugin.json as the manifest, every other file as a flow. */
async function readBundle(files: FileList): Promise<Bundle | { unreadable: string } | null> {
  const parsed: Record<string, unknown> = {};
  for (const file of Array.from(files)) {
    try {
      parsed[file.name] = JSON.parse(await file.text());
    } catch {
      return { unreadable: file.name };
    }
  }
  const { ['plugin.json']: manifest, ...flows } = parsed;
  return manifest ? { manifest: manifest as Bundle['manifest'], flows: flows as Bundle['flows'] } : null;
}

/** 业务插件包: the packages in use, and a ministry administrator's check and install of a new version. */
export default function PackagesPage({ user }: { user: SessionUser }) {
  const t = usePackageMessages();
  const common = useCommon();
  const locale = useLocale();
  const [items, setItems] = useState<PackageSummary[] | null>(null);
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const canInstall = user.permissions.includes('packages.install');

  const load = () => call(client.GET('/api/packages')).then((body) => setItems(body.items), setError);
  useEffect(() => void load(), []);

  const choose = async (files: FileList | null) => {
    setFindings(null);
    setNotice(null);
    setError(null);
    const read = files && files.length > 0 ? await readBundle(files) : null;
    if (read && 'unreadable' in read) return setNotice(t('unreadable', { file: read.unreadable }));
    if (!read) return setNotice(t('noManifest'));
    setBundle(read);
  };
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const check = () =>
    run(async () => {
      const result = await call(client.POST('/api/packages/check', { body: bundle! }));
      setFindings(result.findings);
      setNotice(result.findings.length === 0 ? t('passed', { id: result.id ?? '', version: result.version ?? '' }) : t('findings', { count: result.findings.length }));
    });
  const install = () =>
    run(async () => {
      const result = await call(client.POST('/api/packages', { body: bundle! }));
      setNotice(t('installed', { id: result.id, version: result.version, published: result.published.join('、') || t('nothingPublished') }));
      setBundle(null);
      setFindings(null);
      await load();
    });

  return (
    <section aria-labelledby="packages-title">
      <Typography.Title level={2} id="packages-title">{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {error !== null && <Alert className="form-alert" type="error" showIcon title={errorText(error, locale)} />}
      <Table<PackageSummary>
        rowKey="id"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        locale={tableLocale(items === null, common('empty'))}
        columns={[
          { title: t('name'), key: 'title', render: (_, p) => p.title[locale] },
          { title: t('id'), dataIndex: 'id' },
          { title: t('version'), dataIndex: 'version' },
          { title: t('processes'), key: 'processes', render: (_, p) => p.processes.map((process) => process.title[locale]).join('、') },
          { title: t('counts'), key: 'counts', render: (_, p) => `${p.parameters} / ${p.locks} / ${p.indicators}` },
        ]}
      />
      {canInstall && (
        <section aria-labelledby="install-title" className="form-alert">
          <Typography.Title level={3} id="install-title">{t('install')}</Typography.Title>
          <Space wrap>
            <label>
              {t('choose')}{' '}
              <input type="file" multiple accept=".json,application/json" onChange={(event) => void choose(event.target.files)} />
            </label>
            <Button autoInsertSpace={false} onClick={() => void check()} disabled={!bundle || busy}>{t('check')}</Button>
            <Button autoInsertSpace={false} type="primary" onClick={() => void install()} disabled={!bundle || busy || findings === null || findings.length > 0}>{t('confirm')}</Button>
          </Space>
          {notice && <Alert className="form-alert" type={findings && findings.length > 0 ? 'warning' : 'info'} showIcon role="status" title={notice} />}
          {findings && findings.length > 0 && (
            <List size="small" dataSource={findings} renderItem={(f) => <List.Item>{`${f.file} ${f.path}: ${f.message[locale]}`}</List.Item>} />
          )}
        </section>
      )}
    </section>
  );
}
