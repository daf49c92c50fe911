import type { FileKind } from '../../shared/formats/dsse.ts';
import { useT } from '../i18n.ts';
import { placeOf, useCollectHandedFiles, useOpenedStore } from '../opened-files.ts';
import { navigate, useRoute } from '../stores/route-store.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import './handed-files.css';

const KINDS: FileKind[] = ['contest', 'enrolment', 'result', 'merged'];

/**
 * Asks for the files the system handed to JuryBox (see opened-files.ts) and lists those still waiting
 * away from their screen: experts' results until the chair's workspace is open, experts' keys until
 * the organiser's is, each with what to do, a way there when there is one, and a way to drop it.
 */
export function HandedFiles() {
  useCollectHandedFiles();
  const { t } = useT();
  const waiting = useOpenedStore((s) => s.waiting);
  const dismiss = useOpenedStore((s) => s.dismiss);
  const summary = useWorkspaceStore((s) => s.summary);
  const route = useRoute();
  const shown = KINDS.flatMap((kind) => waiting[kind].map((file) => ({ kind, file, place: placeOf(kind, summary) })))
    // On its own screen a file is that screen's business (the intake lists the results it holds).
    .filter(({ place }) => !('route' in place && place.route.name === route.name));
  if (shown.length === 0) return null;
  return (
    <div className="handed-files">
      <section className="card" aria-labelledby="handed-files">
        <h2 id="handed-files">{t('opened.title')}</h2>
        <ul>
          {shown.map(({ kind, file, place }, i) => (
            <li key={`${kind}-${i}-${file.name}`}>
              <p>
                <strong>{t('opened.file', { file: file.name, kind: t(`opened.kind.${kind}`) })}</strong>
              </p>
              {'needs' in place && <p className="hint">{t(`opened.needs.${place.needs}`)}</p>}
              <div className="actions">
                {'route' in place ? (
                  <button type="button" className="primary" aria-label={t('opened.goFile', { file: file.name })} onClick={() => navigate(place.route)}>
                    {t('opened.go')}
                  </button>
                ) : (
                  // Both the chair's package and the organiser's workspace are opened from the start screen.
                  route.name !== 'start' && (
                    <button type="button" onClick={() => navigate({ name: 'start' })}>
                      {t('opened.toStart')}
                    </button>
                  )
                )}
                <button type="button" aria-label={t('opened.dismissFile', { file: file.name })} onClick={() => dismiss(kind, file)}>
                  {t('opened.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
