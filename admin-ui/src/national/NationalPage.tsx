import { Col, Row, Typography } from 'antd';
import { useMayDo } from '../session.ts';
import { ClaimReconciliation } from './ClaimReconciliation.tsx';
import { NationalEmployers, NationalVacancies } from './NationalListings.tsx';
import { useNationalMessages } from './messages.ts';
import { PersonAcrossProvinces } from './PersonAcrossProvinces.tsx';
import { ProvinceMarket } from './ProvinceMarket.tsx';

/**
 * 全国查询 (`#/national`), the screen of the ministry's evaluators and administrators (`national.query`)
 * at the national node: each province's 求人倍率 for a quarter as the province answered, a person's
 * status in every province by ID number (the read recorded), and the provinces' vacancies and employers;
 * for its administrators (`national.claims`), the reconciliation of the national claims.
 */
export default function NationalPage() {
  const t = useNationalMessages();
  const mayReconcile = useMayDo('national.claims');
  return (
    <section aria-labelledby="national-title" className="national-page">
      <Typography.Title level={2} id="national-title">{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24}>
          <ProvinceMarket />
        </Col>
        <Col xs={24}>
          <PersonAcrossProvinces />
        </Col>
        <Col xs={24}>
          <NationalVacancies />
        </Col>
        <Col xs={24}>
          <NationalEmployers />
        </Col>
        {mayReconcile && (
          <Col xs={24}>
            <ClaimReconciliation />
          </Col>
        )}
      </Row>
    </section>
  );
}
