import { useState } from 'react';
import type { ExportFormat, VenueCurrent, VenueView } from '../../../shared/domain/venue.ts';
import { languages, type Lang } from '../../../shared/i18n/index.ts';
import { call } from '../../api/client.ts';
import { Field, SelectField, TextField } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Untrusted } from '../../components/Untrusted.tsx';
import { useLang, useT } from '../../i18n.ts';
import { useHandedFiles } from '../../opened-files.ts';
import { readAsBase64 } from '../../read-file.ts';
import { say } from '../../stores/notice-store.ts';
import { navigate } from '../../stores/route-store.ts';
import { useWorkspaceStore } from '../../stores/workspace-store.ts';
import { ActionError, useAction } from '../../action.tsx';
import { useLoadError } from '../../load-error.ts';
import { useLoad } from '../organise/use-load.ts';

/** Choose a signed results file (.jbmerged): it is verified before anything is shown. */
export function ResultsFileOpener({ onOpened }: { onOpened(view: VenueView): void }) {
  const { t } = useT();
  const opening = useAction();
  const open = (file: File | undefined) => {
    if (!file) return opening.clear();
    return opening.run(async () => call('venue:open', { fileName: file.name, content: await readAsBase64(file) }), onOpened);
  };
  return (
    <>
      <Field label={t('venue.file')}>{(a11y) => <input {...a11y} type="file" accept=".jbmerged" onChange={(e) => void open(e.target.files?.[0])} />}</Field>
      <ActionError action={opening} />
    </>
  );
}

/** Opens a results file for the venue: verified first, as the file chooser does. */
async function openHanded(file: File | undefined): Promise<void> {
  if (file) await call('venue:open', { fileName: file.name, content: await readAsBase64(file) });
}

