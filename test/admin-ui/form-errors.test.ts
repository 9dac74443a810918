import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { keywordMessage, localiseErrors, toErrorSchema } from '../../admin-ui/src/forms/field-errors.ts';
import { formValidator } from '../../admin-ui/src/forms/validator.ts';
import { createAjv, toFieldErrors } from '../../forms/index.ts';
import flow from '../../plugins/unemployment-registration/unemployment-registration.flow.json' with { type: 'json' };
import { registrationForm } from '../support/fixtures.ts';

const registration = flow.forms.registration.schema as RJSFSchema;
const complete = registrationForm();

/** The errors the browser shows for `data`: field and message, by field. */
function browserErrors(data: Record<string, unknown>, locale: 'zh-CN' | 'en') {
  const { errors } = formValidator.validateFormData(data, registration, undefined, localiseErrors(locale));
  return errors.map((error) => [error.property?.replace(/^\./, ''), error.message]).sort();
}

describe('form errors in the reader’s language', () => {
  it('accepts a complete registration, as the server does', () => {
    expect(browserErrors(complete, 'zh-CN')).toEqual([]);
  });

  it('names a bad mobile number and a missing field on their fields, once each', () => {
    const { phone: _, ...withoutPhone } = complete;
    expect(browserErrors({ ...withoutPhone, residenceArea: '3502' }, 'zh-CN')).toEqual([
      ['phone', '必填'],
      ['residenceArea', '格式不正确'],
    ]);
    expect(browserErrors({ ...complete, phone: '12345' }, 'en')).toEqual([['phone', 'Enter a valid 11-digit mobile number']]);
  });

  it('reports a value outside the choices once, and the fields an if/then requires without the if', () => {
    const { separationProof: _, ...withoutProof } = complete;
    expect(browserErrors({ ...withoutProof, education: '99' }, 'zh-CN')).toEqual([
      ['education', '请从列表中选择'],
      ['separationProof', '必填'],
    ]);
  });

  it('gives the server the browser’s words in both languages, a value outside the choices and a missing field once each', () => {
    const validate = createAjv().compile(registration);
    const { separationProof: _, ...withoutProof } = complete;
    validate({ ...withoutProof, education: '99', phone: '123' });
    const fields = toFieldErrors(validate.errors).map(({ field, keyword, text }) => [field, keyword, text]);
    expect(fields.sort()).toEqual([
      ['education', 'oneOf', { 'zh-CN': '请从列表中选择', en: 'Choose one of the listed values' }],
      ['phone', 'format', { 'zh-CN': '请输入有效的11位手机号码', en: 'Enter a valid 11-digit mobile number' }],
      ['separationProof', 'required', { 'zh-CN': '必填', en: 'Required' }],
    ]);
  });

  it('places the server’s field errors under their paths, for rjsf’s extraErrors', () => {
    const ajv = createAjv();
    const validate = ajv.compile(registration);
    validate({ ...complete, phone: '123', previousEmployerCreditCode: undefined });
    const fields = toFieldErrors(validate.errors);
    expect(toErrorSchema(fields, 'zh-CN')).toEqual({
      phone: { __errors: ['请输入有效的11位手机号码'] },
      previousEmployerCreditCode: { __errors: ['必填'] },
    });
    expect(toErrorSchema([{ field: 'address.street', keyword: 'maxLength', message: 'must NOT have more than 200 characters' }, { field: '', keyword: 'custom', message: 'broken' }], 'en')).toEqual({
      address: { street: { __errors: ['must NOT have more than 200 characters'] } },
      __errors: ['broken'],
    });
  });

  it('names limits when it knows them and reads an empty required string as missing', () => {
    expect(keywordMessage('maxLength', { limit: 50 }, 'zh-CN', '')).toBe('最多 50 个字符');
    expect(keywordMessage('minLength', { limit: 1 }, 'en', '')).toBe('Required');
    expect(keywordMessage('type', { type: 'integer' }, 'zh-CN', '')).toBe('请输入整数');
    expect(keywordMessage('somethingNew', undefined, 'zh-CN', 'must be special')).toBe('填写有误');
  });
});
