import { employers, people, type PersonKey } from './cast.ts';
import { at, type Act, type SceneGroup, type StaffRole, type Story } from './story.ts';

/** What a scene says on an unemployment registration form; phone and residence come from the cast. */
interface Registration {
  category: string;
  unemployedSince: string;
  education: string;
  retirementCategory: 'male-60' | 'female-55' | 'female-50';
  previousEmployerCreditCode?: string;
  separationProof?: string;
  desiredOccupation?: string;
}

/**
 * A person registers unemployed: intake and submission by the caseworker at `submit`, and,
 * when `approve` is given, approval then by a reviewer (or the supervisor).
 */
export function registersUnemployed(s: Story, who: PersonKey, form: () => Registration, submit: [number, string], approve?: [number, string, StaffRole?]): Act[] {
  let caseId = '';
  const { phone, area } = people[who];
  const acts = [
    at(...submit, async () => {
      caseId = (await s.open('unemployment-registration', await s.person(who))).id;
      await s.send('caseworker', caseId, 'submit', { ...form(), phone, residenceArea: area });
    }),
  ];
  if (approve) acts.push(at(approve[0], approve[1], () => s.send(approve[2] ?? 'reviewer', caseId, 'approve', { opinion: '材料齐全，符合登记条件，予以登记' })));
  return acts;
}

/** The city's medical insurance agency, to which the fund pays a benefit recipient's medical insurance each month. */
const medicalAgency = { medicalAgencyCode: '123502004850012387', medicalAgencyName: '厦门市医疗保障事务中心', medicalAgencyAccount: '35150198010000012345', medicalAgencyBank: '中国建设银行厦门市分行' };

/** A separation proof number of the story's year. */
export const separationProof = (s: Story, serial: string) => `JC-${s.today().slice(0, 4)}-${serial}`;

/**
 * 陈志强: his logistics contract was not renewed. Registered unemployed and as a job seeker,
 * he claims benefit; approved for 18 months, it is paid on the first of every month since.
 */
function benefitClaimant(s: Story): Act[] {
  let unemployedSince = '';
  let benefit = '';
  return [
    ...registersUnemployed(
      s,
      'chenZhiqiang',
      () => {
        unemployedSince = s.date(-9);
        return { category: 'lost-job', unemployedSince, education: '60', retirementCategory: 'male-60', previousEmployerCreditCode: employers.minjiang.creditCode, separationProof: separationProof(s, '0358') };
      },
      [1, '09:40'],
      [2, '14:20'],
    ),
    at(3, '10:10', async () => {
      const seeking = await s.open('job-seeking', await s.person('chenZhiqiang'));
      const profile = { desiredOccupations: ['4-02-06-03', '4-03-02-05'], desiredAreas: ['350203', '350206'], expectedPayFen: 550_000, education: '60' };
      await s.send('caseworker', seeking.id, 'register', { ...profile, availableFrom: s.today(), validUntil: s.date(180) });
    }),
    at(4, '09:50', async () => {
      benefit = (await s.open('unemployment-benefit', await s.person('chenZhiqiang'))).id;
      const application = { contributionMonths: 86, separationReason: 'contract-expired-not-renewed', separationDate: unemployedSince, carriedOverMonths: 0 };
      await s.send('caseworker', benefit, 'check', { ...application, registrationDate: s.dateOf(2), bankAccount: '6217001930012345678' });
    }),
    at(6, '11:00', () =>
      s.send('reviewer', benefit, 'approve', { months: 18, monthlyAmountFen: s.parameter('unemployment-benefit', 'monthlyAmountFen'), ...medicalAgency, opinion: '累计缴费86个月，核定领取18个月' }),
    ),
  ];
}

/**
 * 王建华: employed by the logistics company for two years (the hire registered late, and marked so),
 * then dismissed. The involuntary
 * termination prompts an unemployment registration draft and a benefit application, both
 * waiting in the caseworker's inbox.
 */
function dismissedWorker(s: Story): Act[] {
  let hire = '';
  return [
    at(0, '10:00', async () => {
      hire = (await s.open('employment-registration', await s.person('wangJianhua'))).id;
      const contract = { employmentForm: 'contract', employerCreditCode: employers.minjiang.creditCode, occupation: '4-02-06-03' };
      await s.send('caseworker', hire, 'register', { ...contract, hireDate: s.date(-800), contractEnd: s.date(400), lateReport: true, lateReportReason: '用人单位未在录用之日起30日内办理，现予补办' });
    }),
    at(47, '15:00', () => s.send('caseworker', hire, 'terminate', { terminationDate: s.date(-1), terminationReason: 'dismissed', involuntary: true })),
  ];
}

/** 郑海峰: registered two working days before the end; the review is overdue and escalated. */
function awaitingReview(s: Story): Act[] {
  return registersUnemployed(
    s,
    'zhengHaifeng',
    () => ({ category: 'lost-job', unemployedSince: s.date(-6), education: '40', retirementCategory: 'male-60', previousEmployerCreditCode: employers.huli.creditCode, separationProof: separationProof(s, '1172') }),
    [46, '10:20'],
  );
}

/** 吴桂兰: her farmland was expropriated; registered unemployed (she applies for assistance later). */
function landExpropriated(s: Story): Act[] {
  return registersUnemployed(s, 'wuGuilan', () => ({ category: 'land-expropriated', unemployedSince: s.date(-30), education: '70', retirementCategory: 'female-50' }), [36, '09:30'], [37, '14:00']);
}

export const unemploymentScenes: SceneGroup = {
  title: '失业登记、就业登记与失业保险金 unemployment and employment registration, benefit',
  acts: (s) => [...benefitClaimant(s), ...dismissedWorker(s), ...awaitingReview(s), ...landExpropriated(s)],
};
