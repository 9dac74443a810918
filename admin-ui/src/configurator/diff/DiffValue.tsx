import { Tag } from 'antd';
import { useLocalized } from '../../i18n.ts';
import { useKeyName } from '../ElementPath.tsx';
import { isLocalizedPair } from '../paths.ts';
import { useConfigMessages } from '../messages.ts';
import { useRoleName } from '../../roles.ts';
import { usePostName } from '../usePostName.ts';
import { useActionText } from '../useActionText.ts';
import { PatternText } from '../PatternText.tsx';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Objects with more entries than this fold away below the top level. */
const FOLD_AFTER = 4;

/** Codes a definition holds under a key, as people call them: roles and posts by name. */
function useCodeName() {
  const roleName = useRoleName();
  const postName = usePostName();
  return (key: string, code: string) => (key === 'role' || key === 'roles' ? roleName(code) : key === 'post' ? postName(code) : code);
}

/** Keys whose text is an expression or an identifier: shown as code, beside the words that explain it. */
const CODE_KEYS = new Set(['cel', 'guard', 'id', 'event', 'field', 'certificate', 'subsidyType']);

/** A text value under `holder` that is more than text: a pattern, an action's type, an expression or an id. */
function CodeValue({ holder, text }: { holder: string; text: string }) {
  const actionText = useActionText();
  if (holder === 'pattern') return <PatternText pattern={text} />;
  if (holder === 'type') {
    return (
      <span className="config-path">
        <span>{actionText({ type: text }).title}</span>
        <code className="config-path-code">{text}</code>
      </span>
    );
  }
  return <code className="config-value-code">{text}</code>;
}

/**
 * A value of a definition as a person reads it: text, numbers and yes/no inline, a title pair in
 * the current language, roles and posts by name, a list of short values as tags, an object as
 * named entries (large nested ones folded, to be opened with the keyboard too). Never a JSON
 * dump. `path` is the element the value sits at, which says what its codes are.
 */
export function DiffValue({ value, path = '', depth = 0 }: { value: unknown; path?: string; depth?: number }) {
  const t = useConfigMessages();
  const l = useLocalized();
  const keyName = useKeyName();
  const codeName = useCodeName();
  const holder = path.split('.').at(-1) ?? '';
  const json = value as Json | undefined;
  if (json === undefined || json === null) return <span className="config-value-empty">—</span>;
  if (typeof json === 'boolean') return <>{json ? t('yes') : t('no')}</>;
  if (typeof json === 'number') return <>{json}</>;
  if (typeof json === 'string') {
    const actionType = holder === 'type' && /(^|\.)actions(\.|$)/.test(path);
    if (holder === 'pattern' || actionType || CODE_KEYS.has(holder)) return <CodeValue holder={holder} text={json} />;
    return <span className="config-value-text">{codeName(holder, json)}</span>;
  }
  if (isLocalizedPair(json)) return <>{l(json)}</>;
  if (Array.isArray(json)) {
    if (json.length === 0) return <span className="config-value-empty">—</span>;
    if (json.every((item) => typeof item !== 'object' || item === null || isLocalizedPair(item))) {
      return (
        <span className="config-value-tags">
          {json.map((item, i) => (
            <Tag key={i}>{isLocalizedPair(item) ? l(item) : typeof item === 'string' ? codeName(holder, item) : String(item)}</Tag>
          ))}
        </span>
      );
    }
    return (
      <ol className="config-value-list">
        {json.map((item, i) => (
          <li key={i}>
            <DiffValue value={item} path={path} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  const entries = Object.entries(json);
  const list = (
    <dl className="config-value-object">
      {entries.map(([key, item]) => (
        <div key={key} className="config-value-entry">
          <dt>{keyName(key)}</dt>
          <dd>
            <DiffValue value={item} path={`${path}.${key}`} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  );
  if (depth === 0 || entries.length <= FOLD_AFTER) return list;
  return (
    <details className="config-value-fold">
      <summary>{t('items', { n: entries.length })}</summary>
      {list}
    </details>
  );
}
