import { Alert, Button, Card, Table } from 'antd';
import { errorText } from '../api.ts';
import { useCommon, useLocale, useLocalized } from '../i18n.ts';
import { tableLocale } from '../shell/tableLocale.ts';
import type { Loaded } from '../shell/useApi.ts';
import { formatFigure } from './figures.ts';
import { useMessages } from './messages.ts';
import type { IndicatorSpec, IndicatorValue } from './types.ts';

/**
 * The indicator catalogue with each indicator's value for the scope (`values`, by id) and the
 * numerator and denominator it comes from; an indicator's name opens its drill-down.
 */
export function IndicatorCatalogue({ specs, values, selected }: { specs: readonly IndicatorSpec[]; values: Loaded<Map<string, IndicatorValue>>; selected: string }) {
  const t = useMessages();
  const common = useCommon();
  const l = useLocalized();
  const locale = useLocale();
  const figures = values.data;
  return (
    <Card size="small" title={<h3 id="evaluator-catalogue-title" className="evaluator-card-title">{t('catalogue')}</h3>}>
      {values.error !== null && (
        <Alert type="error" showIcon title={errorText(values.error, locale)} action={<Button size="small" onClick={values.reload}>{common('retry')}</Button>} />
      )}
      <Table<IndicatorSpec>
        rowKey="id"
        size="small"
        aria-labelledby="evaluator-catalogue-title"
        loading={values.loading}
        dataSource={[...specs]}
        pagination={false}
        locale={tableLocale(values.loading, common('empty'))}
        rowClassName={(spec) => (spec.id === selected ? 'evaluator-selected' : '')}
        columns={[
          {
            title: t('indicator'),
            key: 'title',
            render: (_, spec) => (
              <a href={`#/dashboard/${encodeURIComponent(spec.id)}`} aria-current={spec.id === selected ? 'true' : undefined}>
                {l(spec.title)}
              </a>
            ),
          },
          { title: t('value'), key: 'value', align: 'right', render: (_, spec) => {
              const figure = figures?.get(spec.id);
              return figure ? formatFigure(figure.value, spec.factor) : '';
            },
          },
          { title: t('numerator'), key: 'numerator', align: 'right', render: (_, spec) => figures?.get(spec.id)?.numerator ?? '' },
          { title: t('denominator'), key: 'denominator', align: 'right', render: (_, spec) => figures?.get(spec.id)?.denominator ?? '' },
        ]}
      />
    </Card>
  );
}
