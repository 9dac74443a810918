/**
 * Screening of vacancy text for discriminatory requirements that the Employment Promotion Law
 * (就业促进法) forbids: sex, marriage and childbearing (art. 27), ethnicity (art. 28), being a
 * hepatitis B carrier (art. 30) and rural hukou (art. 31). The screen reads the posting as a
 * caseworker would: it flags restrictive phrasings and ignores phrases that say there is no
 * restriction, so 男女不限 or 民族不限 never trigger it.
 */

/** A ground on which a posting may not restrict applicants. */
export type ProtectedGround = 'sex' | 'ethnicity' | 'hepatitis-b' | 'rural-hukou';

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
];

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
