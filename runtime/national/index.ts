export { ClaimRequest, ClaimResult, claimNationally, NATIONAL_CLAIM, NATIONAL_RELEASE, claimQueryHandler, nationalReleaseHandler, takeClaim } from './claims.ts';
export { employersAcrossProvinces, NATIONAL_LIST_MAX, personAcrossProvinces, vacanciesAcrossProvinces, type ProvinceRecord } from './national-query.ts';
export { attachProvince, grantNationalReader, PROVINCE_VIEWS, provinceSchema, type ProvinceSource } from './provinces.ts';
export { NATIONAL_PERSON_READ, nationalReadHandler, ReadNotice } from './read-notice.ts';
export { linkProvince, type FederationNode } from './federation.ts';
export { marketAcrossProvinces, marketQueryHandler, MarketResult, NATIONAL_MARKET } from './market.ts';
export { ProvinceCode } from './province-code.ts';
export { CLAIM_CHECK_BATCH, CLAIM_CHECK_GRACE_MS, claimCheckHandler, ClaimCheckResult, NATIONAL_CLAIM_CHECK, NATIONAL_RECONCILE_EVERY_MS, ProvinceReconciliation, reconcileClaims, type Reconciler } from './claim-check.ts';
