import { create } from 'zustand';

/** Where the user is. Kept in the address's hash so a reload returns to the same screen. */
export type Route =
  | { name: 'start' }
  | { name: 'contest' }
  | { name: 'nomination'; nominationId: string }
  | { name: 'entries'; nominationId: string; categoryId: string | null }
  | { name: 'entry'; entryId: string };

const NO_CATEGORY = '-';

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'start':
      return '#/';
    case 'contest':
      return '#/contest';
    case 'nomination':
      return `#/nomination/${encodeURIComponent(route.nominationId)}`;
    case 'entries':
      return `#/entries/${encodeURIComponent(route.nominationId)}/${encodeURIComponent(route.categoryId ?? NO_CATEGORY)}`;
    case 'entry':
      return `#/entry/${encodeURIComponent(route.entryId)}`;
  }
}

export function parseHash(hash: string): Route {
  const [name, a, b] = hash.replace(/^#\/?/, '').split('/').map((part) => decodeURIComponent(part));
  if (name === 'contest') return { name: 'contest' };
  if (name === 'nomination' && a) return { name: 'nomination', nominationId: a };
  if (name === 'entries' && a && b) return { name: 'entries', nominationId: a, categoryId: b === NO_CATEGORY ? null : b };
  if (name === 'entry' && a) return { name: 'entry', entryId: a };
  return { name: 'start' };
}

interface RouteState {
  route: Route;
  navigate(route: Route): void;
}

export const useRouteStore = create<RouteState>((set) => ({
  route: parseHash(window.location.hash),
  navigate(route) {
    const href = hrefOf(route);
    if (window.location.hash !== href) window.location.hash = href;
    else set({ route });
  },
}));

window.addEventListener('hashchange', () => useRouteStore.setState({ route: parseHash(window.location.hash) }));

export const useRoute = (): Route => useRouteStore((s) => s.route);
export const navigate = (route: Route): void => useRouteStore.getState().navigate(route);
