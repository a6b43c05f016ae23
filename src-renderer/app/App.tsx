import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobalSearch } from '../components/GlobalSearch';
import { href, useRoute, type Route } from '../lib/router';
import { NotificationsBell } from '../notifications/NotificationsBell';
import { TodayPage } from '../today/TodayPage';
import { DeskProvider } from '../staff/desk-context';
import { WhoIsWorking } from '../staff/WhoIsWorking';
import { SyncProvider } from '../sync/sync-context';
import { SyncIndicator } from '../sync/SyncIndicator';
import { VerifactuIndicator } from '../verifactu/VerifactuIndicator';
import { UpdateReadyNotice } from '../updates/UpdateReadyNotice';
import { useSettings } from './settings-context';

// Each page is its own chunk, loaded when first shown: the first screen does not wait for the others.
const AgendaPage = lazy(() => import('../agenda/AgendaPage').then((m) => ({ default: m.AgendaPage })));
const ScheduledPage = lazy(() => import('../agenda/ScheduledPage').then((m) => ({ default: m.ScheduledPage })));
const CheckoutPage = lazy(() => import('../checkout/CheckoutPage').then((m) => ({ default: m.CheckoutPage })));
const ReceiptPage = lazy(() => import('../checkout/ReceiptPage').then((m) => ({ default: m.ReceiptPage })));
const ClientCardPage = lazy(() => import('../pages/ClientCardPage').then((m) => ({ default: m.ClientCardPage })));
const ClientsPage = lazy(() => import('../pages/ClientsPage').then((m) => ({ default: m.ClientsPage })));
const SettingsPage = lazy(() => import('../pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const DailyListPage = lazy(() => import('../print/DailyListPage').then((m) => ({ default: m.DailyListPage })));
const TillPage = lazy(() => import('../till/TillPage').then((m) => ({ default: m.TillPage })));
const ReportsPage = lazy(() => import('../reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));

type Section = 'today' | 'agenda' | 'clients' | 'checkout' | 'till' | 'reports' | 'settings';

const sections: { id: Section; icon: string }[] = [
  { id: 'today', icon: '◷' },
  { id: 'agenda', icon: '▦' },
  { id: 'clients', icon: '☺' },
  { id: 'checkout', icon: '€' },
  { id: 'till', icon: '▤' },
  { id: 'reports', icon: '▥' },
  { id: 'settings', icon: '⚙' },
];

function sectionOf(route: Route): Section {
  switch (route.page) {
    case 'client':
    case 'client-new':
    case 'clients':
      return 'clients';
    case 'scheduled':
    case 'daily-list':
      return 'agenda';
    case 'receipt':
      return 'checkout';
    default:
      return route.page;
  }
}

export function App() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const route = useRoute();
  const current = sectionOf(route);

  return (
    <DeskProvider>
      <SyncProvider>
        <div className="shell">
          <nav className="sidebar" aria-label={t('nav.main')}>
            <div className="brand">
              <span className="brand-mark" aria-hidden="true">
                M
              </span>
              <span className="brand-text">
                <span className="brand-name">{t('app.name')}</span>
                <span className="brand-centre">{settings.name}</span>
              </span>
            </div>
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <a href={href({ page: s.id })} aria-current={current === s.id ? 'page' : undefined} className="nav-link">
                    <span className="nav-icon" aria-hidden="true">
                      {s.icon}
                    </span>
                    {t(`nav.${s.id}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <header className="topbar">
            <GlobalSearch />
            <div className="topbar-end">
              <UpdateReadyNotice />
              <SyncIndicator />
              <VerifactuIndicator />
              <WhoIsWorking />
              <NotificationsBell />
            </div>
          </header>
          <main className="content" id="main">
            <Suspense fallback={<div className="page-loading" aria-busy="true" />}>
              <Page route={route} />
            </Suspense>
          </main>
        </div>
      </SyncProvider>
    </DeskProvider>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'today':
      return <TodayPage key={route.date ?? ''} date={route.date} />;
    case 'agenda':
      return <AgendaPage occurrenceId={route.occurrenceId} bookFor={route.bookFor} date={route.date} view={route.view} />;
    case 'scheduled':
      return <ScheduledPage />;
    case 'daily-list':
      return <DailyListPage key={`${route.date ?? ''}|${route.staffId ?? ''}`} date={route.date} staffId={route.staffId} />;
    case 'checkout':
      return (
        <CheckoutPage
          key={`${route.clientId ?? ''}|${route.appointmentId ?? ''}|${route.bookingId ?? ''}`}
          clientId={route.clientId}
          appointmentId={route.appointmentId}
          bookingId={route.bookingId}
        />
      );
    case 'receipt':
      return <ReceiptPage key={route.saleId} saleId={route.saleId} />;
    case 'settings':
      return <SettingsPage />;
    case 'till':
      return <TillPage key={route.id ?? ''} id={route.id} />;
    case 'reports':
      return <ReportsPage />;
    case 'client-new':
      return <ClientCardPage key="new" id={null} />;
    case 'client':
      return <ClientCardPage key={route.id} id={route.id} tab={route.tab} />;
    case 'clients':
      return <ClientsPage />;
  }
}
