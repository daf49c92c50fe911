import { create } from 'zustand';
import { markOnce } from '../marks.ts';

/** Where the user is. Kept in the address's hash so a reload returns to the same screen. */
export type Route =
  | { name: 'start' }
  | { name: 'contest' }
  | { name: 'nomination'; nominationId: string }
  | { name: 'entries'; nominationId: string; categoryId: string | null }
  | { name: 'entry'; entryId: string }
  | { name: 'organise' }
  | { name: 'editNomination'; nominationId: string | null }
  | { name: 'editEntries'; nominationId: string | null }
  | { name: 'editEntry'; entryId: string | null }
  | { name: 'editExperts' }
  | { name: 'editExpert'; expertId: string | null }
  | { name: 'import'; kind: 'entries' | 'experts' }
  | { name: 'assignments'; nominationId: string | null; categoryId: string | null }
  | { name: 'publish' }
  | { name: 'enrolments' }
  | { name: 'mine' }
  | { name: 'submit' }
  | { name: 'key' }
  | { name: 'intake' }
  | { name: 'coverage'; nominationId: string | null; categoryId: string | null }
  | { name: 'results' }
  | { name: 'group'; nominationId: string; categoryId: string | null }
  | { name: 'marks'; entryId: string }
  | { name: 'finalise' }
  | { name: 'audit' }
  | { name: 'venue' }
  | { name: 'ceremony' }
  | { name: 'backups' };

/** Stands for "none" (no category, a new item) in a path segment. */
const NONE = '-';
const part = (value: string | null): string => encodeURIComponent(value ?? NONE);
const unpart = (value: string | undefined): string | null => (value === undefined || value === NONE ? null : value);

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'start':
      return '#/';
    case 'contest':
      return '#/contest';
    case 'nomination':
      return `#/nomination/${part(route.nominationId)}`;
    case 'entries':
      return `#/entries/${part(route.nominationId)}/${part(route.categoryId)}`;
    case 'entry':
      return `#/entry/${part(route.entryId)}`;
    case 'organise':
      return '#/organise';
    case 'editNomination':
      return `#/organise/nomination/${part(route.nominationId)}`;
    case 'editEntries':
      return `#/organise/entries/${part(route.nominationId)}`;
    case 'editEntry':
      return `#/organise/entry/${part(route.entryId)}`;
    case 'editExperts':
      return '#/organise/experts';
    case 'editExpert':
      return `#/organise/expert/${part(route.expertId)}`;
    case 'import':
      return `#/organise/import/${route.kind}`;
    case 'assignments':
      return `#/organise/assignments/${part(route.nominationId)}/${part(route.categoryId)}`;
    case 'publish':
      return '#/organise/publish';
    case 'enrolments':
      return '#/organise/enrolments';
    case 'mine':
      return '#/mine';
    case 'submit':
      return '#/submit';
    case 'key':
      return '#/key';
    case 'intake':
      return '#/chair/intake';
    case 'coverage':
      return `#/chair/coverage/${part(route.nominationId)}/${part(route.categoryId)}`;
    case 'results':
      return '#/chair/results';
    case 'group':
      return `#/chair/group/${part(route.nominationId)}/${part(route.categoryId)}`;
    case 'marks':
      return `#/chair/entry/${part(route.entryId)}`;
    case 'finalise':
      return '#/chair/finalise';
    case 'audit':
      return '#/chair/audit';
    case 'venue':
      return '#/venue';
    case 'ceremony':
      return '#/ceremony';
    case 'backups':
      return '#/backups';
  }
}

/** The chair's screens: #/chair/<screen>/<id>… */
function parseChair(b: string | undefined, c: string | undefined, d: string | undefined): Route {
  switch (b) {
    case 'coverage':
      return { name: 'coverage', nominationId: unpart(c), categoryId: unpart(d) };
    case 'results':
      return { name: 'results' };
    case 'group':
      return c ? { name: 'group', nominationId: c, categoryId: unpart(d) } : { name: 'results' };
    case 'entry':
      return c ? { name: 'marks', entryId: c } : { name: 'results' };
    case 'finalise':
      return { name: 'finalise' };
    case 'audit':
      return { name: 'audit' };
    default:
      return { name: 'intake' };
  }
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map((p) => decodeURIComponent(p));
  const [a, b, c, d] = parts;
  if (a === 'contest') return { name: 'contest' };
  if (a === 'nomination' && b) return { name: 'nomination', nominationId: b };
  if (a === 'entries' && b && c) return { name: 'entries', nominationId: b, categoryId: unpart(c) };
  if (a === 'entry' && b) return { name: 'entry', entryId: b };
  if (a === 'mine' || a === 'submit' || a === 'key' || a === 'venue' || a === 'ceremony' || a === 'backups') return { name: a };
  if (a === 'chair') return parseChair(b, c, d);
  if (a !== 'organise') return { name: 'start' };
  switch (b) {
    case 'nomination':
      return { name: 'editNomination', nominationId: unpart(c) };
    case 'entries':
      return { name: 'editEntries', nominationId: unpart(c) };
    case 'entry':
      return { name: 'editEntry', entryId: unpart(c) };
    case 'experts':
      return { name: 'editExperts' };
    case 'expert':
      return { name: 'editExpert', expertId: unpart(c) };
    case 'import':
      return { name: 'import', kind: c === 'experts' ? 'experts' : 'entries' };
    case 'assignments':
      return { name: 'assignments', nominationId: unpart(c), categoryId: unpart(d) };
    case 'publish':
      return { name: 'publish' };
    case 'enrolments':
      return { name: 'enrolments' };
    default:
      return { name: 'organise' };
  }
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

window.addEventListener('hashchange', () => {
  // Where the timing of a screen starts: the benchmark measures from this mark to the screen's own (LongList.tsx).
  markOnce('jurybox:route', window.location.hash);
  useRouteStore.setState({ route: parseHash(window.location.hash) });
});

export const useRoute = (): Route => useRouteStore((s) => s.route);
export const navigate = (route: Route): void => useRouteStore.getState().navigate(route);
