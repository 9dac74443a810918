import { employers, type EmployerKey, type PersonKey } from './cast.ts';
import { at, type Act, type SceneGroup, type Story } from './story.ts';
import { registersUnemployed } from './unemployment.ts';

/** A posting as a scene describes it; the employer, validity start and contact are filled in. */
interface Posting {
  title: string;
  occupation: string;
  headcount: number;
  duties: string;
  requirements: string;
  education: string;
  payMinFen: number;
  payMaxFen: number;
  workArea: string;
  validDays: number;
}

/** A vacancy once opened: its case, and what a referral to it must name. */
interface Vacancy {
  id: string;
  caseNo: string;
  employerCreditCode: string;
  occupation: string;
}

/** The caseworker registers an employer's posting and submits it; `vacancy` is filled in. */
async function submitPosting(s: Story, vacancy: Vacancy, employer: EmployerKey, posting: Posting): Promise<void> {
  const { validDays, ...fields } = posting;
  const opened = await s.open('vacancy-posting', s.employer(employer));
  Object.assign(vacancy, { id: opened.id, caseNo: opened.caseNo, employerCreditCode: employers[employer].creditCode, occupation: posting.occupation });
  const terms = { payBasis: 'monthly', employmentForm: 'full-time', contactName: '人事专员', contactPhone: '13806001234' };
  await s.send('caseworker', vacancy.id, 'submit', { ...fields, ...terms, employerCreditCode: vacancy.employerCreditCode, validFrom: s.today(), validUntil: s.date(validDays) });
}

const newVacancy = (): Vacancy => ({ id: '', caseNo: '', employerCreditCode: '', occupation: '' });

/**
 * Four postings: the restaurant's waiters (published, referrals go there), the logistics
 * company's short posting (expires during the story), a factory posting reviewed late and
 * sent back for revision, and an e-commerce posting waiting for review.
 */
function postings(s: Story, waiters: Vacancy): Act[] {
  const warehouse = newVacancy();
  const operators = newVacancy();
  const operations = newVacancy();
  const publish = (vacancy: Vacancy) => s.send('reviewer', vacancy.id, 'publish', { opinion: '信息真实完整，无歧视性内容，同意发布' });
  const warehousePosting = { title: '仓库理货员', occupation: '4-02-06-03', headcount: 2, duties: '负责货物入库验收、分拣理货与出库复核。', requirements: '男女不限，能适应倒班。' };
  const waiterPosting = { title: '餐厅服务员', occupation: '4-03-02-05', headcount: 3, duties: '负责前厅接待、点餐与传菜，保持就餐区域整洁。', requirements: '男女不限，能适应早晚班，有餐饮服务经验者优先。' };
  return [
    at(1, '10:30', () => submitPosting(s, warehouse, 'minjiang', { ...warehousePosting, education: '70', payMinFen: 420_000, payMaxFen: 520_000, workArea: '350206', validDays: 20 })),
    at(2, '09:40', () => s.send('reviewer', warehouse.id, 'startReview', {})),
    at(2, '15:00', () => publish(warehouse)),
    at(3, '09:45', () => submitPosting(s, waiters, 'lujiang', { ...waiterPosting, education: '60', payMinFen: 450_000, payMaxFen: 600_000, workArea: '350203', validDays: 89 })),
    at(4, '10:00', () => s.send('reviewer', waiters.id, 'startReview', { reviewNote: '核对营业执照与招聘简章' })),
    at(5, '11:30', () => publish(waiters)),
    at(44, '09:50', () =>
      submitPosting(s, operators, 'jimei', {
        title: '数控车床操作工', occupation: '6-18-01-01', headcount: 5, duties: '按图纸操作数控车床加工零件，做好首件自检与设备日常保养。', requirements: '男女不限，持四级及以上车工证书者优先。',
        education: '40', payMinFen: 550_000, payMaxFen: 750_000, workArea: '350211', validDays: 60,
      }),
    ),
    at(47, '10:30', () => s.send('reviewer', operators.id, 'startReview', {})),
    at(48, '16:00', () => s.send('reviewer', operators.id, 'requestRevision', { revisionNote: '请补充班次安排和加班费计算方式后重新提交。' })),
    at(50, '10:00', () =>
      submitPosting(s, operations, 'huli', {
        title: '跨境电商运营专员', occupation: '4-01-02-03', headcount: 2, duties: '负责店铺商品上架、活动策划与数据分析。', requirements: '熟练使用办公软件，英语读写良好。',
        education: '20', payMinFen: 600_000, payMaxFen: 900_000, workArea: '350206', validDays: 75,
      }),
    ),
  ];
}

