import { useState, type ReactNode } from 'react';
import type { CaseItem, SessionUser, TaskItem } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { usePaged } from '../components/usePaged.ts';
import { useLocalized, useT } from '../i18n.ts';

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
}

/** The caseworker's workbench: the inbox of tasks and the list of cases in the user's jurisdiction. */
export function Workbench({ user, onSignOut, switcher }: { user: SessionUser; onSignOut: () => void; switcher: ReactNode }) {
  const t = useT();
  const l = useLocalized();
  const [tab, setTab] = useState<'tasks' | 'cases'>('tasks');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const tasks = usePaged<TaskItem>(`/tasks${overdueOnly ? '?overdue=true' : ''}`);
  const cases = usePaged<CaseItem>('/cases');

  return (
    <div className="shell">
      <header>
        <h1>{t('appTitle')}</h1>
        <span className="who">
          {user.displayName} · {user.orgUnit.name}
          {user.post ? ` · ${user.post.name}` : ''}
        </span>
        {switcher}
        <button className="link" onClick={onSignOut}>{t('signOut')}</button>
      </header>
      <nav className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'tasks'} onClick={() => setTab('tasks')}>{t('tasks')}</button>
        <button role="tab" aria-selected={tab === 'cases'} onClick={() => setTab('cases')}>{t('cases')}</button>
      </nav>
      <main>
        {tab === 'tasks' ? (
          <>
            <label className="filter">
              <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} /> {t('onlyOverdue')}
            </label>
            <DataTable
              label={t('tasks')}
              list={tasks}
              columns={[
                { header: t('caseNo'), cell: (r) => r.caseNo },
                { header: t('process'), cell: (r) => l(r.processTitle) },
                { header: t('state'), cell: (r) => l(r.stateTitle) },
                { header: t('subject'), cell: (r) => r.subject?.name ?? '—' },
                { header: t('idNumber'), cell: (r) => r.subject?.identifier ?? '—' },
                { header: t('due'), cell: (r) => <span className={r.overdue ? 'late' : ''}>{when(r.dueAt)}{r.overdue ? ` · ${t('overdue')}` : ''}</span> },
              ]}
            />
          </>
        ) : (
          <DataTable
            label={t('cases')}
            list={cases}
            columns={[
              { header: t('caseNo'), cell: (r) => r.caseNo },
              { header: t('process'), cell: (r) => l(r.processTitle) },
              { header: t('state'), cell: (r) => l(r.stateTitle) },
              { header: t('status'), cell: (r) => t(r.status) },
              { header: t('subject'), cell: (r) => r.subject?.name ?? '—' },
              { header: t('idNumber'), cell: (r) => r.subject?.identifier ?? '—' },
              { header: t('updated'), cell: (r) => when(r.updatedAt) },
            ]}
          />
        )}
      </main>
    </div>
  );
}
