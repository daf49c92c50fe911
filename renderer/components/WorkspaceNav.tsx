import { useT } from '../i18n.ts';
import { hrefOf, useRoute, type Route } from '../stores/route-store.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';

type Section = { key: MessageKey; route: Route; matches: (route: Route) => boolean };

const named =
  (...names: Route['name'][]) =>
  (route: Route): boolean =>
    names.includes(route.name);

/** The spreadsheet import belongs to the section of what it loads, entries or experts. */
const importOf =
  (kind: 'entries' | 'experts') =>
  (route: Route): boolean =>
    route.name === 'import' && route.kind === kind;

const scoring: Section[] = [
  { key: 'nav.scoring', route: { name: 'contest' }, matches: named('contest', 'nomination', 'entries', 'entry') },
  { key: 'nav.mine', route: { name: 'mine' }, matches: named('mine') },
];

/** Every workspace's backups, whoever's it is. */
const backups: Section = { key: 'nav.backups', route: { name: 'backups' }, matches: named('backups') };

/** An expert's workspace: scoring, sending results, and the expert's key. */
const expertSections: Section[] = [
  ...scoring,
  { key: 'nav.submit', route: { name: 'submit' }, matches: named('submit') },
  { key: 'nav.key', route: { name: 'key' }, matches: named('key') },
  backups,
];

/** An organiser's workspace: scoring (to try the contest out) and everything that builds the contest. */
const organiserSections: Section[] = [
  ...scoring,
  { key: 'nav.contest', route: { name: 'organise' }, matches: named('organise', 'editNomination') },
  { key: 'nav.entries', route: { name: 'editEntries', nominationId: null }, matches: (r) => named('editEntries', 'editEntry')(r) || importOf('entries')(r) },
  { key: 'nav.experts', route: { name: 'editExperts' }, matches: (r) => named('editExperts', 'editExpert', 'enrolments')(r) || importOf('experts')(r) },
  { key: 'nav.assignments', route: { name: 'assignments', nominationId: null, categoryId: null }, matches: named('assignments') },
  { key: 'nav.publish', route: { name: 'publish' }, matches: named('publish') },
  backups,
];

/** The jury chair's workspace: taking in results, coverage, the rankings, signing, and the audit log. */
const chairSections: Section[] = [
  { key: 'nav.intake', route: { name: 'intake' }, matches: named('intake') },
  { key: 'nav.coverage', route: { name: 'coverage', nominationId: null, categoryId: null }, matches: named('coverage') },
  { key: 'nav.results', route: { name: 'results' }, matches: named('results', 'group', 'marks') },
  { key: 'nav.finalise', route: { name: 'finalise' }, matches: named('finalise') },
  { key: 'nav.audit', route: { name: 'audit' }, matches: named('audit') },
  { key: 'nav.venue', route: { name: 'venue' }, matches: named('venue') },
  backups,
];

/** The sections of an open workspace: an expert's, the chair's, or the organiser's. */
export function WorkspaceNav() {
  const { t } = useT();
  const route = useRoute();
  const kind = useWorkspaceStore((s) => s.summary?.kind);
  const sections = kind === 'expert' ? expertSections : kind === 'chair' ? chairSections : organiserSections;
  return (
    <nav className="workspace-nav" aria-label={t('nav.label')}>
      <ul>
        {sections.map((s) => (
          <li key={s.key}>
            <a href={hrefOf(s.route)} aria-current={s.matches(route) ? 'page' : undefined}>
              {t(s.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
