import { citizenIdCheckCharacter } from '../../../forms/index.ts';

/** A demo person: name, where the ID number was issued, birth date and sequence (odd = male). */
interface Person {
  name: string;
  area: string;
  birth: string;
  sequence: string;
  phone: string;
}

/**
 * The people of the story, in the districts of the demo city (思明 350203, 海沧 350205,
 * 湖里 350206, 集美 350211). Ages fit what happens to them: the two 4050 women are over 40,
 * 刘德明 is over 50, the graduates (the interns among them) are in their twenties, 林秀珍 is retired.
 */
export const people = {
  chenZhiqiang: { name: '陈志强', area: '350203', birth: '19850312', sequence: '013', phone: '13859201234' },
  linXiaoyan: { name: '林晓燕', area: '350206', birth: '20020721', sequence: '026', phone: '13600592871' },
  wangJianhua: { name: '王建华', area: '350211', birth: '19791102', sequence: '035', phone: '13906051122' },
  huangXiuying: { name: '黄秀英', area: '350205', birth: '19800518', sequence: '042', phone: '13799261035' },
  zhangLihua: { name: '张丽华', area: '350203', birth: '19820909', sequence: '068', phone: '15980812246' },
  liuDeming: { name: '刘德明', area: '350211', birth: '19730125', sequence: '057', phone: '13505928813' },
  wuGuilan: { name: '吴桂兰', area: '350206', birth: '19841203', sequence: '024', phone: '18850017362' },
  zhengHaifeng: { name: '郑海峰', area: '350205', birth: '19900414', sequence: '079', phone: '13400596628' },
  sunYating: { name: '孙雅婷', area: '350203', birth: '20000830', sequence: '082', phone: '17750230419' },
  zhouLijun: { name: '周立军', area: '350211', birth: '19880606', sequence: '091', phone: '13850027754' },
  xuWenbo: { name: '许文博', area: '350206', birth: '19950217', sequence: '015', phone: '15859218830' },
  caiJiaqi: { name: '蔡佳琪', area: '350205', birth: '19971011', sequence: '046', phone: '18959207741' },
  yangGuodong: { name: '杨国栋', area: '350203', birth: '19760308', sequence: '037', phone: '13055392068' },
  guoYuhan: { name: '郭雨涵', area: '350206', birth: '20030415', sequence: '028', phone: '15160028817' },
  heJunjie: { name: '何俊杰', area: '350211', birth: '20020908', sequence: '073', phone: '13950114526' },
  jiangWanting: { name: '江婉婷', area: '350203', birth: '20040120', sequence: '064', phone: '18060937215' },
  linXiuzhen: { name: '林秀珍', area: '350203', birth: '19560310', sequence: '040', phone: '13178652290' },
} as const satisfies Record<string, Person>;

export type PersonKey = keyof typeof people;

/** The person's citizen ID number, with its GB 11643 check character. */
export function idNumberOf(key: PersonKey): string {
  const { area, birth, sequence } = people[key];
  const first17 = `${area}${birth}${sequence}`;
  return first17 + citizenIdCheckCharacter(first17);
}

/**
 * Employers registered on the first day. Every credit code passes both check characters
 * (GB 32100 and the embedded GB 11714 organisation code); jialian is a public institution
 * (事业单位, 12…), the others are companies (91…).
 */
export const employers = {
  minjiang: { name: '福建闽江物流有限公司', creditCode: '91350100M000100Y43' },
  lujiang: { name: '厦门鹭江餐饮管理有限公司', creditCode: '91350203MA2Y3K1B9C' },
  jialian: { name: '厦门市思明区嘉莲街道社区服务中心', creditCode: '123502034265103M7Y' },
  // The publishing institution of the employment work website's articles (a 事业单位, registered as employers are).
  employmentCentre: { name: '厦门市公共就业服务中心', creditCode: '12350200426510200J' },
  jimei: { name: '厦门集美精密制造有限公司', creditCode: '91350211MA8U2J7KXM' },
  huli: { name: '厦门湖里跨境电商有限公司', creditCode: '91350206MA2YC8P40P' },
  luyuan: { name: '厦门鹭源财务咨询有限公司', creditCode: '91350203MA8T6K2R9J' },
} as const;

export type EmployerKey = keyof typeof employers;

/** Businesses the entrepreneurs started (individual businesses, 92…); the subsidy scenes register them, the entrepreneur their legal representative. */
export const businesses = {
  yatingStudio: { name: '思明区雅婷文创工作室', creditCode: '92350203MA8W5T1L58' },
  lijunCarCare: { name: '集美区立军汽车美容店', creditCode: '92350211MA8X0R6N1H' },
} as const;
