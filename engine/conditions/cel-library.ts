import { Environment } from '@marcbachmann/cel-js';
import { addDays, addMonths, addWorkingDays, ageOn, chinaDate, daysBetween, isDay, monthOf, monthsBetween, quarterBounds, workingDaysBetween, type WorkingCalendar } from '../calendar/index.ts';
import type { LocalizedText } from '../errors/index.ts';
import { isRetirementCategory, retirementCategoryOf, retirementDay, statutoryRetirement, type RetirementCategory } from './retirement-age.ts';

/**
 * A parameter of a library function: a CEL type, or `count`, a whole number that CEL holds as
 * an `int` (a literal) or a `double` (a number from JSON: case data, parameters), or `calendar`,
 * the step's working-day calendar (the `calendar` variable).
 */
type ParamType = 'string' | 'count' | 'calendar' | 'timestamp';

/** One function of the platform's CEL standard library, as its reference lists it. */
export interface CelFunction {
  name: string;
  /** The CEL overloads, e.g. `ageOn(string, string): int`. */
  signatures: readonly string[];
  description: LocalizedText;
  /** A condition that uses it, as a flow writes it. */
  example: string;
}

interface Definition {
  name: string;
  overloads: readonly (readonly ParamType[])[];
  returns: 'string' | 'int';
  description: LocalizedText;
  example: string;
  /** Arguments arrive as CEL passes them: strings, `bigint` ints, `number` doubles, `Date` timestamps, plain objects. */
  handler: (...args: never[]) => string | number;
}

/** A CEL `int` or `double` that holds a whole number, as a JavaScript number; anything else fails the condition. */
function whole(value: bigint | number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError('not a whole number');
  return n;
}

function day(value: string): string {
  if (!isDay(value)) throw new RangeError('not a YYYY-MM-DD day');
  return value;
}

function category(value: string): RetirementCategory {
  if (!isRetirementCategory(value)) throw new RangeError('not a retirement category');
  return value;
}

function workingCalendar(value: Record<string, unknown>): WorkingCalendar {
  if (typeof value['version'] !== 'number' || !Array.isArray(value['scheduledYears']) || !Array.isArray(value['days'])) throw new TypeError('not a working calendar');
  return value as unknown as WorkingCalendar;
}

/** China midnight of a day, as the calendar's instant-based counts take it. */
const startOf = (d: string) => `${day(d)}T00:00:00+08:00`;

