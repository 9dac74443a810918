import { Col, Row } from 'antd';
import type { Answer, components } from '../../../client/index.ts';
import { useApiAt, type Loaded } from '../shell/useApi.ts';
import { formatFigure, scopeQuery } from './figures.ts';
import { FigureCard } from './HeadlineCards.tsx';
import { useMessages } from './messages.ts';
import type { Scope } from './types.ts';

/** A share with what it was computed from (`factor` 100: a percentage). */
type Share = components['schemas']['Share'];

/** The outcome indicators of a scope (`GET /api/outcomes`). */
export type Outcomes = Answer<'/api/outcomes', 'get'>;

/** A part of the outcomes as one card reads it, loading and failing with the whole. */
function part<T>(outcomes: Loaded<Outcomes>, pick: (data: Outcomes) => T): Loaded<T> {
  return { ...outcomes, data: outcomes.data ? pick(outcomes.data) : null };
}

/** A share's card: the figure in its unit, and what it was computed from. */
function ShareCard({ title, share, note }: { title: string; share: Loaded<Share>; note: (share: Share) => string }) {
  return (
    <Col xs={24} sm={12} xl={8}>
      <FigureCard
        title={title}
        loaded={share}
        value={<span className="evaluator-figure">{share.data ? formatFigure(share.data.value, share.data.factor) : ''}</span>}
        note={share.data ? note(share.data) : ''}
      />
    </Col>
  );
}

/**
 * 就业成效 The outcome indicators of the org unit's subtree over the period, each with its unit
 * and what it counted: the long-term unemployed share at the period's end, the average days
 * to fill a posting, and employment within 6 months after training.
 */
export function OutcomeCards({ scope }: { scope: Scope }) {
  const t = useMessages();
  const outcomes = useApiAt<Outcomes>(`/outcomes?${scopeQuery({ ...scope, post: null })}`);
  const fill = part(outcomes, (data) => data.timeToFill);
  return (
    <section aria-label={t('outcomes')}>
      <Row gutter={[12, 12]} className="evaluator-cards">
        <ShareCard title={t('longTermShare')} share={part(outcomes, (data) => data.longTermUnemployedShare)} note={({ numerator: n, denominator: d }) => t('longTermNote', { n, d })} />
        <Col xs={24} sm={12} xl={8}>
          <FigureCard
            title={t('timeToFill')}
            loaded={fill}
            value={<span className="evaluator-figure">{fill.data === null || fill.data.averageDays === null ? '—' : <>{fill.data.averageDays} <small>{t('days')}</small></>}</span>}
            note={fill.data ? t('timeToFillNote', { n: fill.data.filled }) : ''}
          />
        </Col>
        <ShareCard title={t('employmentAfterTraining')} share={part(outcomes, (data) => data.employmentAfterTraining)} note={({ numerator: n, denominator: d }) => t('employmentAfterTrainingNote', { n, d })} />
      </Row>
    </section>
  );
}
