import type { Answer } from '../../../../client/index.ts';
import { Space, Tag } from 'antd';
import { useMatchingMessages } from './messages.ts';

/** Why a job seeker and a vacancy fit, as both directions of matching give it (`fit-rules.ts` on the server). */
export type Fit = Pick<
  Answer<'/api/persons/{id}/vacancy-matches', 'get'>['items'][number],
  'occupation' | 'region' | 'desiredOccupation' | 'desiredArea' | 'score' | 'payFits' | 'educationFits' | 'availableInTime'
>;

/** One tag per reason: how close occupation and area are, then pay, education and availability, each fitting (green) or not (orange). */
export function FitReasons({ fit }: { fit: Fit }) {
  const t = useMatchingMessages();
  type Key = Parameters<typeof t>[0];
  const condition = (fits: boolean, yes: Key, no: Key) => (
    <Tag color={fits ? 'green' : 'orange'}>{t(fits ? yes : no)}</Tag>
  );
  return (
    <Space size={[0, 4]} wrap>
      <Tag color="blue">{t(fit.occupation, { code: fit.desiredOccupation })}</Tag>
      <Tag color="blue">{t(fit.region, { code: fit.desiredArea })}</Tag>
      {condition(fit.payFits, 'payFits', 'payShort')}
      {condition(fit.educationFits, 'educationFits', 'educationShort')}
      {condition(fit.availableInTime, 'availableInTime', 'availableLate')}
    </Space>
  );
}
