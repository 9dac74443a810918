import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Collapse, Form, Input, Modal, Popconfirm, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { SchemaForm } from '../../forms/SchemaForm.tsx';
import { useLocalized } from '../../i18n.ts';
import { LockBadge, ProblemBadge } from '../badges.tsx';
import { useKeyName } from '../ElementPath.tsx';
import { elementTarget, locksOfForm } from '../elements.ts';
import { useLockText } from '../useLockText.ts';
import type { Definition, EffectiveLock, OverlayOperation, OverlayProblem } from '../types.ts';
import { AddFieldForm } from './AddFieldForm.tsx';
import { fieldRows, withPendingField, type FieldRow } from './fields.ts';
import { PatternText } from '../PatternText.tsx';
import { useDraftMessages, type DraftMessage } from './messages.ts';
import { useRequired } from './useRequired.ts';
import { problemsOf } from './operations.ts';
import { useProblemsText } from './ProblemList.tsx';

type Pending = { name: string; schema: Record<string, unknown>; required: boolean } | null;

/** The problems that concern one field of a form: on the field itself, or on an operation changing it. */
function fieldProblems(formId: string, field: string, problems: readonly OverlayProblem[], operations: readonly OverlayOperation[]): OverlayProblem[] {
  const direct = problems.filter((problem) => {
    const target = elementTarget(problem.element);
    return target.kind === 'form' && target.form === formId && target.field === field;
  });
  const viaOperations = operations.filter((op) => 'form' in op && op.form === formId && 'field' in op && op.field === field).flatMap((op) => problemsOf(op, problems));
  return [...new Set([...direct, ...viaOperations])];
}

