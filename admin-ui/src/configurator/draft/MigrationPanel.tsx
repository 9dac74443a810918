import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { ElementPath } from '../ElementPath.tsx';
import { useTitles } from '../useTitles.ts';
import type { CaseMigration, Definition, MigrationReport } from '../types.ts';
import { useDraftMessages } from './messages.ts';

/**
 * A migration dry run: for each running case of the level not yet on the version in force,
 * whether it could move onto it and, if not, why (its state is gone, its recorded data fails a
 * form). Nothing is moved.
 */
export function MigrationPanel({ processId, definitions }: { processId: string; definitions: readonly Definition[] }) {
  const t = useDraftMessages();
  const locale = useLocale();
  const [report, setReport] = useState<MigrationReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const { stateTitle } = useTitles(definitions);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setReport(await api<MigrationReport>('POST', `/processes/${encodeURIComponent(processId)}/migrations`, { dryRun: true }));
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card size="small" title={t('migrationTitle')}>
      <Typography.Paragraph type="secondary">{t('migrationHint')}</Typography.Paragraph>
      <Button onClick={run} loading={running}>
        {t('dryRun')}
      </Button>
      {error !== null && <Alert type="error" showIcon title={errorText(error, locale)} className="config-inline-alert" />}
      {report && (
        <Table<CaseMigration>
          rowKey="caseId"
          size="small"
          className="config-inline-alert"
          aria-label={t('migrationTitle')}
          dataSource={report.cases}
          pagination={report.cases.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: t('noRunning') }}
          columns={[
            { title: t('caseNo'), key: 'caseNo', render: (_, row) => <a href={`#/cases/${row.caseId}`}>{row.caseNo}</a> },
            { title: t('state'), key: 'state', render: (_, row) => stateTitle(row.state) },
            { title: t('fromTo'), key: 'versions', render: (_, row) => `v${row.fromVersion} → v${row.toVersion}` },
            { title: t('movable'), key: 'canMove', render: (_, row) => (row.canMove ? <Tag color="green">{t('canMove')}</Tag> : <Tag color="red">{t('cannotMove')}</Tag>) },
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
      )}
    </Card>
  );
}
