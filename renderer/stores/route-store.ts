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

/**
 * Whether the user may leave the screen shown for `to`. A screen holding work that is not saved
 * installs one (the entry screen: marks typed and not saved) and asks the user before saying yes.
 */
export type LeaveGuard = (to: Route) => Promise<boolean>;
let leaveGuard: LeaveGuard | null = null;
let deciding = false;
/** The address a guard let through, so its hashchange is not stopped again. */
let letThrough: string | null = null;

/** Installs the open screen's guard on leaving; returns its removal. */
export function guardLeaving(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/** Asks the open screen's guard, if any, whether the user may go to `to`; one question at a time. */
export async function mayLeave(to: Route): Promise<boolean> {
  const guard = leaveGuard;
  if (!guard || hrefOf(to) === hrefOf(useRouteStore.getState().route)) return true;
  if (deciding) return false;
  deciding = true;
  try {
    return await guard(to);
  } finally {
    deciding = false;
  }
}

function go(route: Route): void {
  const href = hrefOf(route);
  if (window.location.hash === href) useRouteStore.setState({ route });
  else {
    if (leaveGuard) letThrough = href;
    window.location.hash = href;
  }
}

export const useRouteStore = create<RouteState>(() => ({
  route: parseHash(window.location.hash),
  navigate(route) {
    // Without a guard the move is immediate, as every screen expects; with one it waits for its answer.
    if (!leaveGuard) go(route);
    else void mayLeave(route).then((ok) => ok && go(route));
  },
}));

window.addEventListener('hashchange', () => {
  const route = parseHash(window.location.hash);
  const from = useRouteStore.getState().route;
  const passing = letThrough === hrefOf(route);
  letThrough = null;
  if (leaveGuard && !passing && hrefOf(route) !== hrefOf(from)) {
    // Back, Forward or a typed address: the address moved before anyone could ask. Put it back, then ask.
    window.history.replaceState(null, '', hrefOf(from));
    useRouteStore.getState().navigate(route);
    return;
  }
  // Where the timing of a screen starts: the benchmark measures from this mark to the screen's own (LongList.tsx).
  markOnce('jurybox:route', window.location.hash);
  useRouteStore.setState({ route });
});

// A link inside the app asks the guard before the address changes, so history gets no entry it must take back.
window.addEventListener('click', (event) => {
  if (!leaveGuard || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
  if (!link || link.hasAttribute('target') || link.hasAttribute('download')) return;
  event.preventDefault();
  useRouteStore.getState().navigate(parseHash(link.getAttribute('href') ?? ''));
});

export const useRoute = (): Route => useRouteStore((s) => s.route);
export const navigate = (route: Route): void => useRouteStore.getState().navigate(route);
