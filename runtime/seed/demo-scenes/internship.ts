import { employers, type EmployerKey, type PersonKey } from './cast.ts';
import { at, monthAfter, type Act, type SceneGroup, type Story } from './story.ts';

/** An internship as the application states it; the graduate left school last summer. */
interface Placement {
  unit: EmployerKey;
  internshipPost: string;
  /** Calendar days from the application to the first day. */
  startsIn: number;
  months: number;
}

/** A graduate's application at a registered unit, opened and submitted by the caseworker; returns the case id. */
async function applies(s: Story, who: PersonKey, placement: Placement): Promise<string> {
  const { unit, internshipPost, startsIn, months } = placement;
  const application = await s.open('internship', await s.person(who));
  const startDate = s.date(startsIn);
  await s.send('caseworker', application.id, 'submit', {
    group: 'graduate',
    graduationDate: `${Number(startDate.slice(0, 4)) - 1}-07-01`,
    unitCreditCode: employers[unit].creditCode,
    internshipPost,
    startDate,
    months,
    monthlySubsidyFen: s.parameter('internship', 'monthlySubsidyFen'),
  });
  return application.id;
}

/** A month's subsidy claim, at the full monthly rate, for the month `monthsIn` after the start month; returns the month. */
async function claims(s: Story, caseId: string, startMonth: string, monthsIn: number): Promise<string> {
  const period = monthAfter(startMonth, monthsIn);
  await s.send('caseworker', caseId, 'submitClaim', { period, attendanceDays: 21, amountFen: s.parameter('internship', 'monthlySubsidyFen') });
  return period;
}

/**
 * 郭雨涵 interns in cross-border e-commerce: her first month's subsidy is paid from the
 * employment subsidy fund, the second month's claim waits for review.
 */
function paidIntern(s: Story): Act[] {
  let caseId = '';
  let startMonth = '';
  let claimed = '';
  return [
    at(3, '10:00', async () => {
      caseId = await applies(s, 'guoYuhan', { unit: 'huli', internshipPost: '跨境电商运营见习岗', startsIn: 10, months: 6 });
      startMonth = s.date(10).slice(0, 7);
    }),
    at(5, '15:00', () => s.send('reviewer', caseId, 'approve', { opinion: '离校未就业高校毕业生，见习单位已登记，同意见习' })),
    at(30, '10:00', async () => (claimed = await claims(s, caseId, startMonth, 0))),
    at(32, '11:00', () => s.send('supervisor', caseId, 'approveClaim', { paidPeriod: claimed, opinion: '考勤记录与见习协议核对无误，同意拨付' })),
    at(50, '10:30', () => claims(s, caseId, startMonth, 1)),
  ];
}

/**
 * 何俊杰 interns in quality inspection at the precision factory, which hires him before his term
 * ends: the employment registration ends the internship. 江婉婷 has just applied: the
 * caseworker has yet to check her application.
 */
function hiredIntern(s: Story): Act[] {
  let caseId = '';
  return [
    at(9, '09:45', async () => (caseId = await applies(s, 'heJunjie', { unit: 'jimei', internshipPost: '质量检验见习岗', startsIn: 7, months: 6 }))),
    at(11, '14:00', () => s.send('reviewer', caseId, 'approve', { opinion: '符合见习条件，同意见习' })),
    at(40, '10:00', async () => {
      const hire = await s.open('employment-registration', await s.person('heJunjie'));
      const contract = { employmentForm: 'contract', employerCreditCode: employers.jimei.creditCode, occupation: '6-31-03-05' };
      await s.send('caseworker', hire.id, 'register', { ...contract, hireDate: s.today(), contractEnd: s.date(3 * 365) });
    }),
    at(49, '11:00', async () => s.open('internship', await s.person('jiangWanting'))),
  ];
}

export const internshipScenes: SceneGroup = {
  title: '就业见习 internships',
  acts: (s) => [...paidIntern(s), ...hiredIntern(s)],
};
