import { useState, type FormEvent } from 'react';
import { useT } from '../i18n.ts';
import { ActionError, useAction } from '../action.tsx';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { TextField } from '../components/form.tsx';
import { PackageOpener } from './PackageOpener.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { navigate } from '../stores/route-store.ts';
import { ResultsFileOpener } from './venue/VenueScreen.tsx';

/** Open a workspace by path, open the demo, or reopen a recent one. */
export function StartScreen() {
  const { t, dateTime } = useT();
  const demo = useAction();
  const opening = useAction();
  const making = useAction();
  const reopening = useAction();
  const info = useWorkspaceStore((s) => s.info);
  const recent = useWorkspaceStore((s) => s.recent);
  const busy = useWorkspaceStore((s) => s.busy);
  const open = useWorkspaceStore((s) => s.open);
  const openDemo = useWorkspaceStore((s) => s.openDemo);
  const pick = useWorkspaceStore((s) => s.pick);
  const create = useWorkspaceStore((s) => s.create);
  const [path, setPath] = useState('');
  const [newPath, setNewPath] = useState('');
  const [newTitle, setNewTitle] = useState('');

  const submitNew = (event: FormEvent) => {
    event.preventDefault();
    if (newPath.trim() && newTitle.trim()) void making.run(() => create(newPath.trim(), newTitle.trim()));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) void opening.run(() => open(path.trim()));
  };

  return (
    <div className="start">
      <PageTitle title={t('start.title')}>{t('start.title')}</PageTitle>
      <p className="lead">{t('app.tagline')}</p>

      <PackageOpener />

      <section className="card" aria-labelledby="start-venue">
        <h2 id="start-venue">{t('start.venue.title')}</h2>
        <p>{t('start.venue.text')}</p>
        <ResultsFileOpener onOpened={() => navigate({ name: 'venue' })} />
      </section>

      <section className="card" aria-labelledby="start-demo">
        <h2 id="start-demo">{t('start.demo.title')}</h2>
        <p>{t('start.demo.text')}</p>
        <button type="button" className="primary" disabled={busy} onClick={() => void demo.run(openDemo)}>
          {t('start.demo.submit')}
        </button>
        <ActionError action={demo} />
      </section>

      <section className="card" aria-labelledby="start-open">
        <h2 id="start-open">{t('start.open.title')}</h2>
        <form onSubmit={submit} className="open-form">
          <label htmlFor="workspace-path">{t('start.open.pathLabel')}</label>
          <div className="row">
            <input
              id="workspace-path"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              aria-describedby="workspace-path-hint"
              autoComplete="off"
              spellCheck={false}
            />
            <button type="submit" disabled={busy || path.trim() === ''}>
              {t('start.open.submit')}
            </button>
            {info?.canPickFiles && (
              <button type="button" disabled={busy} onClick={() => void opening.run(pick)}>
                {t('start.open.pick')}
              </button>
            )}
          </div>
          <p id="workspace-path-hint" className="hint">
            {t('start.open.pathHint')}
          </p>
          <ActionError action={opening} />
        </form>
      </section>

      <section className="card" aria-labelledby="start-new">
        <h2 id="start-new">{t('start.new.title')}</h2>
        <form onSubmit={submitNew} className="form-grid">
          <TextField label={t('start.new.name')} value={newTitle} onChange={setNewTitle} />
          <TextField label={t('start.new.path')} value={newPath} onChange={setNewPath} hint={t('start.new.pathHint')} />
          <div className="actions">
            <button type="submit" disabled={busy || newPath.trim() === '' || newTitle.trim() === ''}>
              {t('start.new.submit')}
            </button>
          </div>
          <ActionError action={making} />
        </form>
      </section>

      <section className="card" aria-labelledby="start-recent">
        <h2 id="start-recent">{t('start.recent.title')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('start.recent.empty')}</p>
        ) : (
          <ul className="recent">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" disabled={busy || !r.exists} onClick={() => void reopening.run(() => open(r.path))} aria-label={t('start.recent.open', { title: r.title })}>
                  {r.title}
                </button>
                <span className="path">{r.path}</span>
                <span className="muted">{r.exists ? t('start.recent.openedAt', { when: dateTime(r.openedAt) }) : t('start.recent.missing')}</span>
              </li>
            ))}
          </ul>
        )}
        <ActionError action={reopening} />
      </section>
    </div>
  );
}