/** Each group's winners and laureates, as the ceremony will reveal them. */
function Awards({ view }: { view: VenueView }) {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="venue-awards">
      <h2 id="venue-awards">{t('venue.awards')}</h2>
      {view.groups.map((g) => {
        const awarded = g.ranked.filter((r) => r.award !== null);
        return (
          <div key={`${g.nominationId}/${g.categoryId ?? ''}`} className="venue-group">
            <h3>{g.title}</h3>
            {awarded.length === 0 ? (
              <p className="muted">{t('venue.noAwards')}</p>
            ) : (
              <ul>
                {awarded.map((r) => (
                  <li key={r.entryId}>
                    <strong>{r.award?.kind === 'place' ? t('venue.place', { place: r.award.place }) : t('venue.laureate')}</strong> — {r.title}
                    {r.region && <span className="muted"> ({r.region})</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

const FILE_NAMES: Record<ExportFormat, string> = { pdf: 'protocol.pdf', xlsx: 'results.xlsx', csv: 'results.csv', 'marks-csv': 'marks.csv' };

/** The protocol and the exports: who of the commission is present, the language, where to write. */
function Exports({ current }: { current: VenueCurrent }) {
  const { t, number } = useT();
  const writing = useAction();
  const uiLang = useLang();
  const { view } = current;
  const [present, setPresent] = useState(() => new Set(view.commission.filter((x) => x.counted || x.role === 'chair').map((x) => x.id)));
  const [lang, setLang] = useState<Lang>(uiLang);
  const [dir, setDir] = useState(current.defaultDir);
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const [written, setWritten] = useState<{ format: ExportFormat; path: string; bytes: number }[]>([]);
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const pathOf = (format: ExportFormat) => `${dir.replace(/[\\/]+$/, '')}${separator}${lang === 'ru' ? '' : 'en-'}${FILE_NAMES[format]}`;

  const busy = writing.busy ? format : null;
  const write = (chosen: ExportFormat) => {
    setFormat(chosen);
    void writing.run(
      // The digest of the file shown: the host refuses to export another one (another tab may have opened it).
      () => call('venue:export', { format: chosen, lang, present: [...present], path: pathOf(chosen), digest: view.file.digest }),
      (done) => {
        setWritten((list) => [{ format: chosen, ...done }, ...list.filter((w) => w.path !== done.path)]);
        say('venue.written', { path: done.path });
      },
    );
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(present);
    if (on) next.add(id);
    else next.delete(id);
    setPresent(next);
  };

  return (
    <section className="card" aria-labelledby="venue-exports">
      <h2 id="venue-exports">{t('venue.exports')}</h2>
      <fieldset className="commission">
        <legend>{t('venue.present')}</legend>
        <p className="hint">{t('venue.presentHint')}</p>
        {view.commission.map((x) => (
          <label key={x.id} className="check">
            <input type="checkbox" checked={present.has(x.id)} onChange={(e) => toggle(x.id, e.target.checked)} /> {x.name}
            <span className="muted">
              {' '}
              — {x.role === 'chair' ? t('venue.role.chair') : t('venue.role.expert')}
              {x.organisation && `, ${x.organisation}`}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <SelectField label={t('venue.lang')} value={lang} options={languages.map((code) => ({ value: code, label: t(`venue.lang.${code}`) }))} onChange={(code) => setLang(code)} />
        <TextField label={t('venue.dir')} value={dir} onChange={setDir} hint={t('venue.dirHint')} />
      </div>
      {current.unprintable.length > 0 && (
        <p className="notice warning" role="note">
          {t('venue.unprintable', { chars: current.unprintable.map((u) => `${u.char} (${u.code})`).join(', ') })}
        </p>
      )}
      <div className="actions">
        {(['pdf', 'xlsx', 'csv', 'marks-csv'] as const).map((each) => (
          <button key={each} type="button" className={each === 'pdf' ? 'primary' : undefined} disabled={busy !== null || dir.trim() === '' || (each === 'marks-csv' && !current.marks)} onClick={() => write(each)}>
            {t(`venue.export.${each}`)}
          </button>
        ))}
      </div>
      <ActionError action={writing} />
      {!current.marks && <p className="hint">{t('venue.marksHint')}</p>}
      {busy && (
        <p className="progress" role="status">
          <progress aria-label={t('venue.writing')} /> {t('venue.writing')}
        </p>
      )}
      {written.length > 0 && (
        <ul className="written" aria-label={t('venue.writtenList')}>
          {written.map((w) => (
            <li key={w.path}>
              {t(`venue.export.${w.format}`)}: <code>{w.path}</code> <span className="muted">({t('venue.size', { size: number(w.bytes / 1024, 0) })})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The venue: the signed results (the chair's workspace's latest, or a .jbmerged file opened here), named
 * by file, signer, time and digest so that no one mistakes which results are shown; the
 * awards they give, the protocol and the spreadsheets, and the ceremony for the projector.
 */
export function VenueScreen() {
  const { t, number, dateTime } = useT();
  const reportLoadError = useLoadError();
  const resetting = useAction();
  const projecting = useAction();
  const info = useWorkspaceStore((s) => s.info);
  const kind = useWorkspaceStore((s) => s.summary?.kind);
  // Wrapped, because "no results" (null) is an answer, not "still loading".
  const current = useLoad(() => call('venue:current').then((held) => ({ held })), []);
  // Signed results the system handed over (a double-click on a .jbmerged) are opened as if chosen here.
  useHandedFiles('merged', (files) => void openHanded(files.at(-1)).then(current.reload, reportLoadError));
  if (!current.data) return null;
  const { held } = current.data;

  const startCeremony = () => {
    // The Fullscreen API needs the user's gesture: ask now, before the ceremony screen appears.
    document.documentElement.requestFullscreen().catch(() => undefined);
    navigate({ name: 'ceremony' });
  };

  return (
    <div>
      <PageTitle title={t('nav.venue')}>{t('nav.venue')}</PageTitle>
      <p className="lead">{t('venue.lead')}</p>
      {held ? (
        <>
          <section className="card" aria-labelledby="venue-file">
            <h2 id="venue-file">{held.view.contest.title}</h2>
            <dl className="entry-meta">
              <dt>{t('venue.signed')}</dt>
              <dd>
                <Untrusted text={held.view.chair.name} />
              </dd>
              <dt>{t('venue.signedAt')}</dt>
              <dd>
                <time dateTime={held.view.signedAt}>{dateTime(held.view.signedAt)}</time>
              </dd>
              <dt>{t('venue.fingerprint')}</dt>
              <dd>
                <code className="fingerprint">{held.view.chair.fingerprint}</code>
              </dd>
              <dt>{t('venue.fileName')}</dt>
              <dd>
                <code>
                  <Untrusted text={held.view.file.name} />
                </code>{' '}
                {held.source === 'chair' && <span className="badge">{t('venue.fromChair')}</span>}
              </dd>
              <dt>{t('app.digest')}</dt>
              <dd>
                <code className="digest">{held.view.file.digest}</code>
              </dd>
              <dt>{t('venue.bundles')}</dt>
              <dd>{number(held.view.bundles.length)}</dd>
            </dl>
            {held.source === 'file' && held.ownSigned && (
              <div className="actions">
                <button type="button" disabled={resetting.busy} onClick={() => void resetting.run(() => call('venue:reset'), current.reload)}>
                  {t('venue.useOwn')}
                </button>
                <ActionError action={resetting} />
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="venue-ceremony">
            <h2 id="venue-ceremony">{t('venue.ceremony')}</h2>
            <p>{t('venue.ceremonyText')}</p>
            <div className="actions">
              <button type="button" className="primary" onClick={startCeremony}>
                {t('venue.ceremonyStart')}
              </button>
              {info?.canOpenWindows && (
                <button type="button" onClick={() => void projecting.run(() => call('venue:window'))}>
                  {t('venue.ceremonyWindow')}
                </button>
              )}
            </div>
            <ActionError action={projecting} />
          </section>
          <Exports key={held.view.file.digest} current={held} />
          <Awards view={held.view} />
          <details className="card">
            <summary>{t('venue.other')}</summary>
            <ResultsFileOpener onOpened={() => current.reload()} />
          </details>
        </>
      ) : (
        <section className="card" aria-labelledby="venue-open">
          <h2 id="venue-open">{t('venue.open')}</h2>
          <p>{t(kind === 'chair' ? 'venue.openTextChair' : 'venue.openText')}</p>
          <ResultsFileOpener onOpened={() => current.reload()} />
        </section>
      )}
    </div>
  );
}
