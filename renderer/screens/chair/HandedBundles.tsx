import { useT } from '../../i18n.ts';
import { useOpenedStore } from '../../opened-files.ts';
import type { Picked } from './dropped-files.ts';

/**
 * Experts' result files the system handed to JuryBox (a double-click, "Open with"), staged in the
 * intake: nothing is imported until the chair says so, and then they go the way chosen files go,
 * judged together in one import.
 */
export function HandedBundles({ busy, onImport }: { busy: boolean; onImport(picked: Picked): void }) {
  const { t } = useT();
  const files = useOpenedStore((s) => s.waiting.result);
  const take = useOpenedStore((s) => s.take);
  if (files.length === 0) return null;
  return (
    <section className="card" aria-labelledby="intake-handed">
      <h2 id="intake-handed">{t('opened.intake.title')}</h2>
      <p>{t('opened.intake.text')}</p>
      <ul>
        {files.map((file, i) => (
          <li key={`${i}-${file.name}`}>
            <code>{file.name}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onImport({ files: take('result').map((file) => ({ name: file.name, file })), skipped: 0 })}>
          {t('opened.intake.import', { count: files.length })}
        </button>
        <button type="button" disabled={busy} onClick={() => take('result')}>
          {t('opened.intake.discard')}
        </button>
      </div>
    </section>
  );
}