const definitions: readonly Definition[] = [
  {
    name: 'chinaDay',
    overloads: [['string'], ['timestamp']],
    returns: 'string',
    description: { 'zh-CN': '某一时刻在北京时间的日期（YYYY-MM-DD）；chinaDay(now) 即办理当日。北京时间 0 时至 8 时，UTC 仍是前一天。', en: 'The day (YYYY-MM-DD) in China of an instant; chinaDay(now) is the day of the step. From 00:00 to 08:00 China time, UTC is still on the day before.' },
    example: "form.visitDate <= chinaDay(now)",
    handler: (instant: string | Date) => chinaDate(instant),
  },
  {
    name: 'ageOn',
    overloads: [['string', 'string']],
    returns: 'int',
    description: { 'zh-CN': '出生日期为 birthDate 的人在 day 当日的周岁：生日当天满一岁；2月29日出生的人在平年的3月1日满岁。', en: 'Completed years of age on a day of someone born on birthDate: a year is completed on the birthday, on 1 March in a common year for someone born on 29 February.' },
    example: 'ageOn(facts.subject.birthDate, chinaDay(now)) >= 16',
    handler: (birthDate: string, on: string) => ageOn(birthDate, on),
  },
  {
    name: 'addDays',
    overloads: [['string', 'count']],
    returns: 'string',
    description: { 'zh-CN': '某日之后（负数为之前）若干自然日的日期。', en: 'The day a number of calendar days after a day (before it when negative).' },
    example: 'form.reportedOn <= addDays(data.hireDate, 30)',
    handler: (from: string, days: bigint | number) => addDays(from, whole(days)),
  },
  {
    name: 'addMonths',
    overloads: [['string', 'count']],
    returns: 'string',
    description: { 'zh-CN': '某日之后若干个月的对应日；该月没有对应日的，取该月最后一日（1月31日加1个月为2月28日或29日）。', en: 'The same day a number of months on; where that month has no such day, its last day (31 January + 1 month is 28 or 29 February).' },
    example: 'addMonths(data.businessStartDate, parameters.minOperatingMonths) <= chinaDay(now)',
    handler: (from: string, months: bigint | number) => addMonths(from, whole(months)),
  },
  {
    name: 'daysBetween',
    overloads: [['string', 'string']],
    returns: 'int',
    description: { 'zh-CN': '从 from 到 until 的自然日数：同一天为 0，until 在前为负数。含首尾两天的天数为 daysBetween(from, until) + 1。', en: 'Calendar days from one day to another: 0 on the same day, negative when until comes first. Counting both days, daysBetween(from, until) + 1.' },
    example: 'daysBetween(data.validFrom, data.validUntil) + 1 <= parameters.maxValidityDays',
    handler: (from: string, until: string) => daysBetween(from, until),
  },
  {
    name: 'monthsBetween',
    overloads: [['string', 'string']],
    returns: 'int',
    description: { 'zh-CN': '从 from 所在月到 until 所在月的自然月数，日不计（1月31日到2月1日为 1）；参数可为 YYYY-MM 或 YYYY-MM-DD。', en: 'Calendar months from the month of from to the month of until, the days not counting (31 January to 1 February is 1); either may be YYYY-MM or YYYY-MM-DD.' },
    example: 'monthsBetween(data.placementStart, data.period) >= 0',
    handler: (from: string, until: string) => monthsBetween(from, until),
  },
  {
    name: 'monthOf',
    overloads: [['string']],
    returns: 'string',
    description: { 'zh-CN': '某日所在的月份（YYYY-MM）。', en: 'The month (YYYY-MM) of a day.' },
    example: 'form.period <= monthOf(chinaDay(now))',
    handler: (of: string) => monthOf(of),
  },
  {
    name: 'quarterFirstDay',
    overloads: [['string']],
    returns: 'string',
    description: { 'zh-CN': '季度（YYYY-Qn）的第一天。', en: 'The first day of a quarter (YYYY-Qn).' },
    example: 'quarterFirstDay(data.period) < addMonths(data.disbursedOn, data.termMonths)',
    handler: (quarter: string) => quarterOf(quarter).first,
  },
  {
    name: 'quarterLastDay',
    overloads: [['string']],
    returns: 'string',
    description: { 'zh-CN': '季度（YYYY-Qn）的最后一天。', en: 'The last day of a quarter (YYYY-Qn).' },
    example: 'quarterLastDay(data.period) >= data.disbursedOn',
    handler: (quarter: string) => quarterOf(quarter).last,
  },
  {
    name: 'retirementCategory',
    overloads: [['string', 'string']],
    returns: 'string',
    description: { 'zh-CN': '法定退休年龄类别：男性一律为 male-60；女性为申报的 female-55（原55周岁）或 female-50（原50周岁），申报为男性类别或性别不明的，条件不成立。', en: 'The retirement-age category: male-60 for every man; for a woman the declared female-55 (original age 55) or female-50 (original age 50); a woman declared in the men\'s category, or another gender, fails the condition.' },
    example: 'monthOf(chinaDay(now)) < retirementMonth(facts.subject.birthDate, retirementCategory(facts.subject.gender, data.retirementCategory))',
    handler: (gender: string, declared: string) => {
      const found = retirementCategoryOf(gender, declared);
      if (!found) throw new RangeError('no retirement category for this gender and declaration');
      return found;
    },
  },
  {
    name: 'retirementMonth',
    overloads: [['string', 'string']],
    returns: 'string',
    description: { 'zh-CN': '按渐进式延迟法定退休年龄办法（2025年1月1日起施行）计算的退休月份（YYYY-MM）；出生日期可为 YYYY-MM 或 YYYY-MM-DD，日不计。自退休月份起视为已达退休年龄。', en: 'The statutory retirement month (YYYY-MM) by the gradual-delay rule in force from 1 January 2025; the birth date may be YYYY-MM or YYYY-MM-DD, the day not counting. From that month on the person has reached retirement age.' },
    example: "monthOf(chinaDay(now)) < retirementMonth(facts.subject.birthDate, 'male-60')",
    handler: (birth: string, of: string) => statutoryRetirement(birth, category(of)).retirementMonth,
  },
  {
    name: 'retirementDay',
    overloads: [['string', 'string']],
    returns: 'string',
    description: { 'zh-CN': '达到法定退休年龄之日：出生日期加上法定退休年龄（年与延迟月数），该月没有对应日的取月末；落在退休月份内。', en: 'The day the statutory retirement age is reached: the birth date plus the age (years and delay months), the last day of the month where it has no such day; it falls in the retirement month.' },
    example: "chinaDay(now) < retirementDay(facts.subject.birthDate, 'female-55')",
    handler: (birthDate: string, of: string) => retirementDay(day(birthDate), category(of)),
  },
  {
    name: 'workingDaysBetween',
    overloads: [['calendar', 'string', 'string']],
    returns: 'int',
    description: { 'zh-CN': '按本次办理所用的工作日历（calendar 变量，含法定节假日与调休上班日），from 之后至 until（含）的工作日数；同一天或 until 在前为 0。无节假日安排的年份按周一至周五计。', en: 'Working days after from up to and including until, by the step\'s working-day calendar (the calendar variable, with public holidays and make-up working days); 0 on the same day or when until comes first. A year with no schedule counts Monday to Friday.' },
    example: 'workingDaysBetween(calendar, data.receivedOn, chinaDay(now)) <= 15',
    handler: (calendar: Record<string, unknown>, from: string, until: string) => workingDaysBetween(workingCalendar(calendar), startOf(from), startOf(until)),
  },
  {
    name: 'addWorkingDays',
    overloads: [['calendar', 'string', 'count']],
    returns: 'string',
    description: { 'zh-CN': '按本次办理所用的工作日历，某日之后第 n 个工作日（n 不小于 0；n 为 0 时即该日）。', en: 'The n-th working day after a day by the step\'s working-day calendar (n at least 0; the day itself for 0).' },
    example: 'form.decidedOn <= addWorkingDays(calendar, data.appliedOn, 20)',
    handler: (calendar: Record<string, unknown>, from: string, count: bigint | number) => {
      const n = whole(count);
      if (n < 0) throw new RangeError('a negative number of working days');
      return chinaDate(addWorkingDays(workingCalendar(calendar), startOf(from), n).at);
    },
  },
];

