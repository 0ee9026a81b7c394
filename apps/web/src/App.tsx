import { useEffect } from 'react';
import { AdminPage } from './pages/AdminPage';
import { CommunityPage } from './pages/CommunityPage';
import { JoinPage } from './pages/JoinPage';
import { ListenPage } from './pages/ListenPage';
import { ProfilePage } from './pages/ProfilePage';
import { Link, navigate, usePath } from './router';
import { StationProvider, useStation } from './state';

const LISTENER_PAGES = [
  { to: '/listen', label: 'Listen' },
  { to: '/profile', label: 'My taste' },
  { to: '/community', label: 'Friends' },
];

function Shell() {
  const path = usePath();
  const station = useStation();
  const joined = !!station.listener;

  useEffect(() => {
    if (path === '/') navigate(joined ? '/listen' : '/join');
    else if (!joined && LISTENER_PAGES.some((p) => p.to === path)) navigate('/join');
  }, [path, joined]);

  const page =
    path === '/admin' ? (
      <AdminPage />
    ) : path === '/join' || !joined ? (
      <JoinPage />
    ) : path === '/profile' ? (
      <ProfilePage />
    ) : path === '/community' ? (
      <CommunityPage />
    ) : (
      <ListenPage />
    );

  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden>
            <i />
            <i />
            <i />
            <i />
          </span>
          qfzz <span className="brand-sub">radio</span>
        </Link>
        <nav>
          {joined &&
            LISTENER_PAGES.map((p) => (
              <Link
                key={p.to}
                to={p.to}
                className={path === p.to ? 'active' : ''}
                testId={`nav-${p.to.slice(1)}`}
              >
                {p.label}
              </Link>
            ))}
          <Link to="/admin" className={`nav-admin ${path === '/admin' ? 'active' : ''}`} testId="nav-admin">
            Admin
          </Link>
        </nav>
        <div className="who">
          {joined ? (
            <>
              <span
                className={`live-dot ${station.live ? 'on' : ''}`}
                title={station.live ? 'live updates on' : 'connecting…'}
              />
              <span className="who-name">{station.listener?.name || 'Listener'}</span>
            </>
          ) : null}
        </div>
      </header>
      {station.notice && (
        <div className="notice" role="status" data-testid="notice">
          {station.notice}
          <button className="link" onClick={() => station.setNotice(undefined)} aria-label="dismiss">
            ×
          </button>
        </div>
      )}
      <main>{page}</main>
    </div>
  );
}

export function App() {
  return (
    <StationProvider>
      <Shell />
    </StationProvider>
  );
}
