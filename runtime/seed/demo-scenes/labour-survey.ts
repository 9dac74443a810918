import type { PersonKey } from './cast.ts';
import { at, type Act, type SceneGroup, type Story } from './story.ts';

/** 莲前街道前埔社区 and 嘉莲街道莲花北社区 of 思明区 (NBS 2023 codes), the sample communities. */
const QIANPU = '350203010029';
const LIANHUA_NORTH = '350203011004';

/** What the enumerator records at an interview, as the collection form asks it. */
interface Answers {
  householdId: string;
  employmentStatus: 'employed' | 'unemployed' | 'out-of-labour-force';
  occupationCode: string;
  education: string;
}

/**
 * A sampled person: the caseworker opens the case and assigns it to the community's enumerator
 * on `assignOn`, for the round of the month of working day `visitOn` (when the household is
 * visited). Returns the act and the case id once opened.
 */
function sampled(s: Story, who: PersonKey, communityCode: string, assignOn: [number, string], visitOn: number): [Act, () => string] {
  let caseId = '';
  const act = at(...assignOn, async () => {
    caseId = (await s.open('labour-survey', await s.person(who))).id;
    await s.send('caseworker', caseId, 'assign', { surveyRound: s.dateOf(visitOn).slice(0, 7), communityCode, enumerator: '社区调查员 方敏' });
  });
  return [act, () => caseId];
}

/** The caseworker records the answers given at the visit on working day `visitOn`. */
const collect = (s: Story, caseId: string, visitOn: number, communityCode: string, answers: Answers) =>
  s.send('caseworker', caseId, 'collect', { ...answers, surveyDate: s.dateOf(visitOn), residenceArea: communityCode });

/** The reviewer confirms the status recorded. */
const verify = (s: Story, caseId: string, verifiedStatus: Answers['employmentStatus']) => s.send('reviewer', caseId, 'verify', { verifiedStatus, opinion: '电话回访核实，与入户登记一致' });

/**
 * An earlier round in 思明区: 陈志强 (unemployed) and 林秀珍 (retired) are recorded; 孙雅婷's
 * occupation code is sent back, corrected and recorded; 杨国栋 was never found at home. This
 * month's round: 张丽华's answers wait for verification, 黄秀英's household for its visit.
 */
function surveyRounds(s: Story): Act[] {
  const [claimant, claimantCase] = sampled(s, 'chenZhiqiang', QIANPU, [29, '09:30'], 31);
  const [retired, retiredCase] = sampled(s, 'linXiuzhen', QIANPU, [29, '09:35'], 31);
  const [studio, studioCase] = sampled(s, 'sunYating', LIANHUA_NORTH, [29, '09:40'], 32);
  const [absent, absentCase] = sampled(s, 'yangGuodong', QIANPU, [29, '09:45'], 34);
  const [placed, placedCase] = sampled(s, 'zhangLihua', LIANHUA_NORTH, [48, '09:30'], 50);
  const [visitDue] = sampled(s, 'huangXiuying', QIANPU, [48, '09:40'], 51);
  const designer: Answers = { householdId: 'LHB-0125', employmentStatus: 'employed', occupationCode: '2-09-06-03', education: '20' };
  return [
    claimant,
    retired,
    studio,
    absent,
    at(31, '15:00', () => collect(s, claimantCase(), 31, QIANPU, { householdId: 'QP-0316', employmentStatus: 'unemployed', occupationCode: 'none', education: '60' })),
    at(31, '16:00', () => collect(s, retiredCase(), 31, QIANPU, { householdId: 'QP-0207', employmentStatus: 'out-of-labour-force', occupationCode: 'none', education: '80' })),
    at(32, '10:00', () => collect(s, studioCase(), 32, LIANHUA_NORTH, designer)),
    at(33, '10:00', () => verify(s, claimantCase(), 'unemployed')),
    at(33, '10:10', () => verify(s, retiredCase(), 'out-of-labour-force')),
    at(33, '10:20', () => s.send('reviewer', studioCase(), 'returnForCorrection', { correctionReason: '本人从事平面视觉设计，职业代码应为视觉传达设计人员，请核实后重新登记。' })),
    at(34, '11:00', () => collect(s, studioCase(), 32, LIANHUA_NORTH, { ...designer, occupationCode: '2-09-06-01' })),
    at(34, '16:00', () => s.send('caseworker', absentCase(), 'skip', { nonResponseReason: 'not-found', note: '三次入户未遇，本人白天参加电工培训。' })),
    at(36, '09:50', () => verify(s, studioCase(), 'employed')),
    placed,
    visitDue,
    at(50, '15:00', () => collect(s, placedCase(), 50, LIANHUA_NORTH, { householdId: 'LHB-0311', employmentStatus: 'employed', occupationCode: '3-01-04-01', education: '60' })),
  ];
}

export const labourSurveyScenes: SceneGroup = {
  title: '劳动力资源调查 labour force survey',
  acts: surveyRounds,
};
