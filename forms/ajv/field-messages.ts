/** A message in both languages, zh-CN first. */
export interface FieldText {
  'zh-CN': string;
  en: string;
}

type Params = Readonly<Record<string, unknown>>;

const FORMATS: Readonly<Record<string, FieldText>> = {
  'cn-mobile': { 'zh-CN': '请输入有效的11位手机号码', en: 'Enter a valid 11-digit mobile number' },
  'cn-id-number': { 'zh-CN': '公民身份号码无效（请核对校验位）', en: 'Not a valid citizen ID number (check the last character)' },
  'cn-credit-code': { 'zh-CN': '统一社会信用代码无效（请核对校验位）', en: 'Not a valid unified social credit code (check the last character)' },
  'cn-social-security-card': { 'zh-CN': '社会保障卡卡号为9位（首位可为大写字母，其余为数字）', en: 'A social security card number has 9 characters (a capital letter or digit, then 8 digits)' },
  date: { 'zh-CN': '请输入有效日期（年-月-日）', en: 'Enter a valid date (YYYY-MM-DD)' },
};

/** Messages by JSON Schema keyword; `{limit}` (or `{form}`) is filled from the error's params. */
const KEYWORDS: Readonly<Record<string, FieldText>> = {
  required: { 'zh-CN': '必填', en: 'Required' },
  format: { 'zh-CN': '格式不正确', en: 'Wrong format' },
  pattern: { 'zh-CN': '格式不正确', en: 'Wrong format' },
  minLength: { 'zh-CN': '至少 {limit} 个字符', en: 'At least {limit} characters' },
  maxLength: { 'zh-CN': '最多 {limit} 个字符', en: 'At most {limit} characters' },
  minimum: { 'zh-CN': '不能小于 {limit}', en: 'Must be at least {limit}' },
  maximum: { 'zh-CN': '不能大于 {limit}', en: 'Must be at most {limit}' },
  exclusiveMinimum: { 'zh-CN': '必须大于 {limit}', en: 'Must be more than {limit}' },
  exclusiveMaximum: { 'zh-CN': '必须小于 {limit}', en: 'Must be less than {limit}' },
  minItems: { 'zh-CN': '至少 {limit} 项', en: 'At least {limit} items' },
  maxItems: { 'zh-CN': '最多 {limit} 项', en: 'At most {limit} items' },
  uniqueItems: { 'zh-CN': '不能有重复项', en: 'Items must not repeat' },
  type: { 'zh-CN': '类型不正确', en: 'Wrong type of value' },
  const: { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' },
  enum: { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' },
  oneOf: { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' },
  additionalProperties: { 'zh-CN': '表单中没有此项', en: 'The form has no such field' },
  'x-not-after-today': { 'zh-CN': '不能晚于今天', en: 'Cannot be later than today' },
  'x-code-table': { 'zh-CN': '代码表中没有此代码，请从列表中选择', en: 'Not a code of the table: choose one from the list' },
  noForm: { 'zh-CN': '该操作不带表单', en: 'This event carries no form' },
  form: { 'zh-CN': '没有表单 {form}', en: 'unknown form {form}' },
};

const INTEGER: FieldText = { 'zh-CN': '请输入整数', en: 'Enter a whole number' };
const NUMBER: FieldText = { 'zh-CN': '请输入数字', en: 'Enter a number' };
const TOO_SHORT: FieldText = { 'zh-CN': '内容过短', en: 'Too short' };
const INVALID: FieldText = { 'zh-CN': '填写有误', en: 'Invalid value' };

/**
 * What a failed JSON Schema keyword means, in both languages: `required` reads 必填, a bad mobile
 * number 请输入有效的11位手机号码, `maxLength` with its limit 最多 200 个字符. A keyword or a limit not
 * known here reads 填写有误, and in English Ajv's own message where there is one. The server puts it
 * on each field of a `FORM_INVALID` refusal; the browser shows the same words before sending.
 */
export function fieldMessage(keyword: string, params: Params | undefined, ajvMessage = ''): FieldText {
  const otherwise: FieldText = { 'zh-CN': INVALID['zh-CN'], en: ajvMessage || INVALID.en };
  if (keyword === 'format' && typeof params?.['format'] === 'string' && FORMATS[params['format']]) return FORMATS[params['format']]!;
  if (keyword === 'type' && params?.['type'] === 'integer') return INTEGER;
  if (keyword === 'type' && params?.['type'] === 'number') return NUMBER;
  // A string that must not be empty: the person left it empty.
  if (keyword === 'minLength' && params?.['limit'] === 1) return KEYWORDS['required']!;
  const text = KEYWORDS[keyword];
  if (!text) return otherwise;
  const names = [...text['zh-CN'].matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  if (names.some((name) => params?.[name] === undefined)) return keyword === 'minLength' ? TOO_SHORT : otherwise;
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(params![name]));
  return { 'zh-CN': fill(text['zh-CN']), en: fill(text.en) };
}
