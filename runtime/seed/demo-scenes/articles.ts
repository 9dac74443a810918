import { uploadAttachment } from '../../attachments/index.ts';
import { at, type SceneGroup, type Story } from './story.ts';

/** An article as the editor writes it (the article form). */
interface Article {
  category: 'policies' | 'news' | 'announcements' | 'guides';
  title: string;
  documentNo?: string;
  summary?: string;
  body: string;
}

const creationSubsidy: Article = {
  category: 'policies',
  title: '厦门市一次性创业补贴申领政策解读',
  documentNo: '厦人社〔2026〕41号',
  summary: '首次创办小微企业或从事个体经营、正常经营6个月以上的高校毕业生、就业困难人员等，可申领一次性创业补贴。',
  body: [
    '## 补贴对象',
    '',
    '在本市首次创办小微企业或从事个体经营，且自工商登记注册之日起**正常经营6个月以上**的下列人员：',
    '',
    '- 毕业5年内的高校毕业生、在校大学生；',
    '- 登记失业人员、就业困难人员；',
    '- 返乡创业农民工、退役军人。',
    '',
    '## 补贴标准',
    '',
    '每户一次性补贴1万元，同一主体只能享受一次。',
    '',
    '## 申领方式',
    '',
    '申请人持居民身份证、营业执照到经营所在地区公共就业服务机构提出申请，也可通过本网站“办事指南”栏目查看办理流程。',
  ].join('\n'),
};

const insuranceSubsidy: Article = {
  category: 'policies',
  title: '就业困难人员灵活就业社会保险补贴政策',
  documentNo: '厦人社规〔2026〕5号',
  body: [
    '就业困难人员实现灵活就业并缴纳社会保险费的，可按规定申请社会保险补贴。',
    '',
    '1. 补贴范围：基本养老保险、基本医疗保险和失业保险；',
    '2. 补贴期限：最长不超过3年，距法定退休年龄不足5年的可延长至退休；',
    '3. 申请时间：按季度申请，次季度首月受理上一季度补贴。',
  ].join('\n'),
};

const springAction: Article = {
  category: 'news',
  title: '我市“春风行动”系列招聘活动提供岗位1.2万个',
  body: '今年“春风行动”期间，全市公共就业服务机构共举办线上线下招聘会36场，组织用人单位860家，提供岗位1.2万个，现场达成就业意向3100余人。各区公共就业服务中心同步开展政策宣讲和职业指导，为返岗复工人员和高校毕业生提供“一站式”服务。',
};

const graduates: Article = {
  category: 'news',
  title: '市公共就业服务中心走进高校开展就业政策宣讲',
  body: '市公共就业服务中心工作人员走进厦门大学、集美大学等高校，面向应届毕业生宣讲就业创业扶持政策，现场解答求职登记、档案转递和一次性创业补贴申领等问题，并发放《高校毕业生就业服务指南》1500余份。',
};

const jobFair: Article = {
  category: 'announcements',
  title: '关于举办2026年冬季大型人才招聘会的通知',
  summary: '12月20日在厦门国际会展中心举办冬季大型人才招聘会，求职者免费入场，用人单位请于12月15日前报名。',
  body: [
    '为促进用人单位与求职者对接，市公共就业服务中心定于举办冬季大型人才招聘会。',
    '',
    '## 时间地点',
    '',
    '- 时间：12月20日（星期六）9:00—12:00',
    '- 地点：厦门国际会展中心B馆',
    '',
    '## 参会须知',
    '',
    '求职者免费入场，请携带个人简历。用人单位请于12月15日前填写附件中的报名表，并报送至所在区公共就业服务中心。招聘会全程不收取任何费用。',
  ].join('\n'),
};

const publicWelfarePosts: Article = {
  category: 'announcements',
  title: '思明区2026年第四季度公益性岗位招聘公告',
  body: '思明区拟开发公益性岗位20个，用于安置就业困难人员，岗位包括社区公共服务、保洁绿化和治安协管。报名时间为公告发布之日起7日内，报名地点为户籍或居住地所在街道（镇）劳动保障事务所。',
};

const unemploymentGuide: Article = {
  category: 'guides',
  title: '失业登记办理须知',
  body: [
    '在法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者，可在常住地公共就业服务机构办理失业登记。',
    '',
    '**需要携带**：居民身份证；与原单位解除或终止劳动关系的证明（如有）。',
    '',
    '办理后可享受职业指导、职业介绍、职业培训等免费公共就业服务。',
  ].join('\n'),
};

const employmentCard: Article = {
  category: 'guides',
  title: '《就业创业证》申领指南',
  body: '劳动者可持居民身份证到户籍地或常住地公共就业服务机构申领《就业创业证》，用于记录就业失业状况和享受相关扶持政策情况。证件免费发放，当场办结。',
};

const oldNotice: Article = {
  category: 'announcements',
  title: '关于国庆节期间暂停窗口服务的通知',
  body: '国庆节期间各公共就业服务机构窗口暂停服务，网上业务照常受理。',
};

const pendingNews: Article = {
  category: 'news',
  title: '海沧区举办退役军人专场招聘会',
  body: '海沧区公共就业服务中心联合区退役军人事务局举办退役军人专场招聘会，32家企业提供岗位400余个。',
};

/** A minimal PDF (the signature and an empty page) standing for the job fair's registration form. */
const REGISTRATION_FORM = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * The employment work website: the editor (the caseworker, at the article-editing post) writes
 * articles of each column and the reviewer, not the writer, publishes them; the job fair notice
 * goes out with its registration form, one policy is sent back for a document number first, a
 * holiday notice is taken down after the holiday, and a news item waits for review.
 */
export const articleScenes: SceneGroup = {
  title: '就业工作网站 employment work website',
  acts: (s: Story) => {
    const ids = new Map<Article, string>();
    const write = (article: Article, withFile = false) => async () => {
      const opened = await s.open('article-publishing', s.employer('employmentCentre'));
      ids.set(article, opened.id);
      if (withFile) {
        await uploadAttachment(s.rt, s.user('caseworker'), opened.id, { step: 'submit', material: 'article-attachment', file: { fileName: '招聘会参会单位报名表.pdf', declaredType: 'application/pdf', bytes: REGISTRATION_FORM } });
      }
      await s.send('caseworker', opened.id, 'submit', { ...article });
    };
    const publish = (article: Article) => () => s.send('reviewer', ids.get(article)!, 'publish', { opinion: '内容准确，符合发布要求，同意发布' });
    const written: [Article, number, boolean?][] = [
      [creationSubsidy, 2],
      [springAction, 4],
      [oldNotice, 6],
      [unemploymentGuide, 9],
      [graduates, 15],
      [employmentCard, 20],
      [publicWelfarePosts, 33],
      [jobFair, 45, true],
    ];
    return [
      ...written.flatMap(([article, day, withFile]) => [at(day, '09:30', write(article, withFile)), at(day + 1, '10:00', publish(article))]),
      at(11, '09:40', write(insuranceSubsidy)),
      at(12, '11:00', () => s.send('reviewer', ids.get(insuranceSubsidy)!, 'returnForRevision', { revisionNote: '请补充政策文号，并写明补贴期限的例外情形' })),
      at(13, '15:20', () => s.send('caseworker', ids.get(insuranceSubsidy)!, 'resubmit', { ...insuranceSubsidy })),
      at(14, '10:10', publish(insuranceSubsidy)),
      at(12, '16:00', () => s.send('reviewer', ids.get(oldNotice)!, 'withdraw', { withdrawalReason: '假期已结束，通知不再适用' })),
      at(50, '10:30', write(pendingNews)),
    ];
  },
};