/**
 * Three postings published in the story's last days, open on the public job search (公共招聘网)
 * when it ends: an accountant in 思明区 (the one its browser test finds by 会计 and the district),
 * a lorry driver and a maintenance electrician (会计, 司机, 电工: two-character words). One
 * position each and late, so that the last ended quarter's figures stay as they were.
 */
function publicPostings(s: Story): Act[] {
  const accountant = newVacancy();
  const driver = newVacancy();
  const electrician = newVacancy();
  const review = (vacancy: Vacancy) => s.send('reviewer', vacancy.id, 'startReview', {});
  const publish = (vacancy: Vacancy) => s.send('reviewer', vacancy.id, 'publish', { opinion: '信息真实完整，无歧视性内容，同意发布' });
  return [
    at(48, '10:20', () =>
      submitPosting(s, accountant, 'luyuan', {
        title: '财务会计', occupation: '2-06-03-00', headcount: 1, duties: '负责客户企业的日常账务处理、编制财务报表与纳税申报。', requirements: '会计学相关专业，持初级会计专业技术资格证书，男女不限。',
        education: '20', payMinFen: 600_000, payMaxFen: 800_000, workArea: '350203', validDays: 60,
      }),
    ),
    at(49, '09:30', () => review(accountant)),
    at(49, '10:40', () =>
      submitPosting(s, driver, 'minjiang', {
        title: '货车司机', occupation: '4-02-02-02', headcount: 1, duties: '驾驶厢式货车在厦门市内及泉州、漳州配送货物，做好车辆日常检查。', requirements: '持C1及以上驾驶证，三年以上驾龄，男女不限。',
        education: '70', payMinFen: 650_000, payMaxFen: 850_000, workArea: '350205', validDays: 45,
      }),
    ),
    at(49, '11:10', () =>
      submitPosting(s, electrician, 'jimei', {
        title: '设备维修电工', occupation: '6-31-01-03', headcount: 1, duties: '负责车间数控设备与配电线路的日常巡检、故障排查和维修。', requirements: '持低压电工作业证，能适应倒班，男女不限。',
        education: '40', payMinFen: 550_000, payMaxFen: 700_000, workArea: '350211', validDays: 45,
      }),
    ),
    at(49, '14:30', () => publish(accountant)),
    at(50, '09:20', () => review(driver)),
    at(50, '09:40', () => review(electrician)),
    at(50, '10:30', () => publish(driver)),
    at(50, '11:00', () => publish(electrician)),
  ];
}

/** Opens a referral of a person to a vacancy and refers them; returns the case id. */
async function refer(s: Story, who: PersonKey, vacancy: Vacancy): Promise<string> {
  const referral = await s.open('job-referral', await s.person(who));
  await s.send('caseworker', referral.id, 'refer', { vacancyCaseNo: vacancy.caseNo, employerCreditCode: vacancy.employerCreditCode, occupation: vacancy.occupation });
  return referral.id;
}

/**
 * 林晓燕: a graduate, registered unemployed (approved a day late) and as a job seeker, is
 * referred to the restaurant, interviewed and hired. Her employment registration cancels the
 * unemployment registration, closes the job seeking and completes the referral.
 */
