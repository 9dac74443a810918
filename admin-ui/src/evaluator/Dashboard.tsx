import { Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import type { SessionUser } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { MarketTab } from './market/MarketTab.tsx';
import { useMessages } from './messages.ts';
import { PerformanceTab } from './PerformanceTab.tsx';
import { navigate, useHashQuery } from '../router.ts';
import { readView, viewQuery, type DashboardView } from './dashboardView.ts';
import { chinaToday } from './period.ts';

/** The view the hash query names; a change goes into the hash (a new history entry), so back and reload keep it. */
function useHashView(user: SessionUser): [DashboardView, (change: Partial<DashboardView>) => void] {
  const today = chinaToday(new Date());
  const view = useHashQuery((query) => readView(query, user, today));
  const change = (next: Partial<DashboardView>) => {
    const query = viewQuery({ ...view, ...next }, today);
    const path = window.location.hash.replace(/^#/, '').split('?')[0]!;
    navigate(query ? `${path}?${query}` : path);
  };
  return [view, change];
}

/**
 * 绩效看板 The evaluator's dashboards (`#/dashboard`, `#/dashboard/<indicator>`): performance
 * assessment from the indicators, and market monitoring (unemployment, supply and demand,
 * alerts). Both start at the user's org unit and share the way down the org tree; the tab, the
 * drill level and the filters live in the hash query (dashboardView.ts).
 */
export default function Dashboard({ user, indicatorId }: { user: SessionUser; indicatorId?: string }) {
  const t = useMessages();
  const locale = useLocale();
  const [view, change] = useHashView(user);
  const { trail } = view;
  const setTrail = (next: DashboardView['trail']) => change({ trail: next });
  // The date pickers' month and weekday names follow the UI language.
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <section aria-labelledby="dashboard-title" className="evaluator-dashboard">
      <Space className="page-head" wrap>
        <Typography.Title level={2} id="dashboard-title">{t('dashboard')}</Typography.Title>
      </Space>
      <Tabs
        activeKey={view.tab}
        onChange={(tab) => change({ tab: tab === 'market' ? 'market' : 'performance' })}
        items={[
          {
            key: 'performance',
            label: t('performanceTab'),
            children: <PerformanceTab indicatorId={indicatorId} trail={trail} onTrail={setTrail} period={view.period} onPeriod={(period) => change({ period })} post={view.post} onPost={(post) => change({ post })} />,
          },
          { key: 'market', label: t('marketTab'), children: <MarketTab trail={trail} onTrail={setTrail} quarter={view.quarter} onQuarter={(quarter) => change({ quarter })} /> },
        ]}
      />
    </section>
  );
}
