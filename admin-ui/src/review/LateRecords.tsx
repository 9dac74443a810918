import { Typography } from 'antd';
import { chinaTime } from '../components/format.ts';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { useCommon, useLocalized } from '../i18n.ts';
import { useMayDo } from '../session.ts';
import { useMessages } from './messages.ts';
import type { LateRecord, PeriodReview } from './types.ts';

/**
 * 迟录记录 The records of the period written after approval: counted (`lateRecords`) and the
 * latest listed, with case, process, post, unit and when the step was taken. They are flagged,
 * never added to the frozen figures. A case links to its page for those who may read cases.
 */
export function LateRecords({ review }: { review: PeriodReview }) {
  const t = useMessages();
  const common = useCommon();
  const l = useLocalized();
  const opensCases = useMayDo('cases.read');
  const listed = review.lateRecordList;
  return (
    <>
      {review.lateRecords > 0 && (
        <Typography.Paragraph type="warning">{t('lateCount', { n: review.lateRecords, shown: listed.length })}</Typography.Paragraph>
      )}
      <ResponsiveTable<LateRecord>
        rowKey="id"
        size="small"
        aria-label={t('lateRecords')}
        dataSource={listed}
        pagination={false}
        locale={{ emptyText: review.lateRecords > 0 ? common('empty') : t('noLate') }}
        columns={[
          { title: t('caseNo'), key: 'caseNo', render: (_, row) => (opensCases ? <a href={`#/cases/${encodeURIComponent(row.caseId)}`}>{row.caseNo}</a> : row.caseNo) },
          { title: t('process'), key: 'process', render: (_, row) => l(row.processTitle) },
          { title: t('post'), key: 'post', render: (_, row) => (row.post ? l(row.post.name) : t('noPost')) },
          { title: t('unit'), key: 'unit', render: (_, row) => row.orgUnit.name },
          { title: t('stepAt'), key: 'leftAt', render: (_, row) => chinaTime(row.leftAt) },
        ]}
      />
    </>
  );
}