function quarterOf(quarter: string): { first: string; last: string } {
  const bounds = quarterBounds(quarter);
  if (!bounds) throw new RangeError('not a YYYY-Qn quarter');
  return bounds;
}

/** The CEL types a parameter stands for, as the registry names them (a `timestamp(…)` is a `google.protobuf.Timestamp`). */
const celTypes: Record<ParamType, readonly string[]> = { string: ['string'], count: ['int', 'double'], calendar: ['map'], timestamp: ['google.protobuf.Timestamp'] };

/** Every combination of CEL types a parameter list stands for (`count` is an `int` or a `double`). */
function expand(params: readonly ParamType[]): string[][] {
  return params.reduce<string[][]>((lists, param) => lists.flatMap((list) => celTypes[param].map((type) => [...list, type])), [[]]);
}

function signaturesOf(definition: Definition): string[] {
  return definition.overloads.flatMap(expand).map((types) => `${definition.name}(${types.join(', ')}): ${definition.returns}`);
}

/**
 * The platform's CEL standard library: functions over China calendar days, ages and the
 * statutory retirement age that flows call by name in their `cel` rules. A day is a
 * `YYYY-MM-DD` string in China time; an argument that is not what a function takes fails the
 * condition, as a missing field does. Part of the versioned extension point of the runtime:
 * a package that calls it asks for extension catalogue 2 or later.
 */
export const celLibrary: readonly CelFunction[] = definitions.map((definition) => ({
  name: definition.name,
  signatures: signaturesOf(definition).map((signature) => signature.replaceAll('google.protobuf.Timestamp', 'timestamp')),
  description: definition.description,
  example: definition.example,
}));

/**
 * The CEL environment conditions run in: CEL's standard functions and macros plus the
 * library, every variable dynamic (`data`, `form`, `facts`, `parameters`, `now`, `calendar`, …).
 */
export const celEnvironment: Environment = definitions.reduce(
  (environment, definition) =>
    signaturesOf(definition).reduce((env, signature) => {
      const handler = definition.handler as (...args: unknown[]) => string | number;
      return env.registerFunction(signature, (...args: unknown[]) => {
        const result = handler(...args);
        return definition.returns === 'int' ? BigInt(result) : result;
      }, { description: definition.description.en });
    }, environment),
  new Environment({ unlistedVariablesAreDyn: true }),
);

/** Every function name a condition may call: CEL's own, its macros and the library's. */
export const celFunctionNames: ReadonlySet<string> = new Set(celEnvironment.getDefinitions().functions.map((f) => f.name));
