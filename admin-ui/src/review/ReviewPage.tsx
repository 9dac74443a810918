import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../api.ts';
import { chinaToday } from '../evaluator/period.ts';
import { useLocale } from '../i18n.ts';
import { currentQuery } from '../router.ts';
import { ReviewDetail } from './ReviewDetail.tsx';
import { ReviewList } from './ReviewList.tsx';
import { readReviewView, type ReviewView } from './reviewView.ts';

/** The list's view as the hash query names it, followed as the hash changes. */
function useHashView(user: SessionUser): ReviewView {
  const today = chinaToday(new Date());
  const [view, setView] = useState(() => readReviewView(currentQuery(), user, today));
  useEffect(() => {
    const follow = () => setView(readReviewView(currentQuery(), user, today));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [user, today]);
  return view;
}

/**
 * 考核期审定 (`#/review`, `#/review/<unit>/<period>`): the period review for evaluators and
 * configurators: the list of a unit's and its children's reviews of a period, or one unit's review
 * with the actions the user's role and level allow.
 */
export default function ReviewPage({ user, unit, period }: { user: SessionUser; unit?: string; period?: string }) {
  const locale = useLocale();
  const view = useHashView(user);
  // The period picker's month and quarter names follow the UI language.
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  if (unit && period) return <ReviewDetail key={`${unit}/${period}`} user={user} unit={unit} period={period} />;
  return <ReviewList user={user} view={view} />;
}