function graduateFindsWork(s: Story, waiters: Vacancy): Act[] {
  let referral = '';
  let startDate = '';
  return [
    ...registersUnemployed(s, 'linXiaoyan', () => ({ category: 'school-leaver', unemployedSince: s.date(-40), education: '20', retirementCategory: 'female-55', desiredOccupation: '4-03-02-05' }), [2, '10:30'], [6, '09:20']),
    at(7, '10:00', async () => {
      const seeking = await s.open('job-seeking', await s.person('linXiaoyan'));
      const profile = { desiredOccupations: ['4-03-02-05', '4-01-02-03'], desiredAreas: ['350206', '350203'], expectedPayFen: 500_000, education: '20' };
      await s.send('caseworker', seeking.id, 'register', { ...profile, availableFrom: s.today(), validUntil: s.date(120) });
    }),
    at(12, '10:15', async () => (referral = await refer(s, 'linXiaoyan', waiters))),
    at(14, '15:30', () => s.send('caseworker', referral, 'interview', { interviewDate: s.today(), interviewNote: '沟通表达良好，用人单位有意录用。' })),
    at(17, '11:00', () => s.send('caseworker', referral, 'hire', { startDate: (startDate = s.date(5)) })),
    at(22, '09:30', async () => {
      const hire = await s.open('employment-registration', await s.person('linXiaoyan'));
      const contract = { employmentForm: 'contract', employerCreditCode: employers.lujiang.creditCode, occupation: '4-03-02-05' };
      await s.send('caseworker', hire.id, 'register', { ...contract, hireDate: startDate, contractEnd: s.date(3 * 365) });
    }),
  ];
}

/**
 * 刘德明 registers as a job seeker (a referral needs an active registration), is referred to the
 * restaurant and not hired; 陈志强's referral awaits the interview.
 */
function otherReferrals(s: Story, waiters: Vacancy): Act[] {
  let referral = '';
  return [
    at(31, '09:30', async () => {
      const seeking = await s.open('job-seeking', await s.person('liuDeming'));
      const profile = { desiredOccupations: ['4-03-02-05', '4-02-06-03'], desiredAreas: ['350211', '350203'], expectedPayFen: 450_000, education: '60' };
      await s.send('caseworker', seeking.id, 'register', { ...profile, availableFrom: s.today(), validUntil: s.date(90) });
    }),
    at(33, '10:00', async () => (referral = await refer(s, 'liuDeming', waiters))),
    at(36, '15:00', () => s.send('caseworker', referral, 'interview', { interviewDate: s.today() })),
    at(40, '10:00', () => s.send('caseworker', referral, 'rejectByEmployer', { employerRejectionReason: '岗位需长期夜班，本人身体条件不适合。' })),
    at(44, '10:40', () => refer(s, 'chenZhiqiang', waiters)),
  ];
}

/**
 * 许文博 registers as a job seeker for two weeks only; the registration expires. On the story's
 * opening, so the last ended quarter has a job seeker for the early warning to count.
 */
function shortJobSearch(s: Story): Act[] {
  return [
    at(s.opening(3), '14:00', async () => {
      const seeking = await s.open('job-seeking', await s.person('xuWenbo'));
      const profile = { desiredOccupations: ['4-03-02-01'], desiredAreas: ['350206'], expectedPayFen: 600_000, education: '40' };
      await s.send('caseworker', seeking.id, 'register', { ...profile, availableFrom: s.today(), validUntil: s.date(14) });
    }),
  ];
}

export const jobMatchingScenes: SceneGroup = {
  title: '岗位登记、求职登记与职业介绍 vacancies, job seekers and referrals',
  acts: (s) => {
    const waiters = newVacancy();
    return [...postings(s, waiters), ...publicPostings(s), ...graduateFindsWork(s, waiters), ...otherReferrals(s, waiters), ...shortJobSearch(s)];
  },
};
