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
      {notice.post === null ? null : (
        <div>
          <dt>{t.post}</dt>
          <dd>
            <Data site={site} text={notice.post} />
          </dd>
        </div>
      )}
      {notice.employer === null ? null : (
        <div>
          <dt>{t.employer}</dt>
          <dd>
            <Data site={site} text={notice.employer} />
          </dd>
        </div>
      )}
      <div>
        <dt>{t.district}</dt>
        <dd>
          <Data site={site} text={notice.district} />
        </dd>
      </div>
      <div>
        <dt>{t.period}</dt>
        <dd>{fillText(t.periodText, { start: day(notice.startsAt), end: day(notice.endsAt) })}</dd>
      </div>
    </dl>
  );
};
