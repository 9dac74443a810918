import { jsx } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../engine/index.ts';
import { formFields, formValues, leafFields, noProblems, ProblemSummary, problemsOf, readForm, SchemaFields, SchemaValues, type FormField, type FormValues, type PublicForm } from '../../portal/forms/index.ts';
import { siteFor } from '../../portal/site.ts';
import { publicRefusalOf, type PublicRefusal } from '../../runtime/public-forms/index.ts';
import startUp from '../../plugins/start-up/start-up-subsidy.flow.json' with { type: 'json' };
import jobSeeking from '../../plugins/job-matching/job-seeking.flow.json' with { type: 'json' };

const application = startUp.forms.application as PublicForm;
const profile = jobSeeking.forms.profile as PublicForm;

/** A form of every kind the public forms draw, in an order of its own. */
const everything: PublicForm = {
  schema: {
    type: 'object',
    required: ['kind', 'headcount', 'contact'],
    properties: {
      kind: { type: 'string', title: '类别', 'x-i18n': { en: 'Kind' }, oneOf: [{ const: 'a', title: '甲', 'x-i18n': { en: 'A' } }, { const: 'b', title: '乙', 'x-i18n': { en: 'B' } }] },
      level: { type: 'integer', title: '等级', enum: [1, 2, 3] },
      headcount: { type: 'integer', minimum: 1, title: '人数' },
      ratio: { type: 'number', title: '比例' },
      payFen: { type: 'integer', minimum: 1, title: '月薪（分）', 'x-i18n': { en: 'Pay (fen)' } },
      graduate: { type: 'boolean', title: '应届毕业生' },
      started: { type: 'string', format: 'date', title: '开始日期' },
      note: { type: 'string', maxLength: 50, title: '备注' },
      story: { type: 'string', maxLength: 2000, title: '经历' },
      secret: { type: 'string', title: '口令' },
      skills: { type: 'array', title: '技能', items: { type: 'string', oneOf: [{ const: 'forklift', title: '叉车' }, { const: 'welding', title: '焊接' }] } },
      industries: { type: 'array', title: '行业代码', items: { type: 'string', 'x-code-table': 'industry-gb4754-2017' } },
      contact: { type: 'object', title: '联系方式', required: ['phone'], properties: { phone: { type: 'string', format: 'cn-mobile', title: '手机号码' }, since: { type: 'string', format: 'date', title: '起始日期' } } },
      channel: { type: 'string', const: 'online', title: '渠道' },
      source: { type: 'string', default: 'portal', title: '来源' },
    },
  },
  ui: { 'ui:order': ['contact', 'kind'], note: { 'ui:widget': 'textarea' }, secret: { 'ui:widget': 'password' }, source: { 'ui:widget': 'hidden' } },
};

const zh = siteFor('zh-CN', 'https://jobs.example.cn');
const en = siteFor('en', 'https://jobs.example.cn');

/** Renders a server component to its HTML. */
async function html(component: Parameters<typeof jsx>[0], props: Record<string, unknown>): Promise<string> {
  return String(await jsx(component, props).toString());
}

const fieldsOf = (form: PublicForm, lang: 'zh-CN' | 'en' = 'zh-CN') => formFields(form, lang);
const kinds = (fields: readonly FormField[]) => leafFields(fields).map((field) => [field.name, field.kind, field.required]);
/** The one element with this id, as written. */
const tagWithId = (page: string, id: string) => new RegExp(`<[a-z]+ [^>]*id="${id}"[^>]*>`).exec(page)?.[0] ?? '';
const refusal = (error: unknown) => publicRefusalOf(error) as PublicRefusal;

