/**
 * The frame of every page: a skip link, the header (workspace, language, sign out), the main
 * navigation and the page itself in `<main>`.
 */
import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { Suspense, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages/en.ts';
import { Loading } from '../ui/loading.tsx';
import { Header } from './header.tsx';

const NAV: readonly { to: string; label: MessageKey; exact?: boolean }[] = [
  { to: '/', label: 'nav.dashboard', exact: true },
  { to: '/contacts', label: 'nav.contacts' },
  { to: '/segments', label: 'nav.segments' },
  { to: '/templates', label: 'nav.templates' },
  { to: '/campaigns', label: 'nav.campaigns' },
  { to: '/journeys', label: 'nav.journeys' },
  { to: '/scoring', label: 'nav.scoring' },
  { to: '/storefronts', label: 'nav.storefronts' },
  { to: '/settings', label: 'nav.settings' },
];

/** After a navigation (not the first page), focus moves to the new page so screen readers start there. */
const useFocusOnNavigate = () => {
  const pathname = useLocation({ select: (l) => l.pathname });
  const main = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus();
  });
  return main;
};

export function AppShell() {
  const { t } = useI18n();
  const main = useFocusOnNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Header />
      <nav className="nav" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                activeOptions={{ exact: item.exact ?? false }}
                activeProps={{ 'aria-current': 'page', className: 'active' }}
              >
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className="main" ref={main}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
