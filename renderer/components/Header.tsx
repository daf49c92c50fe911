import { languages } from '../../shared/i18n/index.ts';
import { useLangStore, useT } from '../i18n.ts';
import { ActionError, useAction } from '../action.tsx';
import { hrefOf } from '../stores/route-store.ts';
import { homeOf, useWorkspaceStore } from '../stores/workspace-store.ts';

export function Header() {
  const { t } = useT();
  const lang = useLangStore((s) => s.lang);
  const setLang = useLangStore((s) => s.setLang);
  const summary = useWorkspaceStore((s) => s.summary);
  const close = useWorkspaceStore((s) => s.close);
  const closing = useAction();
  return (
    <header className="app-header">
      <a className="brand" href={hrefOf(summary ? homeOf(summary) : { name: 'start' })}>
        {t('app.name')}
      </a>
      {summary && (
        <span className="header-contest">
          {summary.contest.title}
          {summary.contest.isDemo && <span className="badge badge-demo">{t('app.demoBadge')}</span>}
        </span>
      )}
      <div className="header-actions">
        <div role="group" aria-label={t('app.language')} className="lang-switch">
          {languages.map((code) => (
            <button key={code} type="button" lang={code} aria-pressed={lang === code} onClick={() => setLang(code)}>
              {code.toUpperCase()}
            </button>
          ))}
        </div>
        {summary && (
          <button type="button" disabled={closing.busy} onClick={() => void closing.run(close)}>
            {t('app.closeWorkspace')}
          </button>
        )}
      </div>
      <ActionError action={closing} />
    </header>
  );
}
