import type { Answer } from '../../../../client/index.ts';
import { Card, Empty, List } from 'antd';
import { ApiError } from '../../api.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useApi } from '../../shell/useApi.ts';
import { MatchItem } from '../matching/MatchItem.tsx';
import { useProfileMessages } from './messages.ts';

/** A vacancy as `GET /api/persons/{id}/vacancy-matches` ranks it for the person, with why it fits. */
type VacancyMatch = Answer<'/api/persons/{id}/vacancy-matches', 'get'>['items'][number];

/** Whether the matches were refused for want of an active job-seeking registration: a fact about the person, not a failure. */
function withoutRegistration(error: unknown): boolean {
  return error instanceof ApiError && error.body.code === 'NO_JOB_SEEKING_REGISTRATION';
}

/**
 * 岗位匹配 on a person's page: the published vacancies ranked for the person's job-seeking registration,
 * each with why it fits. A person with no active registration gets a plain empty state saying so (it showed
 * as a failed load); any other refusal or failure is still an error with a retry.
 */
export function PersonMatches({ personId }: { personId: string }) {
  const t = useProfileMessages();
  const matches = useApi('/api/persons/{id}/vacancy-matches', { path: { id: personId } });
  return (
    <Card size="small" title={t('matches')}>
      {withoutRegistration(matches.error) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRegistration')} />
      ) : (
        <Loadable loaded={matches}>
          {(found) => (
            <List<VacancyMatch>
              size="small"
              aria-label={t('matches')}
              dataSource={found.items}
              locale={{ emptyText: t('noMatches') }}
              renderItem={(m) => <MatchItem title={m.title} summary={`${m.employerName} · ${m.vacancy.caseNo}`} fit={m} />}
            />
          )}
        </Loadable>
      )}
    </Card>
  );
}
