/**
 * Screening of vacancy text for discriminatory requirements that the Employment Promotion Law
 * (就业促进法) forbids: sex, marriage and childbearing (art. 27), ethnicity (art. 28),
 * disability (art. 29), being a hepatitis B carrier (art. 30), rural hukou (art. 31) and
 * religious belief (art. 3; 人力资源市场暂行条例 art. 24). The screen reads the posting as a
 * caseworker would: it flags restrictive phrasings and ignores phrases that say there is no
 * restriction or that welcome a group, so 男女不限, 民族不限 or 残疾人优先 never trigger it.
 */

/** A ground on which a posting may not restrict applicants. */
export type ProtectedGround = 'sex' | 'ethnicity' | 'disability' | 'hepatitis-b' | 'rural-hukou' | 'religion';

/**
 * Phrases saying there is no restriction. They are blanked out before screening, since some of
 * them contain a restrictive phrase (不限男女 contains 限男).
 */
const NEUTRAL_PHRASES = [
  /男女不限|不限男女|性别不限|不限性别|婚否不限|不限婚否|婚育不限/g,
  /民族不限|不限民族/g,
  /(性别|民族|户籍|户口)(要求|限制)?[:：]?\s*(不限|无)/g,
  /不(检|体)?查乙肝(两对半|五项)?|(无|不做|不作)乙肝(检查|检测|要求)/g,
  /城乡(户口|户籍)?不限|不限城乡|户籍不限|不限户籍|户口不限|不限户口/g,
  /(城镇|城市|非农业?)(户口|户籍)?(或|和|与|、|及)农(村|业)(户口|户籍)?(均可|皆可|都可|不限)/g,
  /(宗教)?信仰(不限|自由|无要求)|(无|没有)宗教信仰(方面的)?(要求|限制)|不限(宗教)?信仰|尊重(宗教)?信仰|宗教信仰(要求|限制)?[:：]?\s*(不限|无)/g,
];

/** Words of refusing a group that follow it (勿扰, 除外, 不招 ...), not across a clause or after 优先 or 欢迎. */
const REFUSED = '[^，。；,;\\s优欢]{0,3}?(勿扰|除外|免谈|不要|不招|不收|不予录用|不考虑|谢绝)';

/** Persons with disabilities as postings name them. */
const DISABLED = '(残疾|残障)(人士|人|者)?|持残疾证(者|人员)?';

/** Believers as postings name them: 信教者, 有宗教信仰者, and the larger religions' followers. */
const BELIEVERS = '(信仰宗教|有宗教信仰|信教|宗教人士|宗教信徒)(的)?(者|人员|人士)?|(基督|天主|佛|道|伊斯兰)?教徒|基督徒|信徒|穆斯林';

/** Verbs of hiring or excluding that precede the group they pick. */
const HIRE = '(招|招聘|招收|要|录用|录取|考虑|收)';

/** Ethnic groups as postings name them: 汉族, 少数民族 and the larger minorities. */
const ETHNIC = '(汉|回|藏|维吾尔|维|蒙古|蒙|壮|满|苗|彝|土家|侗|瑶|白|哈尼|傣|黎|朝鲜|哈萨克|少数民|其他民)族';

/** Restrictive phrasings per ground. */
const RESTRICTIONS: Readonly<Record<ProtectedGround, readonly RegExp[]>> = {
  sex: [
    // 限男性, 仅限女性, 限女; not 不限男女 (blanked out above, and excluded by the look-behind).
    /(?<!不)限(于)?(男|女)/,
    // 男性优先, 女士优先.
    /(男|女)(性|士|生)?优先/,
    new RegExp(`(只|仅)${HIRE}(男|女)`),
    new RegExp(`不${HIRE}(男|女)`),
    // 招聘女士, 要求男性, 适合女性.
    /(招|招聘|招收|需要|要求|适合)(男|女)(性|士|生)/,
    // 性别：男 (but not 性别：男女均可).
    /性别(要求|限制)?[:：]?\s*(男(?!女)|女(?!男))/,
    // Marriage and childbearing conditions for women (art. 27).
    /已婚已育|未婚未育|无生育(计划|打算)|([一二两三四五\d])年内不(要|生)(孩子|小孩|二胎)/,
  ],
  ethnicity: [
    new RegExp(`(?<!不)限(于)?${ETHNIC}`),
    new RegExp(`${ETHNIC}(优先|为主)`),
    new RegExp(`(只|仅)${HIRE}${ETHNIC}`),
    new RegExp(`不${HIRE}${ETHNIC}`),
    new RegExp(`${ETHNIC}(勿扰|除外|免谈|不要|不招|不考虑)`),
    /民族(要求|限制)/,
  ],
  disability: [
    // 残疾人勿扰, 残障人士除外, 持残疾证者免谈; not 残疾人优先 or 欢迎残疾人.
    new RegExp(`(${DISABLED})${REFUSED}`),
    new RegExp(`不${HIRE}(残疾|残障)`),
    // 限健全人, 身体健全, 四肢健全, 无残疾; not 健全制度 (健全 as a verb).
    /(限|只招|仅招|要求)?健全人(?!事|力|才|格|员)|(身体|四肢|肢体|五官)(健全|无残疾)|(无|非)(残疾|残障)(?!人(就业|保障))/,
  ],
  religion: [
    // 信仰宗教者勿扰, 信教者免谈, 穆斯林除外.
    new RegExp(`(${BELIEVERS})${REFUSED}`),
    new RegExp(`不${HIRE}(${BELIEVERS})`),
    // 无宗教信仰, 不信教, 不信仰宗教: a condition of having no religion.
    /无宗教信仰|不信(仰)?宗?教/,
    new RegExp(`(?<!不)(限|只招|仅招|仅限)(于)?(${BELIEVERS})`),
    new RegExp(`(${BELIEVERS})(优先|为主)`),
    /宗教信仰(要求|限制)/,
  ],
  'hepatitis-b': [/乙肝|乙型(病毒性)?肝炎|HBsAg|HBV|两对半|大三阳|小三阳|澳抗/i],
  'rural-hukou': [
    /非农(业)?(户口|户籍)/,
    // 城镇户口, 限本地城镇户籍, 城市户籍.
    /(城镇|城市)(居民|常住)?(户口|户籍)/,
    /农(业|村)(户口|户籍)[^，。；,;\s]{0,2}(勿扰|除外|免谈|不要|不招|不予|不考虑)/,
    new RegExp(`不${HIRE}(农村|农业|农民)`),
  ],
};

function withoutNeutralPhrases(text: string): string {
  return NEUTRAL_PHRASES.reduce((rest, phrase) => rest.replace(phrase, '　'), text);
}

/** The restrictive phrases on `ground` found in `text`, in the order of the patterns; empty when none. */
export function restrictivePhrases(ground: ProtectedGround, text: string): string[] {
  const screened = withoutNeutralPhrases(text);
  return RESTRICTIONS[ground].flatMap((pattern) => {
    const found = pattern.exec(screened);
    return found ? [found[0]] : [];
  });
}
