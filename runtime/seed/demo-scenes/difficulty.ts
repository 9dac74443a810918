import { employers, type PersonKey } from './cast.ts';
import { at, monthAfter, type Act, type SceneGroup, type StaffRole, type Story } from './story.ts';
import { registersUnemployed, separationProof } from './unemployment.ts';

/** The caseworker opens a difficulty recognition and verifies a 4050 applicant: the public notice starts. */
async function verify4050(s: Story, who: PersonKey, retirementCategory: string, caseId?: string): Promise<string> {
  const id = caseId ?? (await s.open('employment-difficulty', await s.person(who))).id;
  await s.send('caseworker', id, 'verify', { category: 'age-4050', retirementCategory, evidence: '身份证、失业登记证明、社区出具的家庭情况说明' });
  return id;
}

/** After the notice period, a reviewer recognises the person for a year. */
const recognise = (s: Story, by: StaffRole, caseId: string) => s.send(by, caseId, 'recognize', { validUntil: s.date(365), opinion: '公示期满无异议，予以认定' });

/**
 * 黄秀英 (born 1980), laid off: registered unemployed, recognised after the public notice, assisted
 * with a plan. She works flexibly in home services and gets the social insurance subsidy: her
 * employment registration sends the assistance to a re-check, confirmed. One month's subsidy
 * is paid, the next claim waits for review, and a public-welfare post is approved for her.
 */
function flexibleWorker(s: Story): Act[] {
  let difficulty = '';
  let subsidy = '';
  const claim = (period: string) => s.send('caseworker', subsidy, 'submitClaim', { period, contributionPaidFen: 120_000, amountFen: 80_000 });
  return [
    ...registersUnemployed(
      s,
      'huangXiuying',
      () => ({ category: 'lost-job', unemployedSince: s.date(-60), education: '70', retirementCategory: 'female-55', previousEmployerCreditCode: employers.lujiang.creditCode, separationProof: separationProof(s, '0207') }),
      [0, '11:00'],
      [1, '10:30'],
    ),
    at(3, '10:00', async () => (difficulty = await verify4050(s, 'huangXiuying', 'female-55'))),
    at(10, '10:00', () => recognise(s, 'reviewer', difficulty)),
    at(11, '14:00', () => s.send('caseworker', difficulty, 'startAssistance', { measures: ['social-insurance-subsidy', 'public-welfare-post', 'counselling'], nextVisitDate: s.date(30) })),
    at(12, '10:00', async () => {
      subsidy = (await s.open('social-insurance-subsidy', await s.person('huangXiuying'))).id;
      await s.send('caseworker', subsidy, 'verify', { workerType: 'flexible', category: 'age-4050', employmentStart: s.today(), recognizedOn: s.dateOf(10), retirementCategory: 'female-55', note: '从事家政服务，以灵活就业人员身份缴纳社会保险费' });
    }),
    at(13, '15:00', () => s.send('reviewer', subsidy, 'approve', { opinion: '符合灵活就业人员社会保险补贴条件' })),
    at(25, '10:00', async () => {
      const hire = await s.open('employment-registration', await s.person('huangXiuying'));
      await s.send('caseworker', hire.id, 'register', { employmentForm: 'flexible', hireDate: s.date(-2), occupation: '4-10-01-06' });
    }),
    at(26, '11:00', () => s.send('caseworker', difficulty, 'confirm', { recheckOpinion: '灵活就业收入不稳定，仍属就业困难人员，继续援助。' })),
    // The months from her start of flexible work (day 12) on: the first, then the next.
    at(30, '10:00', () => claim(s.dateOf(12).slice(0, 7))),
    at(32, '09:30', () => s.send('supervisor', subsidy, 'approveClaim', { opinion: '缴费记录核对无误，同意拨付' })),
    at(40, '09:40', () => s.send('caseworker', difficulty, 'visit', { visitDate: s.today(), outcome: '家政服务工作稳定，收入仍偏低，继续跟踪。', nextVisitDate: s.date(30) })),
    at(49, '10:00', () => claim(monthAfter(s.dateOf(12).slice(0, 7), 1))),
    at(50, '10:00', async () => s.open('public-welfare-post', await s.person('huangXiuying'))),
  ];
}

/**
 * 张丽华 (born 1982): recognised late (the review came after its deadline), then placed in a
 * public-welfare post at the street's community service centre. Her employment registration
 * cancels the unemployment registration. The first month's subsidy is paid, this month's
 * claim waits for review, and her social insurance subsidy as an employee waits too.
 */
