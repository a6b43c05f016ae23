import { useEffect, useState } from 'react';

/** The screens of the app, addressed by the URL hash (works from a file:// page in Electron too). */
export type Route =
  /** The "Hoy" board: everyone expected today (the first screen). */
  | { page: 'today'; date?: string }
  /** The agenda; optionally with a session's panel open, or booking an appointment for a client (a sync conflict's next step). */
  | { page: 'agenda'; occurrenceId?: string; bookFor?: string; date?: string; view?: 'team' }
  | { page: 'scheduled' }
  | { page: 'daily-list'; date?: string; staffId?: string }
  | { page: 'clients' }
  | { page: 'client-new' }
  /** A client's card; `tab` the section open (the address keeps it, so a reload opens the same one). */
  | { page: 'client'; id: string; tab?: string }
  /** The checkout: a new sale, optionally for a client or charging an appointment or session booking. */
  | { page: 'checkout'; clientId?: string; appointmentId?: string; bookingId?: string }
  /** One sale's printable receipt. */
  | { page: 'receipt'; saleId: string }
  /** The day's till (Caja del día); `id` a past session's Z report. */
  | { page: 'till'; id?: string }
  /** Informes: sales for a date range, the fiscal exports. */
  | { page: 'reports' }
  | { page: 'settings' };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function optional<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(search);
  switch (parts[0]) {
    case 'agenda':
      if (parts[1] === 'agendadas') return { page: 'scheduled' };
      return {
        page: 'agenda',
        ...optional('occurrenceId', params.get('sesion')),
        ...optional('bookFor', params.get('agendar')),
        // A day in the team view ("Ver en la agenda" after booking).
        ...optional('date', isoDate.test(params.get('dia') ?? '') ? params.get('dia') : null),
        ...(params.get('vista') === 'equipo' ? { view: 'team' as const } : {}),
      };
    case 'lista-diaria': {
      const date = params.get('fecha') ?? undefined;
      const staffId = params.get('profesional') ?? undefined;
      return { page: 'daily-list', date: date && isoDate.test(date) ? date : undefined, staffId: staffId || undefined };
    }
    case 'checkout': {
      if (parts[1] === 'recibo' && parts[2]) return { page: 'receipt', saleId: decodeURIComponent(parts[2]) };
      const clientId = params.get('cliente') || undefined;
      const appointmentId = params.get('cita') || undefined;
      const bookingId = params.get('reserva') || undefined;
      return { page: 'checkout', ...(clientId ? { clientId } : {}), ...(appointmentId ? { appointmentId } : {}), ...(bookingId ? { bookingId } : {}) };
    }
    case 'settings':
      return { page: 'settings' };
    case 'caja':
      return { page: 'till', ...optional('id', parts[1] ? decodeURIComponent(parts[1]) : null) };
    case 'informes':
      return { page: 'reports' };
    case 'clients':
      if (parts[1] === 'new') return { page: 'client-new' };
      if (parts[1]) return { page: 'client', id: decodeURIComponent(parts[1]), ...optional('tab', params.get('pestana')) };
      return { page: 'clients' };
    case 'hoy': {
      const date = params.get('fecha');
      return { page: 'today', ...optional('date', date && isoDate.test(date) ? date : null) };
    }
    default:
      return { page: 'today' };
  }
}

export function href(route: Route): string {
  switch (route.page) {
    case 'today':
      return route.date ? `#/hoy?fecha=${route.date}` : '#/hoy';
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}${route.tab ? `?pestana=${encodeURIComponent(route.tab)}` : ''}`;
    case 'client-new':
      return '#/clients/new';
    case 'scheduled':
      return '#/agenda/agendadas';
    case 'agenda': {
      const params = new URLSearchParams();
      if (route.occurrenceId) params.set('sesion', route.occurrenceId);
      if (route.bookFor) params.set('agendar', route.bookFor);
      if (route.date) params.set('dia', route.date);
      if (route.view === 'team') params.set('vista', 'equipo');
      const query = params.toString();
      return `#/agenda${query ? `?${query}` : ''}`;
    }
    case 'daily-list': {
      const params = new URLSearchParams();
      if (route.date) params.set('fecha', route.date);
      if (route.staffId) params.set('profesional', route.staffId);
      const query = params.toString();
      return `#/lista-diaria${query ? `?${query}` : ''}`;
    }
    case 'checkout': {
      const params = new URLSearchParams();
      if (route.clientId) params.set('cliente', route.clientId);
      if (route.appointmentId) params.set('cita', route.appointmentId);
      if (route.bookingId) params.set('reserva', route.bookingId);
      const query = params.toString();
      return `#/checkout${query ? `?${query}` : ''}`;
    }
    case 'receipt':
      return `#/checkout/recibo/${encodeURIComponent(route.saleId)}`;
    case 'till':
      return route.id ? `#/caja/${encodeURIComponent(route.id)}` : '#/caja';
    case 'reports':
      return '#/informes';
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  const target = href(route);
  if (window.location.hash !== target) window.location.hash = target;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
