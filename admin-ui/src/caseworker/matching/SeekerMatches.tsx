import type { Answer } from '../../../../client/index.ts';
import { Card, List, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../api.ts';
import { yuan } from '../../components/format.ts';
import { currentQuery } from '../../router.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useApi } from '../../shell/useApi.ts';
import { MatchItem } from './MatchItem.tsx';
import { useMatchingMessages } from './messages.ts';

/** A seeker as `GET /api/cases/{id}/seeker-matches` lists them: the ID number masked. */
type SeekerMatch = Answer<'/api/cases/{id}/seeker-matches', 'get'>['items'][number];

/** The query a link adds to a vacancy's case page to bring its matching seekers into view (the employer page's links). */
export const SHOW_SEEKERS = 'seekers';

/** The process whose published cases are vacancies to match seekers to (the job-matching package's `publishedVacancy`). */
export const VACANCY_PROCESS = 'vacancy-posting';

/**
 * 匹配的求职人员: on a vacancy's case page, the active job seekers ranked for it by the rules that rank
 * vacancies for a seeker, each with why they fit and a link to their profile. Names with masked ID
 * numbers only (the server records the read); an unpublished vacancy says matching waits for publication.
 */
export function SeekerMatches({ caseId }: { caseId: string }) {
  const t = useMatchingMessages();
  const loaded = useApi('/api/cases/{id}/seeker-matches', { path: { id: caseId } });
  const title = useRef<HTMLHeadingElement>(null);
  const notPublished = loaded.error instanceof ApiError && loaded.error.status === 404;
  // Opened from the employer page's link: the list is what the user came for.
  useEffect(() => {
    if (loaded.data && currentQuery().has(SHOW_SEEKERS)) {
      title.current?.scrollIntoView({ block: 'start' });
      title.current?.focus();
    }
  }, [loaded.data]);
  return (
    <Card
      size="small"
      title={<Typography.Title level={3} className="case-section-title" id="seeker-matches-title" tabIndex={-1} ref={title}>{t('seekerMatches')}</Typography.Title>}
      role="region"
      aria-labelledby="seeker-matches-title"
    >
      {notPublished ? (
        <Typography.Text type="secondary">{t('notPublished')}</Typography.Text>
      ) : (
        <Loadable loaded={loaded}>
          {(found) => (
            <>
              {found.total > 0 && (
                <Typography.Paragraph type="secondary">
                  {found.total > found.items.length ? t('seekersShown', { total: found.total, shown: found.items.length }) : t('seekersTotal', { total: found.total })}
                  {' · '}
                  {t('maskedNote')}
                </Typography.Paragraph>
              )}
              <List<SeekerMatch>
                size="small"
                aria-label={t('seekerMatches')}
                dataSource={found.items}
                locale={{ emptyText: t('noSeekers') }}
                renderItem={(m) => (
                  <MatchItem
                    title={
                      <>
                        <a href={`#/persons/${m.person.id}`}>{m.person.name}</a> <span className="cw-nowrap">{m.person.idNumber}</span>
                      </>
                    }
                    summary={
                      <>
                        {t('expectedPay', { pay: yuan(m.expectedPayFen) })}
                        {m.availableFrom && ` · ${t('availableFrom', { date: m.availableFrom })}`}
                        {` · ${t('registration', { caseNo: m.caseNo })}`}
                      </>
                    }
                    fit={m}
                  />
                )}
              />
            </>
          )}
        </Loadable>
      )}
    </Card>
  );
}
