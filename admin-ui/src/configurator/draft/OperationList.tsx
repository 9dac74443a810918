import { WarningOutlined } from '@ant-design/icons';
import { Button, Table, Tooltip } from 'antd';
import { useLocalized } from '../../i18n.ts';
import { pathSegments } from '../paths.ts';
import type { Definition, OverlayOperation, OverlayProblem } from '../types.ts';
import { useDraftMessages, type DraftMessage } from './messages.ts';
import { problemsOf } from './operations.ts';
import { useRoleName } from '../../roles.ts';
import { usePostName } from '../usePostName.ts';
import { useProblemsText, useProblemTitle } from './ProblemList.tsx';

/** An operation in a sentence, with the titles of the states, events, forms and fields it names. */
function useDescribeOperation(definitions: readonly Definition[]) {
  const t = useDraftMessages();
  const l = useLocalized();
  const postName = usePostName();
  const roleName = useRoleName();
  const titleOf = (path: string) => {
    const last = pathSegments(path, definitions).at(-1);
    return last && last.kind !== 'key' ? (last.title ? l(last.title) : last.id) : path;
  };
  const state = (id: string) => titleOf(`states.${id}`);
  const form = (id: string) => titleOf(`forms.${id}`);
  const field = (formId: string, id: string) => titleOf(`forms.${formId}.schema.properties.${id}`);
  return (op: OverlayOperation): string => {
    const key = `op.${op.op}` as DraftMessage;
    switch (op.op) {
      case 'addField':
        return t(key, { form: form(op.form), field: l({ 'zh-CN': String(op.schema['title'] ?? op.field), en: String((op.schema['x-i18n'] as { en?: string } | undefined)?.en ?? op.schema['title'] ?? op.field) }), required: op.required ? t('requiredSuffix') : '' });
      case 'removeField':
      case 'requireField':
        return t(key, { form: form(op.form), field: field(op.form, op.field) });
      case 'relabelField':
        return t(key, { form: form(op.form), field: field(op.form, op.field), title: l(op.title) });
      case 'narrowEnum':
        return t(key, { form: form(op.form), field: field(op.form, op.field), values: op.values.join('、') });
      case 'relabelState':
        return t(key, { state: state(op.state), title: l(op.title) });
      case 'insertReview':
        return t(key, { state: state(op.after), event: titleOf(`states.${op.after}.on.${op.event}`), title: l(op.title) });
      case 'setSla':
        return t(key, { state: state(op.state), n: op.workingDays });
      case 'setPost':
        return t(key, { state: state(op.state), post: postName(op.post) });
      case 'setRole':
        return t(key, { state: state(op.state), role: roleName(op.role) });
      case 'removeState':
        return t(key, { state: state(op.state) });
    }
  };
}

/** The draft's operations in order, each described, marked when a problem concerns it, with a button removing it. */
export function OperationList({
  operations,
  problems,
  definitions,
  onRemove,
}: {
  operations: readonly OverlayOperation[];
  problems: readonly OverlayProblem[];
  definitions: readonly Definition[];
  onRemove: (index: number) => void;
}) {
  const t = useDraftMessages();
  const describe = useDescribeOperation(definitions);
  const problemTitle = useProblemTitle();
  const problemsText = useProblemsText();
  const rows = operations.map((op, index) => ({ op, index, problems: problemsOf(op, problems) }));
  return (
    <Table
      rowKey="index"
      size="small"
      aria-label={t('tabOperations', { n: operations.length })}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('noOperations') }}
      rowClassName={(row) => (row.problems.length > 0 ? 'config-row-problem' : '')}
      columns={[
        { title: '#', key: 'n', width: 48, render: (_, row) => row.index + 1 },
        {
          title: t('operation'),
          key: 'op',
          render: (_, row) => (
            <>
              {row.problems.length > 0 && (
                <Tooltip title={problemsText(row.problems)}>
                  <WarningOutlined className="config-node-problem" aria-label={row.problems.map((p) => problemTitle(p.code)).join('；')} />{' '}
                </Tooltip>
              )}
              {describe(row.op)}
            </>
          ),
        },
        {
          title: '',
          key: 'remove',
          width: 80,
          render: (_, row) => (
            <Button size="small" danger onClick={() => onRemove(row.index)} aria-label={`${t('remove')} ${row.index + 1}`}>
              {t('remove')}
            </Button>
          ),
        },
      ]}
    />
  );
}
