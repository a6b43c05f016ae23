import { useEffect, useState } from 'react';

/** The screens of the app, addressed by the URL hash (works from a file:// page in Electron too). */
export type Route =
  | { page: 'agenda' }
  | { page: 'clients' }
  | { page: 'client-new' }
  | { page: 'client'; id: string }
  | { page: 'checkout' }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  switch (parts[0]) {
    case 'agenda':
      return { page: 'agenda' };
    case 'checkout':
      return { page: 'checkout' };
    case 'settings':
      return { page: 'settings' };
    case 'clients':
      if (parts[1] === 'new') return { page: 'client-new' };
      if (parts[1]) return { page: 'client', id: decodeURIComponent(parts[1]) };
      return { page: 'clients' };
    default:
      return { page: 'clients' };
  }
}

export function href(route: Route): string {
  switch (route.page) {
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}`;
    case 'client-new':
      return '#/clients/new';
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