describe('the public form renderer: a process form\'s JSON Schema as plain inputs, and posted text as its data', () => {
  it('lays out the 一次性创业补贴 form by its ui:order: code fields as text, a date, money, yes/no, the fixed period hidden; English titles from x-i18n', () => {
    const fields = fieldsOf(application, 'en');
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['businessCreditCode', 'text', true],
      ['businessName', 'text', false],
      ['businessStartDate', 'date', true],
      ['amountFen', 'money', true],
      ['graduate', 'boolean', true],
      ['incubatorCreditCode', 'text', false],
      ['period', 'hidden', true],
    ]);
    expect(fields[0]!.label).toBe('Business credit code');
  });

  it('reads posted text as data: empty fields left out, numbers, yuan and yes/no turned, a malformed number kept for the schema to name, constants fixed, nested objects grouped', () => {
    const fields = fieldsOf(application);
    const posted = { businessCreditCode: ' 91350203MA2Y3K1B9C ', businessName: '', amountFen: '5000', graduate: 'false', period: 'twice' };
    expect(readForm(fields, posted).data).toEqual({ businessCreditCode: '91350203MA2Y3K1B9C', amountFen: 500000, graduate: false, period: 'once' });
    expect(readForm(fields, { amountFen: '5万' }).data).toEqual({ amountFen: '5万', period: 'once' });

    const nested: PublicForm = { schema: { type: 'object', properties: { contact: { type: 'object', required: ['phone'], properties: { phone: { type: 'string', format: 'cn-mobile' }, since: { type: 'string', format: 'date' } } } } } };
    const groups = fieldsOf(nested);
    expect(kinds(groups)).toEqual([['contact.phone', 'tel', true], ['contact.since', 'date', false]]);
    const { data } = readForm(groups, { 'contact.phone': '13905921234' });
    expect(data).toEqual({ contact: { phone: '13905921234' } });
    expect(formValues(groups, data)['contact.phone']).toBe('13905921234');
    // A group with nothing in it is left out, so the schema judges its absence.
    expect(readForm(groups, { 'contact.phone': ' ' }).data).toEqual({});
  });

  it('knows every kind: ui:order first, choices, whole and decimal numbers, money, yes/no, date, text areas by widget and by length, a password, lists, a group, constants and hidden defaults', () => {
    expect(kinds(fieldsOf(everything))).toEqual([
      ['contact.phone', 'tel', true],
      ['contact.since', 'date', false],
      ['kind', 'select', true],
      ['level', 'select', false],
      ['headcount', 'integer', true],
      ['ratio', 'number', false],
      ['payFen', 'money', false],
      ['graduate', 'boolean', false],
      ['started', 'date', false],
      ['note', 'textarea', false],
      ['story', 'textarea', false],
      ['secret', 'password', false],
      ['skills', 'codes', false],
      ['industries', 'codes', false],
      ['channel', 'hidden', false],
      ['source', 'hidden', false],
    ]);
  });

  it('turns each kind back into the schema\'s value: a choice\'s own constant, full-width digits, yuan with fen, lists split, hidden constants and defaults whatever was sent', () => {
    const { data, values } = readForm(fieldsOf(everything), {
      kind: 'b',
      level: '2',
      headcount: '１２',
      ratio: '0.75',
      payFen: '6000.5',
      graduate: 'true',
      note: ' 两行\n备注 ',
      secret: ' s3cret ',
      skills: ['forklift', 'welding'],
      industries: '7241, 5810，F',
      channel: 'window',
      source: 'forged',
      unknown: 'dropped',
    });
    expect(data).toEqual({ kind: 'b', level: 2, headcount: 12, ratio: 0.75, payFen: 600050, graduate: true, note: '两行\n备注', secret: ' s3cret ', skills: ['forklift', 'welding'], industries: ['7241', '5810', 'F'], channel: 'online', source: 'portal' });
    expect(values['secret']).toBeUndefined();
    expect(values['headcount']).toBe('１２');
    // What does not read as its kind is kept as typed: the schema names the field.
    expect(readForm(fieldsOf(everything), { headcount: '1.5', ratio: 'half', payFen: '6000.505', level: '9', graduate: 'maybe' }).data).toMatchObject({ headcount: '1.5', ratio: 'half', payFen: '6000.505', level: '9', graduate: 'maybe' });
  });

  it('shows data the form holds as its inputs do: fen as yuan, yes/no as its choice, lists as codes, dotted names for groups, never a password', () => {
    const values = formValues(fieldsOf(everything), { payFen: 450_050, graduate: false, headcount: 3, skills: ['welding'], contact: { phone: '13905921234' }, secret: 'x', channel: 'online' });
    expect(values).toMatchObject({ payFen: '4500.5', graduate: 'false', headcount: '3', skills: ['welding'], 'contact.phone': '13905921234', 'contact.since': '' });
    expect(Object.keys(values)).not.toContain('secret');
    expect(Object.keys(values)).not.toContain('channel');
  });
});

