import { useContext, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, session, type SessionUser } from '../api.ts';
import { LocaleContext, useT } from '../i18n.ts';

/** Sign-in form; shows the server's message in the current language when it refuses. */
export function LoginPage({ onSignedIn, switcher }: { onSignedIn: (user: SessionUser) => void; switcher: ReactNode }) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ token: string; user: SessionUser }>('POST', '/auth/login', { username, password });
      session.set(result.token);
      onSignedIn(result.user);
    } catch (caught) {
      setError(caught instanceof ApiError ? (locale === 'zh-CN' ? caught.body.message.zh : caught.body.message.en) : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form onSubmit={submit} aria-label={t('signIn')}>
        <div className="login-head">
          <h1>{t('appTitle')}</h1>
          {switcher}
        </div>
        <label>
          {t('username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
        <p className="hint">{t('demoHint')}</p>
      </form>
    </main>
  );
}
