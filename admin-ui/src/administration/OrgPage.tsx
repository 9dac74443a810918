import { Col, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call, client, type SessionUser } from '../api.ts';
import { AddCity } from './AddCity.tsx';
import { useAdminMessages } from './messages.ts';
import { OrgTree } from './OrgTree.tsx';
import type { CataloguePost } from './types.ts';
import { UnitPanel } from './UnitPanel.tsx';

/**
 * 机构与岗位 (`#/admin/org`): the org tree a level at a time, the chosen unit's offices and posts
 * with their holders, and for a provincial or the ministry's administrator a new city.
 */
export default function OrgPage({ user }: { user: SessionUser }) {
  const t = useAdminMessages();
  const [selected, setSelected] = useState<string | null>(user.orgUnit.id);
  const [catalogue, setCatalogue] = useState<CataloguePost[]>([]);
  const [reloadKey, setReloadKey] = useState<{ parent: string; n: number } | null>(null);
  useEffect(() => {
    void call(client.GET('/api/admin/org/post-catalogue')).then((body) => setCatalogue(body.items));
  }, []);
  const reloadChildren = (parent: string) => setReloadKey((key) => ({ parent, n: (key?.n ?? 0) + 1 }));
  return (
    <section aria-labelledby="org-title">
      <Typography.Title level={2} id="org-title">{t('orgTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('orgIntro')}</Typography.Paragraph>
      {user.permissions.includes('org.cities') && <AddCity onAdded={() => reloadChildren(user.orgUnit.id)} />}
      <Row gutter={16}>
        <Col xs={24} md={9}>
          <OrgTree selected={selected} onSelect={setSelected} reloadKey={reloadKey} />
        </Col>
        <Col xs={24} md={15}>
          {selected ? <UnitPanel key={selected} unitId={selected} catalogue={catalogue} onOfficeCreated={reloadChildren} /> : <Typography.Text>{t('chooseUnit')}</Typography.Text>}
        </Col>
      </Row>
    </section>
  );
}
