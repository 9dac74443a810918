import { socialInsuranceConnector, type ContributionsRequest, type ContributionsResult } from '../../runtime/connectors/index.ts';
import type { Backend } from '../../runtime/db/index.ts';
import { agencyPeer, connectAgency, type AgencyPeer } from './agency-peer.ts';
import type { TestClock, TestRuntime } from './test-runtime.ts';

export { CITY_CLIENT } from './agency-peer.ts';

/** 厦门市社会保险经办机构 (the agency). */
export const SOCIAL_INSURANCE_AGENCY = '350200-900';

/** One person's record at the agency. */
export type ContributionRecord = Omit<ContributionsResult, 'found'>;

/** The social insurance agency, simulated (`agencyPeer`), answering `social-insurance.contributions` from `records` (by ID number). */
export interface SocialInsurancePeer extends AgencyPeer<ContributionsRequest> {
  records: Map<string, ContributionRecord>;
}

export async function socialInsurancePeer(backend: Backend, clock: TestClock, records: Map<string, ContributionRecord>): Promise<SocialInsurancePeer> {
  const peer = await agencyPeer(backend, clock, { member: SOCIAL_INSURANCE_AGENCY, name: '厦门市社会保险中心' }, socialInsuranceConnector, ({ idNumber }): ContributionsResult => {
    const record = records.get(idNumber);
    return record ? { found: true, ...record } : { found: false, contributionMonths: 0, contributionsPaidFen: 0, asOf: clock.now().toISOString() };
  });
  return Object.assign(peer, { records });
}

/** Wires a city node to the agency (`connectAgency`). */
export function connectCity(city: TestRuntime, peer: SocialInsurancePeer, cityCode: string): Promise<void> {
  return connectAgency(city, peer, cityCode);
}
