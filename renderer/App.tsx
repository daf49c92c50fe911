import { lazy, Suspense, useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner.tsx';
import { HandedFiles } from './components/HandedFiles.tsx';
import { Header } from './components/Header.tsx';
import { useT } from './i18n.ts';
import { ContestScreen } from './screens/ContestScreen.tsx';
import { EntriesScreen } from './screens/EntriesScreen.tsx';
import { EntryScreen } from './screens/EntryScreen.tsx';
import { NominationScreen } from './screens/NominationScreen.tsx';
import { StartScreen } from './screens/StartScreen.tsx';
import { WorkspaceNav } from './components/WorkspaceNav.tsx';
import { ExpertKeyScreen } from './screens/ExpertKeyScreen.tsx';
import { MyEntriesScreen } from './screens/MyEntriesScreen.tsx';
import { SubmitScreen } from './screens/SubmitScreen.tsx';
import { VenueScreen } from './screens/venue/VenueScreen.tsx';
import { hrefOf, parseHash, useRoute, useRouteStore, type Route } from './stores/route-store.ts';
import { homeOf, useWorkspaceStore } from './stores/workspace-store.ts';

/**
 * The organiser's, the chair's, the ceremony's and the backups' screens load when first opened:
 * the expert's screens, which open a list of thousands of entries, start without parsing them.
 */
const AssignmentsScreen = lazy(() => import('./screens/organise/AssignmentsScreen.tsx').then((m) => ({ default: m.AssignmentsScreen })));
const EntriesEditScreen = lazy(() => import('./screens/organise/EntriesEditScreen.tsx').then((m) => ({ default: m.EntriesEditScreen })));
const EntryEditorScreen = lazy(() => import('./screens/organise/EntryEditorScreen.tsx').then((m) => ({ default: m.EntryEditorScreen })));
const ExpertEditorScreen = lazy(() => import('./screens/organise/ExpertEditorScreen.tsx').then((m) => ({ default: m.ExpertEditorScreen })));
const ExpertsEditScreen = lazy(() => import('./screens/organise/ExpertsEditScreen.tsx').then((m) => ({ default: m.ExpertsEditScreen })));
const NominationEditorScreen = lazy(() => import('./screens/organise/NominationEditorScreen.tsx').then((m) => ({ default: m.NominationEditorScreen })));
const OrganiseScreen = lazy(() => import('./screens/organise/OrganiseScreen.tsx').then((m) => ({ default: m.OrganiseScreen })));
const EnrolmentsScreen = lazy(() => import('./screens/organise/EnrolmentsScreen.tsx').then((m) => ({ default: m.EnrolmentsScreen })));
const ImportScreen = lazy(() => import('./screens/organise/ImportScreen.tsx').then((m) => ({ default: m.ImportScreen })));
const PublishScreen = lazy(() => import('./screens/organise/PublishScreen.tsx').then((m) => ({ default: m.PublishScreen })));
const AuditScreen = lazy(() => import('./screens/chair/AuditScreen.tsx').then((m) => ({ default: m.AuditScreen })));
const CoverageScreen = lazy(() => import('./screens/chair/CoverageScreen.tsx').then((m) => ({ default: m.CoverageScreen })));
const FinaliseScreen = lazy(() => import('./screens/chair/FinaliseScreen.tsx').then((m) => ({ default: m.FinaliseScreen })));
const GroupScreen = lazy(() => import('./screens/chair/GroupScreen.tsx').then((m) => ({ default: m.GroupScreen })));
const IntakeScreen = lazy(() => import('./screens/chair/IntakeScreen.tsx').then((m) => ({ default: m.IntakeScreen })));
const MarksScreen = lazy(() => import('./screens/chair/MarksScreen.tsx').then((m) => ({ default: m.MarksScreen })));
const ResultsScreen = lazy(() => import('./screens/chair/ResultsScreen.tsx').then((m) => ({ default: m.ResultsScreen })));
const CeremonyScreen = lazy(() => import('./screens/venue/CeremonyScreen.tsx').then((m) => ({ default: m.CeremonyScreen })));
const BackupScreen = lazy(() => import('./screens/backup/BackupScreen.tsx').then((m) => ({ default: m.BackupScreen })));

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
  const ready = useWorkspaceStore((s) => s.ready);
  const summary = useWorkspaceStore((s) => s.summary);
  const hasWorkspace = summary !== null;
  const route = useRoute();
  // The start screen is for when nothing is open: what it opens (a results file for the venue above
  // all) would otherwise land in the open workspace. Back or a typed «#/» goes to the workspace's home.
  const home = ready && summary && route.name === 'start' ? homeOf(summary) : null;
  useEffect(() => {
    // Opening a workspace moves on by itself; only an address still at the start screen is replaced.
    if (!home || parseHash(window.location.hash).name !== 'start') return;
    window.history.replaceState(null, '', hrefOf(home));
    useRouteStore.setState({ route: home });
  }, [home]);

  // Every screen but the start screen and the venue's needs an open workspace; without one, start there.
  const shown: Route = home ?? (ready && !hasWorkspace && !WITHOUT_WORKSPACE.includes(route.name) ? { name: 'start' } : route);
  // The ceremony is the whole screen: no header, no navigation.
  if (shown.name === 'ceremony') {
    return ready ? (
      <Suspense fallback={null}>
        <CeremonyScreen />
      </Suspense>
    ) : null;
  }
  return (
    <>
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <Header />
      {hasWorkspace && <WorkspaceNav />}
      <ErrorBanner />
      <HandedFiles />
      <main id="main" tabIndex={-1}>
        {ready ? (
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <Screen key={hrefOf(shown)} route={shown} />
          </Suspense>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </main>
    </>
  );
}
