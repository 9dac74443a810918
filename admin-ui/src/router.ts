import { useEffect, useRef, useState } from 'react';

/** The current hash path, e.g. `/cases/1234`; `#/` when empty. */
function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash.split('?')[0]! : '/';
}

/** The current hash route's query parameters. */
export function currentQuery(): URLSearchParams {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/**
 * What a screen reads from the hash route's query (its view, its filters), read again whenever
 * the hash changes, so a link, the back button and a reload show the same. `read` may change
 * between renders (it closes over the user, today); the latest is used.
 */
export function useHashQuery<T>(read: (query: URLSearchParams) => T): T {
  const [value, setValue] = useState(() => read(currentQuery()));
  const latest = useRef(read);
  useEffect(() => {
    latest.current = read;
  });
  useEffect(() => {
    const follow = () => setValue(latest.current(currentQuery()));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return value;
}

/**
 * Asked before the route changes while a screen holds unsaved work: given how to go on, it asks
 * the user and calls `leave` if they agree. One at a time (the screen on show sets it).
 */
export type LeaveGuard = (leave: () => void) => void;
let leaveGuard: LeaveGuard | null = null;

/** Sets (or with null, clears) the guard asked before leaving the screen on show. */
export function setLeaveGuard(guard: LeaveGuard | null): void {
  leaveGuard = guard;
}

/**
 * Follows the hash route: screens are addressable, bookmarkable and work with the back button.
 * While a leave guard is set, a new hash (a link, the menu, the back button) is put back at once
 * and the guard asked; the route changes only if it lets the user go.
 */
export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    let shown = window.location.hash;
    const follow = () => {
      const target = window.location.hash;
      if (target === shown) return;
      const guard = leaveGuard;
      if (guard) {
        history.replaceState(history.state, '', shown || '#/');
        guard(() => {
          leaveGuard = null;
          window.location.hash = target;
        });
        return;
      }
      shown = target;
      setPath(currentPath());
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return path;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

/** Matches `path` against a pattern such as `/cases/:id`; returns the named segments or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}