function publicWelfarePost(s: Story): Act[] {
  let difficulty = '';
  let post = '';
  const jialian = employers.jialian.creditCode;
  return [
    ...registersUnemployed(
      s,
      'zhangLihua',
      () => ({ category: 'lost-job', unemployedSince: s.date(-45), education: '60', retirementCategory: 'female-55', previousEmployerCreditCode: employers.jimei.creditCode, separationProof: separationProof(s, '0112') }),
      [0, '14:00'],
      [1, '15:00'],
    ),
    at(2, '10:30', async () => (difficulty = await verify4050(s, 'zhangLihua', 'female-55'))),
    at(16, '09:45', () => recognise(s, 'supervisor', difficulty)),
    at(18, '10:00', async () => {
      const hire = await s.open('employment-registration', await s.person('zhangLihua'));
      await s.send('caseworker', hire.id, 'register', { employmentForm: 'public-welfare-post', employerCreditCode: jialian, hireDate: s.today() });
      post = (await s.open('public-welfare-post', await s.person('zhangLihua'))).id;
    }),
    at(19, '09:40', () => s.send('caseworker', post, 'place', { employerCreditCode: jialian, employerName: employers.jialian.name, employerAccount: '35101588001052500817', employerBank: '中国建设银行厦门嘉莲支行', postName: '社区公共服务协管员', placementStart: s.dateOf(18), monthlySubsidyFen: 150_000, retirementCategory: 'female-55' })),
    at(20, '14:00', async () => {
      const subsidy = await s.open('social-insurance-subsidy', await s.person('zhangLihua'));
      await s.send('caseworker', subsidy.id, 'verify', { workerType: 'employer-hired', employerCreditCode: jialian, employerName: employers.jialian.name, employerAccount: '35101588001052500817', employerBank: '中国建设银行厦门嘉莲支行', category: 'age-4050', employmentStart: s.dateOf(18), recognizedOn: s.dateOf(16), retirementCategory: 'female-55' });
    }),
    at(28, '10:00', () => s.send('caseworker', post, 'submitClaim', { period: s.dateOf(18).slice(0, 7), amountFen: 150_000 })),
    at(29, '10:30', () => s.send('reviewer', post, 'approveClaim', { opinion: '考勤表与工资发放记录齐全，同意拨付' })),
    at(48, '10:30', () => s.send('caseworker', post, 'submitClaim', { period: s.month(), amountFen: 150_000 })),
  ];
}

/**
 * 刘德明 (born 1973), laid off by the logistics company: registered unemployed, his benefit waits for
 * review, and his difficulty application was verified late; the public notice is running.
 */
function olderWorker(s: Story): Act[] {
  let unemployedSince = '';
  let difficulty = '';
  return [
    ...registersUnemployed(
      s,
      'liuDeming',
      () => {
        unemployedSince = s.date(-12);
        return { category: 'lost-job', unemployedSince, education: '70', retirementCategory: 'male-60', previousEmployerCreditCode: employers.minjiang.creditCode, separationProof: separationProof(s, '0930') };
      },
      [20, '09:40'],
      [21, '14:30', 'supervisor'],
    ),
    at(38, '11:00', async () => (difficulty = (await s.open('employment-difficulty', await s.person('liuDeming'))).id)),
    at(44, '10:00', async () => {
      const benefit = await s.open('unemployment-benefit', await s.person('liuDeming'));
      const application = { contributionMonths: 150, separationReason: 'economic-layoff', separationDate: unemployedSince, carriedOverMonths: 0 };
      await s.send('caseworker', benefit.id, 'check', { ...application, registrationDate: s.dateOf(21), bankAccount: '6230200212345678901' });
    }),
    at(48, '10:30', () => verify4050(s, 'liuDeming', 'male-60', difficulty)),
  ];
}

/** 吴桂兰 applies for recognition as a person with employment difficulty; the application waits. */
function waitingApplication(s: Story): Act[] {
  return [at(48, '09:40', async () => s.open('employment-difficulty', await s.person('wuGuilan')))];
}

export const difficultyScenes: SceneGroup = {
  title: '就业困难人员认定、公益性岗位与社会保险补贴 employment difficulty, public-welfare posts, social insurance subsidy',
  acts: (s) => [...flexibleWorker(s), ...publicWelfarePost(s), ...olderWorker(s), ...waitingApplication(s)],
};
