/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import { NoticePage } from '../pages/notice-pages.tsx';
import type { Site } from '../site.ts';
import { sessionTexts } from './texts.ts';

/** A page the visitor's account may not open (HTTP 403): another kind of account, or one not verified yet. */
export const ForbiddenPage: FC<{ site: Site; path: string }> = ({ site, path }) => {
  const t = sessionTexts(site.lang);
  return (
    <NoticePage site={site} path={path} title={t.forbiddenTitle} text={t.forbiddenText}>
      <p>
        <a href={site.href('/my')}>{t.myAccount}</a>
      </p>
    </NoticePage>
  );
};

/** A form sent without this browser's token, or from another site (HTTP 403). */
export const ExpiredFormPage: FC<{ site: Site; path: string }> = ({ site, path }) => {
  const t = sessionTexts(site.lang);
  return <NoticePage site={site} path={path} title={t.expiredTitle} text={t.expiredText} />;
};
