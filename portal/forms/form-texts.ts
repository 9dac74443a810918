import type { Lang } from '../locale.ts';

/** The words of the public forms (zh-CN first; English of the same shape): marks, choices, units and hints. */
const zhCN = {
  /** Heard after a required field's label (the star is only seen). */
  required: '（必填）',
  /** Between a field's label and its message, in a list of problems. */
  colon: '：',
  choose: '请选择',
  yes: '是',
  no: '否',
  /** After a money field's label: it is typed in yuan, though kept in fen. */
  yuanUnit: '（元）',
  yuan: '元',
  chooseSeveral: '可多选',
  codesHint: '填写代码，多个用空格分隔',
  /** The hint under a field, by its code table or its format: what a valid value looks like. */
  hints: {
    division: '行政区划代码，6 位（区县）、9 位（街道）或 12 位（社区），如 350203（思明区）',
    'occupation-2022': '职业分类大典代码，如 2-06-03-00',
    'industry-gb4754-2017': '国民经济行业分类（GB/T 4754）代码，如 7241 或 F',
    'cn-credit-code': '18 位统一社会信用代码',
    'cn-mobile': '11 位手机号码',
    date: '格式：年-月-日，如 2026-11-02',
  } as Readonly<Record<string, string>>,
};

const en: typeof zhCN = {
  required: ' (required)',
  colon: ': ',
  choose: 'Choose',
  yes: 'Yes',
  no: 'No',
  yuanUnit: ' (yuan)',
  yuan: 'yuan',
  chooseSeveral: 'choose one or more',
  codesHint: 'codes, separated by spaces',
  hints: {
    division: 'Division code: 6 digits (district), 9 (street) or 12 (community), e.g. 350203 (Siming)',
    'occupation-2022': 'Occupation code of the 2022 classification, e.g. 2-06-03-00',
    'industry-gb4754-2017': 'Industry code (GB/T 4754), e.g. 7241 or F',
    'cn-credit-code': 'The 18-character unified social credit code',
    'cn-mobile': 'An 11-digit mobile number',
    date: 'Year-month-day, e.g. 2026-11-02',
  },
};

/** The public forms' words in a language. */
export function formTexts(lang: Lang): typeof zhCN {
  return lang === 'en' ? en : zhCN;
}
