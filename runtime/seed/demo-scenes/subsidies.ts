import { isPlatformError } from '../../../engine/index.ts';
import { registerEmployer } from '../../employers/index.ts';
import { issueBatch } from '../../ledger/index.ts';
import { businesses, idNumberOf, type PersonKey } from './cast.ts';
import { at, STORY_WORKING_DAYS, type Act, type SceneGroup, type Story } from './story.ts';
import { registersUnemployed } from './unemployment.ts';

/** A filed training class of a registered training institution (`demo-institutions.ts`): the trainee enrols (the case opens) and, on `startOn`, the class starts. */
function trainingClass(s: Story, who: PersonKey, enrolOn: number, startOn: number, training: { classNo: string; institutionCreditCode: string; occupation: string; level: number }): [Act[], () => string] {
  let caseId = '';
  const acts = [
    at(enrolOn, '09:30', async () => (caseId = (await s.open('training-subsidy', await s.person(who))).id)),
    at(startOn, '10:00', () => s.send('caseworker', caseId, 'startTraining', { ...training, classNo: `PX${s.today().slice(0, 4)}-${training.classNo}`, startDate: s.today() })),
  ];
  return [acts, () => caseId];
}

/** Assessment passed at the city's registered assessment centre, certificate recorded the next working day. */
function certified(s: Story, caseId: () => string, assessOn: number, certifyOn: number, certificate: { certificateNo: string; certificateType: string }): Act[] {
  return [
    at(assessOn, '10:00', () => s.send('caseworker', caseId(), 'assess', { result: 'pass', assessedOn: s.today(), assessmentBodyCreditCode: '123502004265107100' })),
    at(certifyOn, '11:00', () => s.send('caseworker', caseId(), 'certify', { ...certificate, issuedOn: s.today() })),
  ];
}

/** A claim at the catalogue rate of the level, for the year of the certificate issued on working day `certifiedOn`; both trainees are rural workers moving to non-farm work. */
const claim = (s: Story, caseId: string, subsidyKind: string, level: number, certifiedOn: number) =>
  s.send('caseworker', caseId, 'claim', { subsidyKind, eligibleGroup: 'rural-migrant', groupProofNo: '农村转移就业登记 350206-2026-0412', amountFen: s.parameter('training-subsidy', `rateLevel${level}Fen`), year: s.dateOf(certifiedOn).slice(0, 4) });

/**
 * Three trainees: 许文博 (cook, level 4) is certified and paid from the employment subsidy
 * fund; 杨国栋 (electrician, level 3) is certified and his claim waits for review; 蔡佳琪
 * (childcare, level 5) is in training.
 */
function trainees(s: Story): Act[] {
  const [cook, cookCase] = trainingClass(s, 'xuWenbo', 1, 2, { classNo: 'HL-0815', institutionCreditCode: '52350206MJ01020306', occupation: '4-03-02-01', level: 4 });
  const [electrician, electricianCase] = trainingClass(s, 'yangGuodong', 10, 11, { classNo: 'JM-0926', institutionCreditCode: '52350211MJ0204184M', occupation: '6-31-01-03', level: 3 });
  const [childcare] = trainingClass(s, 'caiJiaqi', 30, 31, { classNo: 'HC-1103', institutionCreditCode: '52350205MJ03051293', occupation: '4-10-01-02', level: 5 });
  return [
    ...cook,
    ...certified(s, cookCase, 25, 27, { certificateNo: 'S350206000154', certificateType: 'skill-level' }),
    at(28, '10:00', () => claim(s, cookCase(), 'training', 4, 27)),
    at(31, '15:00', () => s.send('reviewer', cookCase(), 'approveClaim', { opinion: '证书真实有效，同意按目录标准补贴' })),
    ...electrician,
    ...certified(s, electricianCase, 36, 37, { certificateNo: 'ZG350203002871', certificateType: 'vocational-qualification' }),
    at(38, '14:00', () => claim(s, electricianCase(), 'skill-appraisal', 3, 37)),
    ...childcare,
  ];
}

/**
 * The entrepreneur's business on the employer register, `who` its legal representative, established
 * `startedDaysAgo` days ago (the start-up rules check both); kept as it is when registered before.
 */
async function registerBusiness(s: Story, who: PersonKey, business: keyof typeof businesses, startedDaysAgo: number): Promise<void> {
  try {
    await registerEmployer(s.rt, s.user('caseworker'), { ...businesses[business], legalRepIdNumber: idNumberOf(who), establishedOn: s.date(-startedDaysAgo) });
    s.created.employers++;
  } catch (error) {
    if (!isPlatformError(error, 'DUPLICATE_RECORD')) throw error;
  }
}

/** A start-up subsidy application for a business registered `startedDaysAgo` days ago (or on `startedOn`, when registered on an earlier day of the story). */
async function applyForStartUpSubsidy(s: Story, who: PersonKey, business: keyof typeof businesses, startedDaysAgo: number, graduate: boolean, startedOn = s.date(-startedDaysAgo)): Promise<string> {
  await registerBusiness(s, who, business, startedDaysAgo);
  const application = await s.open('start-up-subsidy', await s.person(who));
  const { name, creditCode } = businesses[business];
  const amountFen = s.parameter('start-up', 'startUpSubsidyFen');
  await s.send('caseworker', application.id, 'submit', { businessCreditCode: creditCode, businessName: name, businessStartDate: startedOn, amountFen, graduate, period: 'once' });
  return application.id;
}

