/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { PublicNotice } from '../../runtime/notices/index.ts';
import { yuan } from '../labels.ts';
import { chinaDay, fillText, formatDay } from '../locale.ts';
import { Data } from '../pages/layout.tsx';
import type { Site } from '../site.ts';
import { noticeMessages } from './messages.ts';

/** A notice's title in the page's language. */
export const noticeTitle = (site: Site, notice: PublicNotice): string => notice.title[site.lang];

/** One fact of a notice that is data (a post, an employer, a district): its term and the text as written, none when it has none. */
const DataFact: FC<{ site: Site; term: string; text: string | null }> = ({ site, term, text }) =>
  text === null ? null : (
    <div>
      <dt>{term}</dt>
      <dd>
        <Data site={site} text={text} />
      </dd>
    </div>
  );

/** The facts a notice shows: the masked name, the amount, post or employer where the process has one, the district, the period. Nothing else personal. */
export const NoticeFacts: FC<{ site: Site; notice: PublicNotice }> = ({ site, notice }) => {
  const t = noticeMessages(site.lang);
  const day = (iso: string) => formatDay(site.lang, chinaDay(iso));
  return (
    <dl class="facts">
      <div>
        <dt>{t.name}</dt>
        <dd class="masked-name">
          <Data site={site} text={notice.maskedName} />
        </dd>
      </div>
      {notice.amountFen === null ? null : (
        <div>
          <dt>{t.amount}</dt>
          <dd>{fillText(t.yuan, { amount: yuan(notice.amountFen) })}</dd>
        </div>
      )}
      <DataFact site={site} term={t.post} text={notice.post} />
      <DataFact site={site} term={t.employer} text={notice.employer} />
      <DataFact site={site} term={t.district} text={notice.district} />
      <div>
        <dt>{t.period}</dt>
        <dd>{fillText(t.periodText, { start: day(notice.startsAt), end: day(notice.endsAt) })}</dd>
      </div>
    </dl>
  );
};
