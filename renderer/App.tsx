import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner.tsx';
import { Header } from './components/Header.tsx';
import { useT } from './i18n.ts';
import { ContestScreen } from './screens/ContestScreen.tsx';
import { EntriesScreen } from './screens/EntriesScreen.tsx';
import { EntryScreen } from './screens/EntryScreen.tsx';
import { NominationScreen } from './screens/NominationScreen.tsx';
import { StartScreen } from './screens/StartScreen.tsx';
import { hrefOf, useRoute, type Route } from './stores/route-store.ts';
import { useWorkspaceStore } from './stores/workspace-store.ts';
import { useReport } from './use-report.ts';

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

  // Every screen but the start screen needs an open workspace; without one, start there.
  const shown: Route = ready && !hasWorkspace ? { name: 'start' } : route;
  return (
    <>
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <Header />
      <ErrorBanner />
      <main id="main" tabIndex={-1}>
        {ready ? <Screen key={hrefOf(shown)} route={shown} /> : <p className="muted">{t('app.loading')}</p>}
      </main>
    </>
  );
}
