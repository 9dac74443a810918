import type { PersonKey } from './cast.ts';
import { at, type Act, type SceneGroup, type Story } from './story.ts';

/** A guidance request: the caseworker opens it on `requestOn` and, when `acceptOn` is given, accepts it then. */
function requests(s: Story, who: PersonKey, requestOn: [number, string], intake?: { acceptOn: [number, string]; channel: string; needs: string[] }): [Act[], () => string] {
  let caseId = '';
  const acts = [at(...requestOn, async () => (caseId = (await s.open('vocational-guidance', await s.person(who))).id))];
  if (intake) {
    const { acceptOn, channel, needs } = intake;
    acts.push(at(...acceptOn, () => s.send('caseworker', caseId, 'accept', { channel, needs })));
  }
  return [acts, () => caseId];
}

/** A guidance session on the story's today. */
const session = (s: Story, caseId: string, topic: string, counsellorNotes: string) => s.send('caseworker', caseId, 'recordSession', { sessionDate: s.today(), topic, counsellorNotes });

/**
 * 林晓燕 is coached for the interview of her referral to the restaurant; her employment
 * registration closes the guidance as employed. 蔡佳琪 is advised to train as a childcare
 * worker and the guidance closes as she enrols.
 */
function closedGuidance(s: Story): Act[] {
  const [graduate, graduateCase] = requests(s, 'linXiaoyan', [8, '11:00'], { acceptOn: [8, '11:10'], channel: 'walk-in', needs: ['job-search', 'interview'] });
  const [trainee, traineeCase] = requests(s, 'caiJiaqi', [19, '10:00'], { acceptOn: [20, '09:40'], channel: 'online', needs: ['training-advice'] });
  return [
    ...graduate,
    at(10, '14:30', () => session(s, graduateCase(), 'interview', '模拟餐饮服务岗位面试，重点练习自我介绍和服务场景应答。')),
    at(15, '10:00', () => session(s, graduateCase(), 'job-search', '复盘餐厅面试情况，讲解试用期权益和劳动合同签订要点。')),
    ...trainee,
    at(22, '10:30', () => session(s, traineeCase(), 'training-advice', '本人有育儿经验，建议报名育婴员（五级）培训，可申领职业培训补贴。')),
    at(29, '15:00', () => s.send('caseworker', traineeCase(), 'close', { outcome: 'training', note: '已报名海沧区家庭服务培训学校育婴员培训班。' })),
  ];
}

/**
 * 周立军, referred from his unemployment registration, is accepted a day late, advised on
 * starting a business and agrees a plan; the follow-up visit has come due. 郑海峰's request
 * waits for intake.
 */
function openGuidance(s: Story): Act[] {
  const [entrepreneur, entrepreneurCase] = requests(s, 'zhouLijun', [24, '11:00'], { acceptOn: [27, '09:30'], channel: 'referral', needs: ['start-up', 'career-planning'] });
  const [waiting] = requests(s, 'zhengHaifeng', [50, '14:00']);
  return [
    ...entrepreneur,
    at(27, '10:00', () => session(s, entrepreneurCase(), 'start-up', '有汽车维修从业经历，讲解创业补贴和创业担保贷款政策，建议参加创业培训。')),
    at(28, '15:30', () =>
      s.send('caseworker', entrepreneurCase(), 'agreePlan', { planDate: s.today(), careerGoal: '在集美区开办汽车美容店，实现自主创业。', targetOccupation: '4-12-01-01', measures: ['start-up', 'training'] }),
    ),
    ...waiting,
  ];
}

export const vocationalGuidanceScenes: SceneGroup = {
  title: '职业指导 vocational guidance',
  acts: (s) => [...closedGuidance(s), ...openGuidance(s)],
};