/** A dialog renaming a field (both languages) or narrowing its options; each adds one operation. */
function FieldDialog({ mode, formId, row, onAdd, onClose }: { mode: 'rename' | 'narrow'; formId: string; row: FieldRow; onAdd: (op: OverlayOperation) => void; onClose: () => void }) {
  const t = useDraftMessages();
  const required = useRequired();
  const l = useLocalized();
  const [form] = Form.useForm<{ zh: string; en: string; values: string[] }>();
  const title = row.title ? l(row.title) : row.name;
  return (
    <Modal open title={mode === 'rename' ? `${t('renameField')} · ${title}` : t('narrowTitle', { field: title })} okText={t('add')} cancelText={t('cancel')} onCancel={onClose} onOk={() => form.submit()}>
      <Form
        form={form}
        name="config-field-dialog"
        layout="vertical"
        initialValues={{ zh: row.title?.['zh-CN'] ?? '', en: row.title?.en ?? '', values: row.options?.map((o) => o.code) ?? [] }}
        onFinish={(values) => {
          onAdd(mode === 'rename' ? { op: 'relabelField', form: formId, field: row.name, title: { 'zh-CN': values.zh, en: values.en } } : { op: 'narrowEnum', form: formId, field: row.name, values: values.values });
          onClose();
        }}
      >
        {mode === 'rename' ? (
          <>
            <Form.Item name="zh" label={t('titleZh')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="en" label={t('titleEn')} rules={required}>
              <Input />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="values" label={t('fieldOptions')} rules={required}>
            <Checkbox.Group options={(row.options ?? []).map((option) => ({ value: option.code, label: l(option.title) }))} className="config-option-group" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * The fields of a form beside a live preview of it. The field table reads the schema (kind,
 * required, limits, options; locks and problems marked on their rows) and offers the field
 * operations: require, rename, narrow options, remove, add. The preview (rjsf with the
 * platform's validator) shows the form as the draft makes it, including a field while it is typed.
 */
export function FormWorkbench({
  definition,
  locks,
  problems,
  operations,
  levelName,
  formId,
  onSelectForm,
  onAdd,
}: {
  definition: Definition;
  locks: readonly EffectiveLock[];
  problems: readonly OverlayProblem[];
  operations: readonly OverlayOperation[];
  levelName: (level: string) => string;
  formId: string;
  onSelectForm: (formId: string) => void;
  onAdd: (op: OverlayOperation) => void;
}) {
  const t = useDraftMessages();
  const l = useLocalized();
  const keyName = useKeyName();
  const { message } = App.useApp();
  const lockText = useLockText(levelName);
  const problemsText = useProblemsText();
  const [pending, setPending] = useState<Pending>(null);
  const [dialog, setDialog] = useState<{ mode: 'rename' | 'narrow'; row: FieldRow } | null>(null);
  const form = definition.forms[formId];
  const preview = useMemo(() => (form ? withPendingField(form, pending) : undefined), [form, pending]);
  if (!form || !preview) return null;
  const rows = fieldRows(form);
  const rowProblems = new Map(rows.map((row) => [row.name, fieldProblems(formId, row.name, problems, operations)]));
  const formLocks = locksOfForm(locks, formId);
  const requiredLocked = formLocks.formLevel.filter((lock) => lock.element.endsWith('.required'));

  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Space orientation="vertical" size={12} className="config-column">
          <Space wrap>
            <label htmlFor="config-form-select">{t('formSelect')}</label>
            <Select
              id="config-form-select"
              value={formId}
              style={{ minWidth: 240 }}
              onChange={(value) => {
                setPending(null);
                onSelectForm(value);
              }}
              options={Object.entries(definition.forms).map(([id, f]) => ({ value: id, label: l(f.title) }))}
            />
          </Space>
          {requiredLocked.map((lock) => (
            <Alert key={lock.element} type="warning" showIcon icon={<LockOutlined />} title={t('requiredLocked', { reason: l(lock.reason), by: levelName(lock.lockedBy) })} />
          ))}
          <Table<FieldRow>
            rowKey="name"
            size="small"
            aria-label={t('fieldsOf', { form: l(form.title) })}
            dataSource={rows}
            pagination={false}
            rowClassName={(row) => (rowProblems.get(row.name)!.length > 0 ? 'config-row-problem' : '')}
            columns={[
              {
                title: t('fieldTitle'),
                key: 'title',
                render: (_, row) => {
                  const found = rowProblems.get(row.name)!;
                  const locked = lockText(formLocks.byField.get(row.name) ?? []);
                  return (
                    <>
                      {locked && <LockBadge text={locked} />}
                      {found.length > 0 && <ProblemBadge text={problemsText(found)} />}
                      {row.title ? l(row.title) : row.name}
                      <div>
                        <code className="config-path-code">{row.name}</code>
                      </div>
                    </>
                  );
                },
              },
              { title: t('fieldKind'), key: 'kind', render: (_, row) => t(`kind.${row.kind}` as DraftMessage) },
              { title: t('fieldRequired'), key: 'required', render: (_, row) => (row.required ? <Tag color="red">{t('fieldRequired')}</Tag> : '—') },
              {
                title: t('fieldLimits'),
                key: 'limits',
                render: (_, row) => (
                  <>
                    {row.limits.map((limit) =>
                      limit.key === 'pattern' ? (
                        // In words where the pattern is a common one, else the expression labelled as one.
                        <div key={limit.key}>
                          {`${keyName(limit.key)}：`}
                          <PatternText pattern={String(limit.value)} />
                        </div>
                      ) : (
                        <div key={limit.key}>{`${keyName(limit.key)}：${limit.value}`}</div>
                      ),
                    )}
                    {row.options && row.options.length > 0 && (
                      <Tooltip title={row.options.map((o) => l(o.title)).join('、')}>
                        <Typography.Text type="secondary">{t('optionCount', { n: row.options.length, first: l(row.options[0]!.title) })}</Typography.Text>
                      </Tooltip>
                    )}
                  </>
                ),
              },
              {
                title: t('fieldActions'),
                key: 'actions',
                width: 150,
                render: (_, row) => {
                  const name = row.title ? l(row.title) : row.name;
                  return (
                    <Space size={4} wrap>
                      {!row.required && (
                        <Button size="small" aria-label={`${t('makeRequired')} ${name}`} onClick={() => onAdd({ op: 'requireField', form: formId, field: row.name })}>
                          {t('makeRequired')}
                        </Button>
                      )}
                      <Button size="small" aria-label={`${t('renameField')} ${name}`} onClick={() => setDialog({ mode: 'rename', row })}>
                        {t('renameField')}
                      </Button>
                      {row.options && (
                        <Button size="small" aria-label={`${t('narrow')} ${name}`} onClick={() => setDialog({ mode: 'narrow', row })}>
                          {t('narrow')}
                        </Button>
                      )}
                      <Popconfirm title={t('removeFieldConfirm', { field: name })} okText={t('ok')} cancelText={t('cancel')} onConfirm={() => onAdd({ op: 'removeField', form: formId, field: row.name })}>
                        <Button size="small" danger aria-label={`${t('removeFieldAction')} ${name}`}>
                          {t('removeFieldAction')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  );
                },
              },
            ]}
          />
          <Collapse
            items={[
              {
                key: 'add',
                label: t('addFieldTitle'),
                children: (
                  <AddFieldForm
                    key={formId}
                    formId={formId}
                    form={form}
                    onPending={setPending}
                    onAdd={onAdd}
                  />
                ),
              },
            ]}
          />
        </Space>
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small" title={`${t('preview')} · ${l(form.title)}`} className="config-preview">
          <Typography.Paragraph type="secondary">{t('previewHint')}</Typography.Paragraph>
          <SchemaForm key={formId} schema={preview.schema} ui={preview.ui ?? {}} initialData={{}} serverErrors={undefined} disabled={false} onSubmit={() => void message.success(t('formValid'))}>
            <Button htmlType="submit">{t('tryForm')}</Button>
          </SchemaForm>
        </Card>
      </Col>
      {dialog && <FieldDialog mode={dialog.mode} formId={formId} row={dialog.row} onAdd={onAdd} onClose={() => setDialog(null)} />}
    </Row>
  );
}
