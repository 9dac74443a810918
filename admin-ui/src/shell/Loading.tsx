import { useCommon } from '../i18n.ts';

/** What shows while a screen's code (or the signed-in frame's) is on its way. */
export function Loading() {
  const t = useCommon();
  return <div className="centered" aria-busy="true">{t('loading')}</div>;
}
