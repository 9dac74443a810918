import type { Target } from './target.ts';

/**
 * 网站建设: the public employment service website. The platform has no public site yet (the
 * recruitment portal is planned), so the target is reported as not started rather than guessed.
 */
export const website: Target = {
  id: 'website',
  title: { 'zh-CN': '网站建设', en: 'Website' },
  measure: {
    'zh-CN': '面向社会的就业服务网站和公共招聘网站是否上线；本平台尚无公众网站，如实记为未启动',
    en: 'Whether a public employment service and recruitment website is online; this platform has no public site yet, so it is reported as not started',
  },
  count: () => Promise.resolve({ notStarted: { 'zh-CN': '本平台尚未建设公众网站', en: 'The platform has no public website yet' } }),
};
