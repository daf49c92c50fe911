import { useState } from 'react';
import type { PackagePreview } from '../../shared/domain/expert.ts';
import { escapeHidden } from '../../shared/visible-text.ts';
import { call } from '../api/client.ts';
import { Field, SelectField } from '../components/form.tsx';
import { Message, Untrusted } from '../components/Untrusted.tsx';
import { useT } from '../i18n.ts';
import { useHandedFiles } from '../opened-files.ts';
import { readAsBase64 } from '../read-file.ts';
import { useWorkspaceStore } from '../stores/workspace-store.ts';
import { ActionError, useAction } from '../action.tsx';

/** The choice of "who you are" that opens the package for the jury chair (never an expert id: ids have no spaces). */
const AS_CHAIR = ' chair';

/**
 * The way in for experts and the jury chair: choose the contest package the organiser sent, compare the organiser key's
 * fingerprint with the organiser by phone, say who you are, and open it for scoring (or, for the chair, for taking in results).
 */
export function PackageOpener() {
  const { t } = useT();
  const reading = useAction();
  const opening = useAction();
  const openPackage = useWorkspaceStore((s) => s.openPackage);
  const openAsChair = useWorkspaceStore((s) => s.openAsChair);
  const busy = useWorkspaceStore((s) => s.busy);
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [preview, setPreview] = useState<PackagePreview | null>(null);
  const [expertId, setExpertId] = useState('');

  const choose = (picked: File | undefined) => {
    setPreview(null);
    opening.clear();
    if (!picked) return reading.clear();
    return reading.run(
      async () => {
        const chosen = { fileName: picked.name, content: await readAsBase64(picked) };
        setFile(chosen);
        return call('package:preview', chosen);
      },
      (p) => {
        setPreview(p);
        setExpertId(p.experts[0]?.id ?? '');
      },
    );
  };
  // A package the system handed over (a double-click on a .jbcontest) is chosen as if picked here.
  useHandedFiles('contest', (files) => void choose(files.at(-1)));

  return (
    <section className="card" aria-labelledby="start-package">
      <h2 id="start-package">{t('expert.open.title')}</h2>
      <p>{t('expert.open.text')}</p>
      <Field label={t('expert.open.file')}>{(a11y) => <input {...a11y} type="file" accept=".jbcontest" onChange={(e) => void choose(e.target.files?.[0])} />}</Field>
      <ActionError action={reading} />
      {preview && file && (
        <div className="package-preview">
          <p>
            <Message id="expert.open.contest" params={{ title: <Untrusted text={preview.title} />, revision: preview.revision, organiser: <Untrusted text={preview.organiserName} /> }} />
          </p>
          <p>{t('expert.open.compare')}</p>
          <p className="fingerprint-big" aria-label={t('enrolUi.fingerprint')}>
            {preview.fingerprint}
          </p>
          <SelectField
            label={t('expert.open.who')}
            value={expertId}
            options={[...preview.experts.map((x) => ({ value: x.id, label: escapeHidden(`${x.name} — ${x.organisation}`) })), { value: AS_CHAIR, label: t('chair.open.asChair') }]}
            onChange={setExpertId}
          />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy || expertId === ''}
              onClick={() => void opening.run(() => (expertId === AS_CHAIR ? openAsChair(file.fileName, file.content) : openPackage(file.fileName, file.content, expertId)))}
            >
              {t(expertId === AS_CHAIR ? 'chair.open.submit' : 'expert.open.submit')}
            </button>
          </div>
          <ActionError action={opening} />
        </div>
      )}
    </section>
  );
}