describe('the one renderer\'s HTML: labels tied to inputs, groups under a legend, required marks, errors tied to their fields', () => {
  const values: FormValues = { kind: 'b', headcount: 'two', payFen: '4500', graduate: 'false', note: '备注', story: '经历', secret: 'never-shown', skills: ['welding'], industries: ['7241', 'F'], 'contact.phone': '12345' };
  const errors = { headcount: '请输入整数', 'contact.phone': '请输入有效的11位手机号码' };

  it('draws each kind as its control, with the value sent last', async () => {
    const page = await html(SchemaFields, { site: zh, fields: fieldsOf(everything), values, errors });
    expect(page).toMatch(/<fieldset class="form-group"><legend>联系方式<span class="required" aria-hidden="true"> \*<\/span><span class="sr-only">（必填）<\/span><\/legend>/);
    expect(tagWithId(page, 'f-contact-phone')).toMatch(/^<input id="f-contact-phone" name="contact\.phone" aria-required="true" aria-invalid="true" aria-describedby="f-contact-phone-hint f-contact-phone-error" type="tel" autocomplete="tel" value="12345"/);
    expect(page).toContain('<label for="f-contact-phone">手机号码');
    expect(page).toContain('<p class="field-error" id="f-contact-phone-error">请输入有效的11位手机号码</p>');
    expect(page).toMatch(/<select id="f-kind" name="kind" aria-required="true"><option value="">请选择<\/option><option value="a">甲<\/option><option value="b" selected="">乙<\/option><\/select>/);
    expect(page).toContain('<option value="2">2</option>');
    expect(tagWithId(page, 'f-headcount')).toContain('type="text" inputmode="numeric" value="two"');
    expect(tagWithId(page, 'f-headcount')).toContain('aria-invalid="true"');
    expect(tagWithId(page, 'f-ratio')).toContain('inputmode="decimal"');
    expect(page).toContain('<label for="f-payFen">月薪（元）');
    expect(tagWithId(page, 'f-payFen')).toContain('inputmode="decimal" value="4500"');
    expect(page).toMatch(/<select id="f-graduate" name="graduate"><option value="">请选择<\/option><option value="true">是<\/option><option value="false" selected="">否<\/option><\/select>/);
    expect(tagWithId(page, 'f-started')).toContain('type="date"');
    expect(page).toContain('<textarea id="f-note" name="note" rows="4" maxlength="50">备注</textarea>');
    expect(page).toContain('<textarea id="f-story" name="story" rows="4" maxlength="2000">经历</textarea>');
    expect(tagWithId(page, 'f-secret')).toContain('type="password"');
    expect(page).not.toContain('never-shown');
    expect(page).toMatch(/<fieldset class="form-field form-checks" id="f-skills"><legend>技能<\/legend><label class="check"><input type="checkbox" name="skills" value="forklift"\/><span>叉车<\/span><\/label><label class="check"><input type="checkbox" name="skills" value="welding" checked=""\/>/);
    expect(tagWithId(page, 'f-industries')).toContain('value="7241 F"');
    expect(page).not.toContain('name="channel"');
    expect(page).not.toContain('name="source"');
    // Every control has its label, once.
    for (const id of [...page.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)].map((m) => m[1]!)) expect(page.split(`for="${id}"`).length - 1, id).toBe(1);
  });

  it('offers the city\'s counties to tick and the occupations grouped for a job-seeker\'s lists, each chosen one kept; English labels from x-i18n', async () => {
    const page = await html(SchemaFields, { site: en, fields: fieldsOf(profile, 'en'), values: { desiredAreas: ['350203'], desiredOccupations: ['2-06-03'], expectedPayFen: '6000' }, errors: { desiredAreas: 'Required' }, cityCode: '350200' });
    expect(page).toMatch(/<fieldset class="form-field form-checks invalid" id="f-desiredAreas" aria-describedby="f-desiredAreas-error"><legend>Desired work area codes/);
    expect(page).toMatch(/<input type="checkbox" name="desiredAreas" value="350203" checked="" aria-invalid="true"\/><span lang="zh-CN">思明区<\/span>/);
    expect(page).toMatch(/<select id="f-desiredOccupations" name="desiredOccupations" aria-required="true" aria-describedby="f-desiredOccupations-hint" multiple="" size="8"><optgroup label="[^"]+" lang="zh-CN">/);
    expect(page).toContain('<option value="2-06-03" selected="">');
    expect(page).toContain('<span class="sr-only"> (required)</span>');
    expect(page).toContain('<label for="f-expectedPayFen">Expected monthly pay (yuan)');
    expect(page).toContain('<option value="20">Undergraduate or junior college education</option>');
    // Without the city, a division list is typed as codes.
    const typed = await html(SchemaFields, { site: zh, fields: fieldsOf(profile), values: { desiredAreas: ['350203', '350206'] } });
    expect(tagWithId(typed, 'f-desiredAreas')).toContain('value="350203 350206"');
  });

  it('prefixes the ids of a form, so two forms share a page', async () => {
    const page = await html(SchemaFields, { site: zh, fields: fieldsOf(everything), values: {}, errors, idPrefix: 'edit' });
    expect(page).toContain('id="edit-contact-phone"');
    expect(page).toContain('<p class="field-error" id="edit-headcount-error">请输入整数</p>');
    expect(page).not.toContain('id="f-');
  });

  it('sums the problems up above the form, each field\'s linked to its input, and shows held data by the form\'s labels', async () => {
    const fields = fieldsOf(everything);
    const summary = await html(ProblemSummary, { site: zh, heading: '未能提交：', fields, problems: { fields: errors, general: ['不符合业务规则'] } });
    expect(summary).toContain('role="alert"');
    expect(summary).toContain('<li>不符合业务规则</li>');
    expect(summary).toContain('<li><a href="#f-contact-phone">手机号码</a>：请输入有效的11位手机号码</li>');
    expect(await html(ProblemSummary, { site: zh, heading: 'x', fields, problems: noProblems() })).toBe('');
    const shown = await html(SchemaValues, { site: zh, fields, data: { kind: 'b', payFen: 600_050, graduate: true, skills: ['forklift', 'welding'], channel: 'online', note: '' } });
    expect(shown).toBe('<dl class="facts"><div><dt>类别</dt><dd class="prose">乙</dd></div><div><dt>月薪（元）</dt><dd class="prose">6,000.50</dd></div><div><dt>应届毕业生</dt><dd class="prose">是</dd></div><div><dt>技能</dt><dd class="prose">叉车、焊接</dd></div></dl>');
  });
});

