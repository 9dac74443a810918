import { englishStringTranslator, replaceStringParameters, TranslatableString } from '@rjsf/utils';
import type { Locale } from '../i18n.ts';

/** rjsf's own strings that the antd theme shows (array buttons, yes/no, clear) in Chinese; the rest stay English. */
const chinese: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.ClearButton]: '清空输入',
  [TranslatableString.OptionalObjectAdd]: '填写此可选项',
  [TranslatableString.OptionalObjectRemove]: '移除此可选项',
  [TranslatableString.OptionalObjectEmptyMsg]: '此可选项未填写',
};

/** rjsf's `translateString` for a locale. */
export function rjsfStrings(locale: Locale) {
  return (key: TranslatableString, params?: string[]): string => {
    const text = locale === 'zh-CN' ? chinese[key] : undefined;
    return text === undefined ? englishStringTranslator(key, params) : replaceStringParameters(text, params);
  };
}
