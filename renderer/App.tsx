import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner.tsx';
import { Header } from './components/Header.tsx';
import { useT } from './i18n.ts';
import { ContestScreen } from './screens/ContestScreen.tsx';
import { EntriesScreen } from './screens/EntriesScreen.tsx';
import { EntryScreen } from './screens/EntryScreen.tsx';
import { NominationScreen } from './screens/NominationScreen.tsx';
import { StartScreen } from './screens/StartScreen.tsx';
import { AssignmentsScreen } from './screens/organise/AssignmentsScreen.tsx';
import { EntriesEditScreen } from './screens/organise/EntriesEditScreen.tsx';
import { EntryEditorScreen } from './screens/organise/EntryEditorScreen.tsx';
import { ExpertEditorScreen } from './screens/organise/ExpertEditorScreen.tsx';
import { ExpertsEditScreen } from './screens/organise/ExpertsEditScreen.tsx';
import { NominationEditorScreen } from './screens/organise/NominationEditorScreen.tsx';
import { OrganiseScreen } from './screens/organise/OrganiseScreen.tsx';
import { WorkspaceNav } from './components/WorkspaceNav.tsx';
import { EnrolmentsScreen } from './screens/organise/EnrolmentsScreen.tsx';
import { ImportScreen } from './screens/organise/ImportScreen.tsx';
import { PublishScreen } from './screens/organise/PublishScreen.tsx';
import { ExpertKeyScreen } from './screens/ExpertKeyScreen.tsx';
import { MyEntriesScreen } from './screens/MyEntriesScreen.tsx';
import { SubmitScreen } from './screens/SubmitScreen.tsx';
import { AuditScreen } from './screens/chair/AuditScreen.tsx';
import { CoverageScreen } from './screens/chair/CoverageScreen.tsx';
import { FinaliseScreen } from './screens/chair/FinaliseScreen.tsx';
import { GroupScreen } from './screens/chair/GroupScreen.tsx';
import { IntakeScreen } from './screens/chair/IntakeScreen.tsx';
import { MarksScreen } from './screens/chair/MarksScreen.tsx';
import { ResultsScreen } from './screens/chair/ResultsScreen.tsx';
import { CeremonyScreen } from './screens/venue/CeremonyScreen.tsx';
import { VenueScreen } from './screens/venue/VenueScreen.tsx';
import { BackupScreen } from './screens/backup/BackupScreen.tsx';
import { hrefOf, useRoute, type Route } from './stores/route-store.ts';
import { useWorkspaceStore } from './stores/workspace-store.ts';
import { useReport } from './use-report.ts';

/** Screens that work from a results file alone, with no workspace open. */
const WITHOUT_WORKSPACE: Route['name'][] = ['start', 'venue', 'ceremony'];

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'start':
      return <StartScreen />;
    case 'contest':
      return <ContestScreen />;
    case 'nomination':
      return <NominationScreen nominationId={route.nominationId} />;
    case 'entries':
      return <EntriesScreen nominationId={route.nominationId} categoryId={route.categoryId} />;
    case 'entry':
      return <EntryScreen entryId={route.entryId} />;
    case 'organise':
      return <OrganiseScreen />;
    case 'editNomination':
      return <NominationEditorScreen nominationId={route.nominationId} />;
    case 'editEntries':
      return <EntriesEditScreen nominationId={route.nominationId} />;
    case 'editEntry':
      return <EntryEditorScreen entryId={route.entryId} />;
    case 'editExperts':
      return <ExpertsEditScreen />;
    case 'editExpert':
      return <ExpertEditorScreen expertId={route.expertId} />;
    case 'assignments':
      return <AssignmentsScreen nominationId={route.nominationId} categoryId={route.categoryId} />;
    case 'import':
      return <ImportScreen kind={route.kind} />;
    case 'publish':
      return <PublishScreen />;
    case 'enrolments':
      return <EnrolmentsScreen />;
    case 'mine':
      return <MyEntriesScreen />;
    case 'submit':
      return <SubmitScreen />;
    case 'key':
      return <ExpertKeyScreen />;
    case 'intake':
      return <IntakeScreen />;
    case 'coverage':
      return <CoverageScreen nominationId={route.nominationId} categoryId={route.categoryId} />;
    case 'results':
      return <ResultsScreen />;
    case 'group':
      return <GroupScreen nominationId={route.nominationId} categoryId={route.categoryId} />;
    case 'marks':
      return <MarksScreen entryId={route.entryId} />;
    case 'finalise':
      return <FinaliseScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'venue':
      return <VenueScreen />;
    case 'ceremony':
      return <CeremonyScreen />;
    case 'backups':
      return <BackupScreen />;
  }
}

export function App() {
  const { t } = useT();
  const report = useReport();
  const ready = useWorkspaceStore((s) => s.ready);
  const hasWorkspace = useWorkspaceStore((s) => s.summary !== null);
  const load = useWorkspaceStore((s) => s.load);
  const route = useRoute();

  useEffect(() => {
    load().catch(report);
  }, [load, report]);

  // Every screen but the start screen and the venue's needs an open workspace; without one, start there.
  const shown: Route = ready && !hasWorkspace && !WITHOUT_WORKSPACE.includes(route.name) ? { name: 'start' } : route;
  // The ceremony is the whole screen: no header, no navigation.
  if (shown.name === 'ceremony') return ready ? <CeremonyScreen /> : null;
  return (
    <>
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <Header />
      {hasWorkspace && <WorkspaceNav />}
      <ErrorBanner />
      <main id="main" tabIndex={-1}>
        {ready ? <Screen key={hrefOf(shown)} route={shown} /> : <p className="muted">{t('app.loading')}</p>}
      </main>
    </>
  );
}
