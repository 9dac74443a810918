import { useEffect, useState } from 'react';
import { api, session, type SessionUser } from './api.ts';
import { LocaleContext, type Locale } from './i18n.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { Workbench } from './pages/Workbench.tsx';

/** The shell: who is signed in, in which language. */
export function App() {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem('pes.locale') as Locale | null) ?? 'zh-CN');
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    if (!session.get()) return setUser(null);
    api<SessionUser>('GET', '/auth/me').then(setUser, () => {
      session.clear();
      setUser(null);
    });
  }, []);

  useEffect(() => {
    localStorage.setItem('pes.locale', locale);
    document.documentElement.lang = locale;
  }, [locale]);

  const switcher = (
    <button className="link" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
      {locale === 'zh-CN' ? 'English' : '中文'}
    </button>
  );

  const signOut = async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    session.clear();
    setUser(null);
  };

  return (
    <LocaleContext.Provider value={locale}>
      {user === undefined ? null : user === null ? (
        <LoginPage onSignedIn={setUser} switcher={switcher} />
      ) : (
        <Workbench user={user} onSignOut={signOut} switcher={switcher} />
      )}
    </LocaleContext.Provider>
  );
}
