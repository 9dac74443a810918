import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { codeLabel, useDivisionNames } from '../../forms/code-tables.ts';
import { Loadable } from '../../shell/Loadable.tsx';
import { useApi } from '../../shell/useApi.ts';
import { CaseLedger } from '../case/CaseLedger.tsx';
import { PersonDetails } from '../case/PersonDetails.tsx';
import { useProfileMessages } from './messages.ts';
import { MasterData } from './MasterData.tsx';
import { PersonMatches } from './PersonMatches.tsx';
import { ProfileHead } from './ProfileHead.tsx';
import { SubjectCases } from './SubjectCases.tsx';
import '../caseworker.css';

/** The statuses a person's page names, with the value that shows each. */
const SHOWN_STATUSES = [
  { key: 'unemploymentStatus', value: 'registered', text: 'unemployed', color: 'orange' },
  { key: 'employmentStatus', value: 'employed', text: 'employed', color: 'green' },
  { key: 'difficultyStatus', value: 'recognized', text: 'difficulty', color: 'purple' },
] as const;

/**
 * 服务对象档案: a person's master data (its areas by name; read as the server allows: in full for
 * who handles them, the read recorded), statuses, 就业创业证 number, every case in the user's jurisdiction, the
 * payments made to them (for who reads the ledger) and the vacancies that match their profile.
 */
export default function PersonProfile({ personId }: { personId: string }) {
  const t = useProfileMessages();
  const person = useApi('/api/persons/{id}', { path: { id: personId } });
  const cases = useApi('/api/cases', { query: { subjectId: personId, pageSize: 100 } });
  const [details, setDetails] = useState(false);
  const divisionName = useDivisionNames([person.data?.hukouArea, person.data?.residenceArea]);
  const area = (code: string | null) => (code ? codeLabel(code, divisionName(code)) : '—');
  return (
    <section aria-labelledby="person-title">
      <ProfileHead titleId="person-title" kind={t('personTitle')} name={person.data?.name} />
      <Loadable loaded={person}>
        {(p) => {
          const statuses = SHOWN_STATUSES.filter((s) => p.statuses[s.key] === s.value);
          return (
            <div className="cw-profile-grid">
              <div>
                <Card size="small" title={t('masterData')} extra={<Button size="small" onClick={() => setDetails(true)}>{t('moreDetails')}</Button>}>
                  <MasterData
                    items={[
                      { key: 'name', label: t('name'), children: p.name },
                      { key: 'id', label: t('idNumber'), children: <span className="cw-nowrap">{p.idNumber}</span> },
                      { key: 'gender', label: t('gender'), children: t(p.gender) },
                      { key: 'birth', label: t('birthDate'), children: p.birthDate },
                      { key: 'phone', label: t('phone'), children: p.phone ?? '—' },
                      { key: 'hukouArea', label: t('hukouArea'), children: area(p.hukouArea) },
                      { key: 'residenceArea', label: t('residenceArea'), children: area(p.residenceArea) },
                      { key: 'address', label: t('address'), children: p.address ?? '—' },
                      { key: 'statuses', label: t('statuses'), children: statuses.length > 0 ? statuses.map((s) => <Tag key={s.key} color={s.color}>{t(s.text)}</Tag>) : t('noStatus') },
                      { key: 'certificate', label: t('certificate'), children: p.certificateNo ? t('certificateNo', { no: p.certificateNo }) : t('noCertificate') },
                    ]}
                  />
                  {p.masked && <Typography.Paragraph type="secondary">{t('maskedNote')}</Typography.Paragraph>}
                </Card>
              </div>
              <div>
                <Space orientation="vertical" size={16} className="case-column">
                  <Card size="small" title={t('cases')}>
                    <Loadable loaded={cases}>{(page) => <SubjectCases items={page.items} label={t('cases')} />}</Loadable>
                  </Card>
                  <CaseLedger personId={personId} />
                  <PersonMatches personId={personId} />
                </Space>
              </div>
              {details && <PersonDetails personId={personId} onClose={() => { setDetails(false); person.reload(); }} />}
            </div>
          );
        }}
      </Loadable>
    </section>
  );
}
