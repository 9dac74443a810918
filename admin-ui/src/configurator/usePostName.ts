import { useCallback, useMemo } from 'react';
import type { Localized } from '../api.ts';
import { useLocalized } from '../i18n.ts';
import { useCatalogue } from '../shell/useCatalogue.ts';
import type { Definition } from './types.ts';

const NONE = { items: [] as { code: string; name: Localized }[] };

/** A post code of a definition as its offices name it (`unemployment-window` → 失业登记窗口); the code itself when no office has it. */
export function usePostName() {
  const l = useLocalized();
  const { items } = useCatalogue('/posts', NONE);
  const names = useMemo(() => new Map(items.map((post) => [post.code, post.name])), [items]);
  return useCallback((code: string) => (names.has(code) ? l(names.get(code)) : code), [names, l]);
}

/**
 * The posts offered when a draft names one: those the definition's tasks name and those the
 * offices have, by code, each shown with its name.
 */
export function usePostOptions(definition: Definition): { value: string; label: string }[] {
  const postName = usePostName();
  const { items } = useCatalogue('/posts', NONE);
  const used = Object.values(definition.states).flatMap((state) => (state.task?.post ? [state.task.post] : []));
  return [...new Set([...used, ...items.map((post) => post.code)])].map((code) => ({ value: code, label: postName(code) === code ? code : `${postName(code)} · ${code}` }));
}
