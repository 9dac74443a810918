import { navigate } from '../../router.ts';

/** Back to where the user came from; to `fallback` when the page was opened directly (a bookmark, a new tab). */
export function goBack(fallback: string): void {
  if (window.history.length > 1) window.history.back();
  else navigate(fallback);
}
