import { Alert, Button, Card, Col, Form, InputNumber, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api.ts';
import { useLocale } from '../../i18n.ts';
import { useTitles } from '../useTitles.ts';
import type { Definition, ReplayedCase, ReplayReport } from '../types.ts';
import { useDraftMessages } from './messages.ts';
import { useProblemTitle } from './ProblemList.tsx';

const resultColour = { same: 'green', refused: 'red', different: 'orange' } as const;

/**
 * Replays the latest closed cases of the level against the saved draft: how many would end the
 * same, be refused or end elsewhere, and for each case where and why.
 */
export function ReplayPanel({ processId, definitions }: { processId: string; definitions: readonly Definition[] }) {
  const t = useDraftMessages();
  const locale = useLocale();
  const problemTitle = useProblemTitle();
  const [limit, setLimit] = useState(20);
  const [report, setReport] = useState<ReplayReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);

  const { stateTitle, eventTitle } = useTitles(definitions);
  const detail = (row: ReplayedCase) => {
    if (row.result === 'same') return t('endsIn', { state: stateTitle(row.finalState) });
    if (row.result === 'refused') return t('refusedAt', { step: row.step + 1, event: eventTitle(row.event), reason: problemTitle(row.code) });
    return t('differentAt', { step: row.step + 1, event: eventTitle(row.event), replayed: stateTitle(row.replayed), recorded: stateTitle(row.recorded) });
  };

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setReport(await api<ReplayReport>('POST', `/processes/${encodeURIComponent(processId)}/overlay/replay`, { limit }));
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card size="small" title={t('replayTitle')}>
      <Typography.Paragraph type="secondary">{t('replayHint')}</Typography.Paragraph>
      <Form layout="inline" onFinish={run} className="config-action-form">
        <Form.Item label={t('replayLimit')} htmlFor="config-replay-limit">
          <InputNumber id="config-replay-limit" min={1} max={1000} precision={0} value={limit} onChange={(value) => value !== null && setLimit(value)} />
        </Form.Item>
        <Button htmlType="submit" loading={running}>
          {t('replay')}
        </Button>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorText(error, locale)} className="config-inline-alert" />}
      {report && (
        <>
          <Row gutter={16} className="config-stats">
            <Col span={6}>
              <Statistic title={t('replayed')} value={report.replayed} />
            </Col>
            <Col span={6}>
              <Statistic title={t('same')} value={report.same} />
            </Col>
            <Col span={6}>
              <Statistic title={t('refused')} value={report.refused} />
            </Col>
            <Col span={6}>
              <Statistic title={t('different')} value={report.different} />
            </Col>
          </Row>
          <Table<ReplayedCase>
            rowKey="caseId"
            size="small"
            aria-label={t('replayTitle')}
            dataSource={report.cases}
            pagination={report.cases.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: t('caseNo'), key: 'caseNo', render: (_, row) => <a href={`#/cases/${row.caseId}`}>{row.caseNo}</a> },
              { title: t('recordedEnd'), key: 'recorded', render: (_, row) => stateTitle(row.recordedFinalState) },
              { title: t('result'), key: 'result', render: (_, row) => <Tag color={resultColour[row.result]}>{t(row.result)}</Tag> },
              { title: t('detail'), key: 'detail', render: (_, row) => detail(row) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
