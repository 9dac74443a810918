import { Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../api.ts';
import { useLocale } from '../i18n.ts';
import { MarketTab } from './market/MarketTab.tsx';
import { useMessages } from './messages.ts';
import { PerformanceTab } from './PerformanceTab.tsx';
import type { UnitRef } from './types.ts';

/**
 * 绩效看板 The evaluator's dashboards (`#/dashboard`, `#/dashboard/<indicator>`): performance
 * assessment from the indicators, and market monitoring (unemployment, supply and demand,
 * alerts). Both start at the user's org unit and share the way down the org tree.
 */
export default function Dashboard({ user, indicatorId }: { user: SessionUser; indicatorId?: string }) {
  const t = useMessages();
  const locale = useLocale();
  const [trail, setTrail] = useState<UnitRef[]>(() => [{ id: user.orgUnit.id, name: user.orgUnit.name }]);
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
        items={[
          { key: 'performance', label: t('performanceTab'), children: <PerformanceTab indicatorId={indicatorId} trail={trail} onTrail={setTrail} /> },
          { key: 'market', label: t('marketTab'), children: <MarketTab trail={trail} onTrail={setTrail} /> },
        ]}
      />
    </section>
  );
}
