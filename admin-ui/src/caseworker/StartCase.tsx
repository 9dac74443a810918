import { Alert, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../api.ts';
import { currentQuery } from '../router.ts';
import { Loadable } from '../shell/Loadable.tsx';
import { useApi, useApiAt } from '../shell/useApi.ts';
import { EmployerForm } from './start/EmployerForm.tsx';
import { useStartMessages } from './start/messages.ts';
import { PersonForm } from './start/PersonForm.tsx';
import { ProcessPicker } from './start/ProcessPicker.tsx';
import { StartPanel } from './start/StartPanel.tsx';
import { SubjectSearch } from './start/SubjectSearch.tsx';
import type { ChosenSubject, ProcessDetail, SubjectKind } from './start/types.ts';

/** Keeps the chosen process in the address (`#/cases/new?process=…`) so a reload or bookmark returns to it. */
function rememberProcess(processId: string): void {
  window.history.replaceState(null, '', `#/cases/new?process=${encodeURIComponent(processId)}`);
}

/**
 * Starting a case: pick a process in force, find its subject (a person or an employer, as the
 * definition says) or register a new one beside the search, then open the case and go to it.
 */
export default function StartCase({ user }: { user: SessionUser }) {
  const t = useStartMessages();
  const processes = useApi('/api/processes');
  const [processId, setProcessId] = useState<string | null>(() => currentQuery().get('process'));
  const detail = useApiAt<ProcessDetail>(processId ? `/processes/${encodeURIComponent(processId)}` : null);
  const [queries, setQueries] = useState<Record<SubjectKind, string>>({ person: '', employer: '' });
  const [chosen, setChosen] = useState<ChosenSubject | null>(null);

  // A link to `#/cases/new?process=…` followed while this screen is open picks that process.
  useEffect(() => {
    const follow = () => {
      if (window.location.hash.split('?')[0] === '#/cases/new') setProcessId(currentQuery().get('process'));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const pick = (id: string) => {
    setProcessId(id);
    rememberProcess(id);
  };
  // While another process loads, the previous one's definition must not decide the subject kind.
  const current = detail.data?.id === processId ? detail.data : null;

  return (
    <section aria-labelledby="start-title">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="start-title">{t('title')}</Typography.Title>
      </Space>
      <Card size="small" title={<span id="start-process-label">{t('process')}</span>} className="start-card">
        <Loadable loaded={processes}>
          {(data) =>
            data.items.length === 0 ? (
              <Empty description={t('noProcesses')} />
            ) : (
              <ProcessPicker processes={data.items} value={processId} onChange={pick} labelledBy="start-process-label" />
            )
          }
        </Loadable>
      </Card>
      {processId === null ? (
        <Alert type="info" showIcon title={t('pickProcessFirst')} />
      ) : (
        <Loadable loaded={{ ...detail, data: current }}>
          {(process) => {
            const kind = process.definition.subject;
            const starter = process.definition.states[process.definition.initial]?.task?.role;
            const canStart = starter === user.role;
            const setQuery = (query: string) => setQueries((all) => ({ ...all, [kind]: query }));
            const subject = chosen?.kind === kind ? chosen : null;
            return (
              <>
                {!canStart && <Alert type="info" showIcon title={t('notStarter')} className="start-card" />}
                {subject && <StartPanel process={process} subject={subject} canStart={canStart} onClear={() => setChosen(null)} />}
                <Row gutter={16}>
                  <Col xs={24} xl={14}>
                    <Card size="small" title={kind === 'person' ? t('findPerson') : t('findEmployer')} className="start-card">
                      <SubjectSearch kind={kind} query={queries[kind]} onQueryChange={setQuery} chosenId={subject?.id ?? null} onChoose={setChosen} />
                    </Card>
                  </Col>
                  <Col xs={24} xl={10}>
                    <Card size="small" title={kind === 'person' ? t('registerPerson') : t('registerEmployer')} className="start-card">
                      {kind === 'person' ? (
                        <PersonForm onRegistered={setChosen} showInList={setQuery} />
                      ) : (
                        <EmployerForm onRegistered={setChosen} showInList={setQuery} />
                      )}
                    </Card>
                  </Col>
                </Row>
              </>
            );
          }}
        </Loadable>
      )}
    </section>
  );
}
