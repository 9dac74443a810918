import { Alert, Button, Card, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useLocale } from '../../i18n.ts';
import { useMayDo } from '../../session.ts';
import { ElementPath } from '../ElementPath.tsx';
import { useTitles } from '../useTitles.ts';
import type { CaseMigration, Definition, MigrationReport } from '../types.ts';
import { migrationDrift, movableIds } from './migration-drift.ts';
import { useDraftMessages } from './messages.ts';

/**
 * Migrating running cases onto the version in force: first a dry run, for each running case of the
 * level not yet on that version, whether it could move and, if not, why (its state is gone, its
 * recorded data fails a form); then, for a configurator who may migrate, the run itself, after a
 * confirmation naming how many cases move and to which version. Just before asking, the dry run is
 * made again: a version published or cases moved or closed meanwhile are shown rather than run. The
 * run's result (moved, refused with reasons) is compared with what the dry run promised. The cases
 * are cards on a phone.
 */
export function MigrationPanel({ processId, definitions }: { processId: string; definitions: readonly Definition[] }) {
  const t = useDraftMessages();
  const locale = useLocale();
  const mayMigrate = useMayDo('localisation.edit');
  const [report, setReport] = useState<MigrationReport | null>(null);
  const [outcome, setOutcome] = useState<MigrationReport | null>(null);
  const [drift, setDrift] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'dryRun' | 'run' | null>(null);
  const { stateTitle } = useTitles(definitions);
  const path = `/processes/${encodeURIComponent(processId)}/migrations`;

  const attempt = async (what: 'dryRun' | 'run', action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const dryRun = () =>
    attempt('dryRun', async () => {
      setOutcome(null);
      setDrift(null);
      setReport(await api<MigrationReport>('POST', path, { dryRun: true }));
    });

  // The dry run again, just before asking: what is confirmed is what will run.
  const askToRun = (shown: MigrationReport) =>
    attempt('run', async () => {
      const fresh = await api<MigrationReport>('POST', path, { dryRun: true });
      const changed = migrationDrift(shown, fresh);
      setReport(fresh);
      if (changed) setDrift(t('driftBeforeRun', changed));
      else {
        setDrift(null);
        setConfirming(true);
      }
    });

  const run = (planned: MigrationReport) =>
    attempt('run', async () => {
      setConfirming(false);
      const result = await api<MigrationReport>('POST', path, { dryRun: false });
      setOutcome(result);
      const changed = migrationDrift(planned, result);
      setDrift(changed ? t('driftAfterRun', changed) : null);
    });

  const shown = outcome ?? report;
  const movable = report ? movableIds(report).length : 0;
  const moved = outcome ? movableIds(outcome).length : 0;
  const refusedByRun = outcome ? outcome.cases.length - moved : 0;

  return (
    <Card size="small" title={t('migrationTitle')}>
      <Typography.Paragraph type="secondary">{t('migrationHint')}</Typography.Paragraph>
      <Space wrap>
        <Button onClick={dryRun} loading={busy === 'dryRun'} disabled={busy === 'run'}>
          {t('dryRun')}
        </Button>
        {mayMigrate && report && !outcome && movable > 0 && (
          <Button type="primary" danger onClick={() => askToRun(report)} loading={busy === 'run'} disabled={busy === 'dryRun'}>
            {t('runMigration')}
          </Button>
        )}
      </Space>
      {error !== null && <Alert type="error" showIcon title={errorText(error, locale)} className="config-inline-alert" />}
      {drift && <Alert type="warning" showIcon role="alert" title={drift} className="config-inline-alert" />}
      {outcome && (
        <Alert
          type={refusedByRun > 0 ? 'warning' : 'success'}
          showIcon
          role="status"
          title={t('migrated', { moved, version: outcome.toVersion, refused: refusedByRun })}
          className="config-inline-alert"
        />
      )}
      {report && (
        <Modal
          open={confirming}
          destroyOnHidden
          title={t('runConfirmTitle')}
          okText={t('runMigration')}
          okButtonProps={{ danger: true }}
          cancelText={t('cancel')}
          onOk={() => run(report)}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('runConfirm', { n: movable, version: report.toVersion })}</p>
          {report.cases.length > movable && <p>{t('runConfirmStay', { n: report.cases.length - movable })}</p>}
        </Modal>
      )}
      {shown && (
        <div className="config-inline-alert">
          <ResponsiveTable<CaseMigration>
            rowKey="caseId"
            size="small"
            aria-label={outcome ? t('migrationResult') : t('migrationTitle')}
            dataSource={shown.cases}
            pagination={shown.cases.length > 10 ? { pageSize: 10 } : false}
            locale={{ emptyText: t('noRunning') }}
            columns={[
              { title: t('caseNo'), key: 'caseNo', render: (_, row) => <a href={`#/cases/${row.caseId}`}>{row.caseNo}</a> },
              { title: t('state'), key: 'state', render: (_, row) => stateTitle(row.state) },
              { title: t('fromTo'), key: 'versions', render: (_, row) => `v${row.fromVersion} → v${row.toVersion}` },
              {
                title: outcome ? t('migrationOutcome') : t('movable'),
                key: 'canMove',
                render: (_, row) =>
                  row.canMove ? <Tag color="green">{outcome ? t('moved') : t('canMove')}</Tag> : <Tag color="red">{outcome ? t('notMoved') : t('cannotMove')}</Tag>,
              },
              {
                title: t('detail'),
                key: 'problems',
                render: (_, row) =>
                  row.problems.length === 0
                    ? '—'
                    : row.problems.map((problem, i) => (
                        <div key={i}>
                          {problem.code === 'STATE_MISSING' ? t('stateMissing') : t('formInvalid')} · <ElementPath path={problem.element} definitions={definitions} showPath={false} />
                        </div>
                      )),
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
