import { useT } from '../i18n.ts';
import { hrefOf, useRoute, type Route } from '../stores/route-store.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';

const sections: { key: MessageKey; route: Route; matches: Route['name'][] }[] = [
  { key: 'nav.scoring', route: { name: 'contest' }, matches: ['contest', 'nomination', 'entries', 'entry'] },
  { key: 'nav.contest', route: { name: 'organise' }, matches: ['organise', 'editNomination'] },
  { key: 'nav.entries', route: { name: 'editEntries', nominationId: null }, matches: ['editEntries', 'editEntry', 'import'] },
  { key: 'nav.experts', route: { name: 'editExperts' }, matches: ['editExperts', 'editExpert', 'enrolments'] },
  { key: 'nav.assignments', route: { name: 'assignments', nominationId: null, categoryId: null }, matches: ['assignments'] },
  { key: 'nav.publish', route: { name: 'publish' }, matches: ['publish'] },
];

/** The sections of an open workspace: scoring, and the organiser's contest, entries, experts, assignments, publishing. */
export function WorkspaceNav() {
  const { t } = useT();
  const route = useRoute();
  return (
    <nav className="workspace-nav" aria-label={t('nav.label')}>
      <ul>
        {sections.map((s) => (
          <li key={s.key}>
            <a href={hrefOf(s.route)} aria-current={s.matches.includes(route.name) ? 'page' : undefined}>
              {t(s.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