describe('the one mapping of a refusal to a form\'s messages', () => {
  const fields = formFields(everything, 'en', ['source']);

  it('places the schema\'s failing fields beside them (an item of a list on its list, a group\'s field by its dotted name), one message each; a field the form does not show, or the whole form, above it', () => {
    const error = new PlatformError('FORM_INVALID', {
      details: {
        fields: [
          { field: 'contact.phone', keyword: 'format', message: 'format', text: { 'zh-CN': '请输入有效的11位手机号码', en: 'Enter a valid 11-digit mobile number' } },
          { field: 'contact.phone', keyword: 'pattern', message: 'pattern', text: { 'zh-CN': '格式不正确', en: 'Wrong format' } },
          { field: 'skills.1', keyword: 'oneOf', message: 'oneOf', text: { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' } },
          { field: 'channel', keyword: 'const', message: 'const', text: { 'zh-CN': '填写有误', en: 'Invalid value' } },
          { field: '', keyword: 'additionalProperties', message: 'extra', text: { 'zh-CN': '含有未定义的字段', en: 'Unknown field' } },
        ],
      },
    });
    expect(problemsOf(refusal(error), 'en', fields)).toEqual({
      fields: { 'contact.phone': 'Enter a valid 11-digit mobile number', skills: 'Choose one of the listed values' },
      general: ['渠道: Invalid value', 'Unknown field'],
    });
    expect(refusal(error).status).toBe(422);
  });

  it('gives the broken rules\' own messages, a refusal about one field beside it, any other refusal by its code\'s message with its status; a fault is not the form\'s', () => {
    const rule = new PlatformError('RULE_VIOLATION', { details: { violations: [{ rule: 'r', message: { 'zh-CN': '招聘信息不得含有性别歧视内容', en: 'No sex discrimination' } }] } });
    expect(problemsOf(refusal(rule), 'zh-CN', fields)).toEqual({ fields: {}, general: ['招聘信息不得含有性别歧视内容'] });
    const taken = new PlatformError('DUPLICATE_RECORD', { details: { field: 'headcount' } });
    expect(problemsOf(refusal(taken), 'zh-CN', fields)).toEqual({ fields: { headcount: '记录已存在' }, general: [] });
    expect(refusal(taken).status).toBe(409);
    const closed = new PlatformError('POSTING_NOT_OPEN');
    expect(problemsOf(refusal(closed), 'en')).toEqual({ fields: {}, general: ['The posting has been withdrawn, filled or has expired: it takes no applications'] });
    const raced = refusal(new PlatformError('CASE_VERSION_CONFLICT'));
    expect([raced.conflict, raced.status]).toEqual([true, 409]);
    expect(refusal(new PlatformError('NOT_FOUND')).status).toBe(404);
    expect(publicRefusalOf(new PlatformError('DEFINITION_INVALID'))).toBeUndefined();
    expect(publicRefusalOf(new Error('boom'))).toBeUndefined();
  });

  it('reads the accounts\' own checks (`errors`, a throttle\'s wait) as the engine\'s, without a form to place them by', () => {
    const signUp = refusal(new PlatformError('FORM_INVALID', { details: { errors: [{ field: 'cityCode', keyword: 'enum', message: 'unknown city', text: { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' } }] } }));
    expect(problemsOf(signUp, 'zh-CN')).toEqual({ fields: { cityCode: '请从列表中选择' }, general: [] });
    const throttled = refusal(new PlatformError('AUTH_THROTTLED', { details: { retryAfterSeconds: 120 } }));
    expect([throttled.retryAfterSeconds, problemsOf(throttled, 'zh-CN').general]).toEqual([120, ['该地址登录失败次数过多，请稍后再试']]);
  });
});
