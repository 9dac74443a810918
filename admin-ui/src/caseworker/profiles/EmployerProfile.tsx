import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import type { CaseItem } from '../../api.ts';
import { useLocalized } from '../../i18n.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useMayDo } from '../../session.ts';
import { useApi } from '../../shell/useApi.ts';
import { CaseLedger } from '../case/CaseLedger.tsx';
import { SHOW_SEEKERS, VACANCY_PROCESS } from '../matching/SeekerMatches.tsx';
import { useMatchingMessages } from '../matching/messages.ts';
import { EmployerDetails } from '../records/EmployerDetails.tsx';
import { useProfileMessages } from './messages.ts';
import { MasterData } from './MasterData.tsx';
import { ProfileHead } from './ProfileHead.tsx';
import { SubjectCases } from './SubjectCases.tsx';
import '../caseworker.css';

/** The employer's cases grouped by process (its vacancy postings, subsidy applications, ...), in the order first met. */
function byProcess(items: CaseItem[]): { processId: string; items: CaseItem[] }[] {
  const groups = new Map<string, CaseItem[]>();
  for (const item of items) groups.set(item.processId, [...(groups.get(item.processId) ?? []), item]);
  return [...groups].map(([processId, grouped]) => ({ processId, items: grouped }));
}

/** Whether a case is a vacancy open to applicants: a vacancy posting that is published. */
const isOpenVacancy = (item: CaseItem) => item.processId === VACANCY_PROCESS && item.state === 'published';

/**
 * 用人单位档案: an employer's master data (the contact phone masked unless the reader works cases),
 * the subsidies paid to it with their totals (for who reads the ledger), and every case of it in
 * the user's jurisdiction, one card per process: its vacancy postings (each open one linked to its
 * matching job seekers), its subsidy applications and the rest.
 */
export default function EmployerProfile({ employerId }: { employerId: string }) {
  const t = useProfileMessages();
  const m = useMatchingMessages();
  const l = useLocalized();
  const mayMatch = useMayDo('persons.read');
  const seekersLink = (item: CaseItem) =>
    mayMatch && isOpenVacancy(item) ? (
      <>
        {' · '}
        <a href={`#/cases/${item.id}?${SHOW_SEEKERS}`}>{m('findSeekers')}</a>
      </>
    ) : null;
  const employer = useApi('/api/employers/{id}', { path: { id: employerId } });
  const cases = useApi('/api/cases', { query: { subjectId: employerId, pageSize: 100 } });
  const [details, setDetails] = useState(false);
  return (
    <section aria-labelledby="employer-title">
      <ProfileHead titleId="employer-title" kind={t('employerTitle')} name={employer.data?.name} />
      <Loadable loaded={employer}>
        {(e) => (
          <div className="cw-profile-grid">
            <div>
              <Card size="small" title={t('masterData')} extra={<Button size="small" onClick={() => setDetails(true)}>{t('moreDetails')}</Button>}>
                <MasterData
                  items={[
                    { key: 'name', label: t('name'), children: e.name },
                    { key: 'creditCode', label: t('creditCode'), children: <span className="cw-nowrap">{e.creditCode}</span> },
                    { key: 'legalRep', label: t('legalRep'), children: e.legalRepName ?? '—' },
                    { key: 'address', label: t('address'), children: e.address ?? '—' },
                    { key: 'industry', label: t('industry'), children: e.industry ?? '—' },
                    { key: 'contact', label: t('contact'), children: [e.contactName, e.contactPhone].filter(Boolean).join(' ') || '—' },
                  ]}
                />
              </Card>
            </div>
            <div>
              <Loadable loaded={cases}>
                {(page) => (
                  <Space orientation="vertical" size={16} className="case-column">
                    <CaseLedger employerId={employerId} />
                    {page.items.length === 0 && <Card size="small" title={t('cases')}><SubjectCases items={[]} label={t('cases')} /></Card>}
                    {byProcess(page.items).map((group) => {
                      const title = l(group.items[0]!.processTitle);
                      return (
                        <Card key={group.processId} size="small" title={title}>
                          <SubjectCases items={group.items} label={title} more={seekersLink} />
                        </Card>
                      );
                    })}
                  </Space>
                )}
              </Loadable>
            </div>
            {details && <EmployerDetails employerId={employerId} onClose={() => { setDetails(false); employer.reload(); }} />}
          </div>
        )}
      </Loadable>
    </section>
  );
}
