import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import type { SessionUser } from '../api.ts';
import { chinaToday } from '../evaluator/period.ts';
import { useLocale } from '../i18n.ts';
import { useHashQuery } from '../router.ts';
import { ReviewDetail } from './ReviewDetail.tsx';
import { ReviewList } from './ReviewList.tsx';
import { readReviewView } from './reviewView.ts';

/**
 * 考核期审定 (`#/review`, `#/review/<unit>/<period>`): the period review for evaluators and
 * configurators: the list of a unit's and its children's reviews of a period, or one unit's review
 * with the actions the user's role and level allow.
 */
export default function ReviewPage({ user, unit, period }: { user: SessionUser; unit?: string; period?: string }) {
  const locale = useLocale();
  const today = chinaToday(new Date());
  const view = useHashQuery((query) => readReviewView(query, user, today));
  // The period picker's month and quarter names follow the UI language.
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  if (unit && period) return <ReviewDetail key={`${unit}/${period}`} user={user} unit={unit} period={period} />;
  return <ReviewList user={user} view={view} />;
}
