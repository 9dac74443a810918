import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { useRef, type Ref } from 'react';
import { useLocalized } from '../i18n.ts';
import { navigate } from '../router.ts';
import { useMayDo } from '../session.ts';
import { Loadable } from '../shell/Loadable.tsx';
import { useApi } from '../shell/useApi.ts';
import { CaseActions } from './case/CaseActions.tsx';
import { CaseHeader } from './case/CaseHeader.tsx';
import { CaseHistory } from './case/CaseHistory.tsx';
import { CaseLedger } from './case/CaseLedger.tsx';
import { CaseNotFound, isMissingCase } from './case/CaseNotFound.tsx';
import { LinkedCases } from './case/LinkedCases.tsx';
import { useCaseMessages } from './case/messages.ts';
import { CaseDocuments } from './documents/CaseDocuments.tsx';
import { SeekerMatches, VACANCY_PROCESS } from './matching/SeekerMatches.tsx';

/** A section's heading; focusable by script (`tabIndex` -1), so focus can be put back on it. */
function SectionTitle({ id, children, ref }: { id: string; children: string; ref?: Ref<HTMLHeadingElement> }) {
  return (
    <Typography.Title level={3} id={id} className="case-section-title" tabIndex={-1} ref={ref}>
      {children}
    </Typography.Title>
  );
}

/** Back to where the user came from; to the case list when the page was opened directly (a bookmark, a new tab). */
function goBack(): void {
  if (window.history.length > 1) window.history.back();
  else navigate('/cases');
}

/**
 * The case page: the case at a glance, the actions the user may take now (each with its form),
 * the cases coordination linked to it, and its history. After a step, or when the case turns
 * out to have changed under the user, everything is read again. Following a link to another
 * case starts afresh, so nothing of the previous case is shown (or acted on) while it loads.
 */
export default function CasePage({ caseId }: { caseId: string }) {
  return <CaseView key={caseId} caseId={caseId} />;
}

function CaseView({ caseId }: { caseId: string }) {
  const t = useCaseMessages();
  const l = useLocalized();
  const detail = useApi('/api/cases/{id}', { path: { id: caseId } });
  const history = useApi('/api/cases/{id}/history', { path: { id: caseId } });
  const links = useApi('/api/cases/{id}/links', { path: { id: caseId } });
  const attachments = useApi('/api/cases/{id}/attachments', { path: { id: caseId } });
  const actionsTitle = useRef<HTMLHeadingElement>(null);
  const mayReadPersons = useMayDo('persons.read');
  const reloadAll = () => {
    detail.reload();
    history.reload();
    links.reload();
    attachments.reload();
  };
  // The button that had the focus is gone with the step: the keyboard carries on from the actions' heading.
  const focusActions = () => actionsTitle.current?.focus();
  const stepped = () => {
    reloadAll();
    focusActions();
  };

  return (
    <section aria-labelledby="case-title">
      <Space className="page-head" wrap>
        <Button onClick={goBack}>{t('back')}</Button>
        <Typography.Title level={2} id="case-title">
          {detail.data ? `${l(detail.data.processTitle)} · ${detail.data.caseNo}` : t('caseTitle')}
        </Typography.Title>
      </Space>
      {isMissingCase(detail.error) ? (
        <CaseNotFound error={detail.error} />
      ) : (
        <Loadable loaded={detail}>
          {(data) => (
            <>
              <CaseHeader detail={data} />
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={14}>
                  <Space orientation="vertical" size={16} className="case-column">
                    <Card size="small" title={<SectionTitle id="case-actions-title" ref={actionsTitle}>{t('actions')}</SectionTitle>} role="region" aria-labelledby="case-actions-title">
                      <CaseActions key={data.id} detail={data} onStepped={stepped} onFocusActions={focusActions} onStale={reloadAll} attachments={attachments.data ?? null} onAttachmentsChanged={attachments.reload} />
                    </Card>
                    <Card size="small" title={<SectionTitle id="case-links-title">{t('links')}</SectionTitle>} role="region" aria-labelledby="case-links-title">
                      <Loadable loaded={links}>{(loaded) => <LinkedCases links={loaded.items} />}</Loadable>
                    </Card>
                    {data.processId === VACANCY_PROCESS && mayReadPersons && <SeekerMatches key={`seekers-${data.version}`} caseId={data.id} />}
                    <CaseLedger key={data.version} caseId={data.id} />
                    <CaseDocuments key={`documents-${data.version}`} caseId={data.id} />
                  </Space>
                </Col>
                <Col xs={24} xl={10}>
                  <Card size="small" title={<SectionTitle id="case-history-title">{t('history')}</SectionTitle>} role="region" aria-labelledby="case-history-title">
                    <Loadable loaded={history}>
                      {(loaded) => (
                        <CaseHistory
                          steps={loaded.items}
                          active={data.status === 'active'}
                          moves={loaded.deadlineMoves}
                          knownForms={data.actions.flatMap((action) => (action.form ? [action.form.schema] : []))}
                          attachments={attachments.data?.items ?? []}
                          onAttachmentsChanged={attachments.reload}
                        />
                      )}
                    </Loadable>
                  </Card>
                </Col>
              </Row>
            </>
          )}
        </Loadable>
      )}
    </section>
  );
}
