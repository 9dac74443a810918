import { Alert, Button, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { errorText } from '../../api.ts';
import { useCommon, useLocale } from '../../i18n.ts';
import { usePaged } from '../../components/usePaged.ts';
import { tableLocale } from '../../shell/tableLocale.ts';
import { useStartMessages } from './messages.ts';
import type { ChosenSubject, EmployerItem, PersonItem, SubjectKind } from './types.ts';
import { useDebounced } from './useDebounced.ts';
import '../caseworker.css';

type Row = PersonItem | EmployerItem;

/** The subject a list row stands for (persons' ID numbers come masked from the API). */
function chosenFrom(kind: SubjectKind, row: Row): ChosenSubject {
  return 'idNumber' in row
    ? { id: row.id, kind, name: row.name, identifier: row.idNumber, warnings: [] }
    : { id: row.id, kind, name: row.name, identifier: row.creditCode, warnings: [] };
}

/**
 * One search box for persons (ID number, name or pinyin initials) or employers (credit code or
 * name), searching as the user types; each result can be chosen as the case's subject.
 */
export function SubjectSearch({
  kind,
  query,
  onQueryChange,
  chosenId,
  onChoose,
}: {
  kind: SubjectKind;
  query: string;
  onQueryChange: (query: string) => void;
  chosenId: string | null;
  onChoose: (subject: ChosenSubject) => void;
}) {
  const t = useStartMessages();
  const common = useCommon();
  const locale = useLocale();
  const q = useDebounced(query.trim());
  const base = kind === 'person' ? '/persons' : '/employers';
  const results = usePaged<Row>(q ? `${base}?q=${encodeURIComponent(q)}` : base, 8);

  const chooseColumn: ColumnsType<Row>[number] = {
    title: '',
    key: 'choose',
    width: 88,
    render: (_, row) =>
      row.id === chosenId ? (
        <Tag color="blue">{t('chosen')}</Tag>
      ) : (
        <Button size="small" onClick={() => onChoose(chosenFrom(kind, row))} aria-label={t('chooseNamed', { name: row.name })}>
          {t('choose')}
        </Button>
      ),
  };
  const personColumns: ColumnsType<PersonItem> = [
    { title: t('name'), key: 'name', dataIndex: 'name', className: 'cw-nowrap' },
    { title: t('idNumber'), key: 'idNumber', className: 'cw-nowrap', render: (_, row) => <span className="start-identifier">{row.idNumber}</span> },
    { title: t('gender'), key: 'gender', className: 'cw-nowrap', render: (_, row) => t(row.gender) },
    { title: t('birthDate'), key: 'birthDate', dataIndex: 'birthDate', className: 'cw-nowrap' },
    {
      title: t('status'),
      key: 'status',
      render: (_, row) => (
        <Space size={2} wrap>
          {row.statuses['unemploymentStatus'] === 'registered' && <Tag color="orange">{t('unemployed')}</Tag>}
          {row.statuses['employmentStatus'] === 'employed' && <Tag color="green">{t('employed')}</Tag>}
          {row.statuses['difficultyStatus'] === 'recognized' && <Tag color="purple">{t('difficulty')}</Tag>}
        </Space>
      ),
    },
  ];
  const employerColumns: ColumnsType<EmployerItem> = [
    { title: t('employerName'), key: 'name', dataIndex: 'name' },
    { title: t('creditCode'), key: 'creditCode', render: (_, row) => <span className="start-identifier">{row.creditCode}</span> },
  ];
  const columns = [...((kind === 'person' ? personColumns : employerColumns) as ColumnsType<Row>), chooseColumn];
  const placeholder = kind === 'person' ? t('searchPerson') : t('searchEmployer');

  return (
    <Space orientation="vertical" size="small" className="start-column">
      <Input.Search
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onSearch={(value) => onQueryChange(value)}
        placeholder={placeholder}
        aria-label={placeholder}
        allowClear
        loading={results.loading}
      />
      <Typography.Text type="secondary" className="start-hint">{kind === 'person' ? t('searchHintPerson') : t('searchHintEmployer')}</Typography.Text>
      {results.error !== null && (
        <Alert type="error" showIcon title={errorText(results.error, locale)} action={<Button onClick={results.reload}>{common('retry')}</Button>} />
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        aria-label={t('results')}
        loading={results.loading}
        dataSource={results.data?.items ?? []}
        columns={columns}
        rowClassName={(row) => (row.id === chosenId ? 'start-row-chosen' : '')}
        pagination={{ ...results.pagination, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => common('total', { n }) }}
        locale={tableLocale(results.loading, q ? t('noMatch') : common('empty'))}
      />
    </Space>
  );
}
