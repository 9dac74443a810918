import { Tooltip } from 'antd';
import { useLocale } from '../i18n.ts';
import { describedPattern } from './draft/pattern-text.ts';
import { useConfigMessages } from './messages.ts';

/**
 * A field's `pattern` as a configurator reads it: the common ones in words (6 位数字), the
 * expression on hover and focus; any other as code, labelled 正则表达式, never bare.
 */
export function PatternText({ pattern }: { pattern: string }) {
  const t = useConfigMessages();
  const locale = useLocale();
  const described = describedPattern(pattern, locale);
  if (described) {
    return (
      <Tooltip title={t('regexIs', { pattern })}>
        <span tabIndex={0}>{described}</span>
      </Tooltip>
    );
  }
  return (
    <span className="config-regex">
      <span className="config-regex-label">{t('regex')}</span> <code>{pattern}</code>
    </span>
  );
}