/** A guaranteed business loan application, checked by the caseworker: it waits for the guarantee review. */
async function applyForLoan(s: Story, who: PersonKey, business: keyof typeof businesses, loan: Record<string, unknown>): Promise<string> {
  const application = await s.open('business-loan-interest', await s.person(who));
  await s.send('caseworker', application.id, 'checkEligibility', { borrowerType: 'individual', ...loan, businessCreditCode: businesses[business].creditCode });
  return application.id;
}

/** The `YYYY-Qn` quarter of a date. */
const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/** Days from one day to another, the first counted and the last not (the days of interest). */
const daysFrom = (from: string, until: string) => Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000);

/** The day after a quarter's last: the first of its next quarter. */
const afterQuarter = (date: string) => {
  const month = Math.ceil(Number(date.slice(5, 7)) / 3) * 3 + 1;
  return month > 12 ? `${Number(date.slice(0, 4)) + 1}-01-01` : `${date.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
};

/** 建设银行思明支行, the lending bank the interest subsidy is paid to. */
const jianshe = { lender: '中国建设银行厦门思明支行', lenderCode: '9135020015402120X1', lenderAccount: '35150198010100000123', lenderBank: '中国建设银行厦门思明支行' };

/**
 * 孙雅婷, a recent graduate with a design studio, gets the start-up subsidy after its public
 * notice (five working days, ended by its timer) and a guaranteed loan; a quarter's interest
 * subsidy is paid. 周立军, registered unemployed, applied for both: his loan waits for review,
 * his subsidy is under public notice on the public site (公示, /notices) when the story ends.
 */
function entrepreneurs(s: Story): Act[] {
  let subsidy = '';
  let loan = '';
  let lijunStartedOn = '';
  return [
    at(5, '10:00', async () => (subsidy = await applyForStartUpSubsidy(s, 'sunYating', 'yatingStudio', 540, true))),
    at(13, '14:00', () => s.send('reviewer', subsidy, 'approve', { opinion: '毕业2年内高校毕业生创业，公示期满无异议，经营正常，同意补贴' })),
    at(8, '15:30', async () => (loan = await applyForLoan(s, 'sunYating', 'yatingStudio', { eligibleGroup: 'graduate', groupProofNo: '毕业证书 103841202205001234', loanAmountFen: 20_000_000, termMonths: 24, ...jianshe }))),
    at(10, '10:30', () => s.send('supervisor', loan, 'approveGuarantee', { opinion: '经营稳定，同意提供担保' })),
    at(15, '10:00', () => s.send('caseworker', loan, 'disburse', { disbursedOn: s.today(), disbursedAmountFen: 20_000_000, annualRatePercent: 3.45, lprBasisPoints: s.parameter('start-up', 'lprBasisPoints') })),
    at(40, '10:00', () => {
      // The quarter of the disbursement, from its day: 3.45% paid, the borrower bearing LPR − 150 bp, the rest subsidised (days ÷ 360).
      const disbursedOn = s.dateOf(15);
      const days = daysFrom(disbursedOn, afterQuarter(disbursedOn));
      const interestPaidFen = Math.floor((20_000_000 * 345 * days) / 3_600_000);
      const subsidisedBp = 345 - s.parameter('start-up', 'lprBasisPoints') + s.parameter('start-up', 'borrowerBearsBelowLprBp');
      const amountFen = Math.floor((20_000_000 * subsidisedBp * days) / 3_600_000);
      return s.send('caseworker', loan, 'claimInterest', { period: quarterOf(disbursedOn), interestPaidFen, amountFen });
    }),
    at(41, '11:00', () => s.send('reviewer', loan, 'approveInterest', { opinion: '结息单核对无误，同意贴息' })),
    ...registersUnemployed(s, 'zhouLijun', () => ({ category: 'business-closed', unemployedSince: s.date(-25), education: '60', retirementCategory: 'male-60' }), [24, '10:00'], [25, '10:30']),
    at(43, '10:30', async () => {
      lijunStartedOn = s.date(-400);
      await registerBusiness(s, 'zhouLijun', 'lijunCarCare', 400);
    }),
    // Two working days before the story ends: his notice period runs on after it, so the public site shows it.
    at(STORY_WORKING_DAYS - 2, '10:30', () => applyForStartUpSubsidy(s, 'zhouLijun', 'lijunCarCare', 400, false, lijunStartedOn)),
    at(45, '09:30', () =>
      applyForLoan(s, 'zhouLijun', 'lijunCarCare', {
        eligibleGroup: 'registered-unemployed',
        loanAmountFen: 15_000_000,
        termMonths: 36,
        lender: '厦门农村商业银行集美支行',
        lenderCode: '9135020026013630XR',
        lenderAccount: '90020120010000456789',
        lenderBank: '厦门农村商业银行集美支行',
      }),
    ),
  ];
}

/** The caseworker issues the employment subsidy fund's payment batch; the reviewer has yet to approve sending it. */
function paymentBatch(s: Story): Act[] {
  return [at(42, '16:00', () => issueBatch(s.rt, s.user('caseworker'), { fund: 'employment-subsidy' }))];
}

export const subsidyScenes: SceneGroup = {
  title: '职业培训补贴、创业补贴、创业担保贷款贴息与拨付批次 training, start-up and loan interest subsidies, payment batch',
  acts: (s) => [...trainees(s), ...entrepreneurs(s), ...paymentBatch(s)],
};
