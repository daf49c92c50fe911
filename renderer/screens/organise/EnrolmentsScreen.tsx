import { useState } from 'react';
import type { EnrolmentPreview } from '../../../shared/domain/publishing.ts';
import { escapeHidden } from '../../../shared/visible-text.ts';
import { call } from '../../api/client.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Field } from '../../components/form.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Message, Untrusted } from '../../components/Untrusted.tsx';
import { useT } from '../../i18n.ts';
import { useHandedFiles } from '../../opened-files.ts';
import { readAsBase64 } from '../../read-file.ts';
import { ActionError } from '../../action.tsx';

interface Item {
  fileName: string;
  content: string;
  preview: EnrolmentPreview | null;
  error: unknown;
  accepted: boolean;
}

/**
 * Takes in experts' enrolment files: each shows the key's fingerprint, which the organiser compares
 * with the expert by phone before accepting it into the roster of the next revision.
 */
export function EnrolmentsScreen() {
  const { t, dateTime } = useT();
  const [items, setItems] = useState<Item[]>([]);

  const choose = async (files: Iterable<File> | null) => {
    const read = await Promise.all([...(files ?? [])].map(async (f) => ({ fileName: f.name, content: await readAsBase64(f) })));
    const checked = await Promise.all(
      read.map((file) =>
        call('enrol:preview', file).then(
          (preview): Item => ({ ...file, preview, error: null, accepted: false }),
          (error: unknown): Item => ({ ...file, preview: null, error, accepted: false }),
        ),
      ),
    );
    setItems(checked);
  };
  // Enrolments the system handed over (a double-click on a .jbenrol) are checked as if chosen here.
  useHandedFiles('enrolment', (files) => void choose(files));
  const accept = (index: number) => {
    const item = items[index];
    if (!item) return;
    const settle = (change: Partial<Item>) => setItems((list) => list.map((x, i) => (i === index ? { ...x, ...change } : x)));
    // Each file's outcome stands in its own card, beside its button: the latest only.
    settle({ error: null });
    call('enrol:confirm', { fileName: item.fileName, content: item.content }).then(
      (preview) => settle({ preview, accepted: true, error: null }),
      (error: unknown) => settle({ error }),
    );
  };

  return (
    <div>
      <Breadcrumbs crumbs={[{ label: t('nav.experts'), route: { name: 'editExperts' } }, { label: t('org.enrol.open'), route: { name: 'enrolments' } }]} />
      <PageTitle title={t('org.enrol.open')}>{t('org.enrol.open')}</PageTitle>
      <p className="lead">{t('enrolUi.lead')}</p>
      <div className="card">
        <Field label={t('enrolUi.files')}>
          {(a11y) => <input {...a11y} type="file" accept=".jbenrol" multiple onChange={(e) => void choose(e.target.files)} />}
        </Field>
      </div>
      {items.map((item, i) => (
        <section key={`${item.fileName}-${i}`} className="card enrolment" aria-label={escapeHidden(item.fileName)}>
          <h2>
            <Untrusted text={item.preview ? item.preview.expertName : item.fileName} />
          </h2>
          {item.preview && (
            <>
              <p className="muted">
                <Message id="enrolUi.file" params={{ file: <Untrusted text={item.fileName} />, when: dateTime(item.preview.createdAt) }} />
              </p>
              {!item.preview.nameMatches && (
                <p className="notice warning">
                  <Message id="enrolUi.nameDiffers" params={{ name: <Untrusted text={item.preview.nameInFile} /> }} />
                </p>
              )}
              <p>{t(`enrolUi.status.${item.preview.status}`)}</p>
              <p className="fingerprint-big" aria-label={t('enrolUi.fingerprint')}>
                {item.preview.fingerprint}
              </p>
              {item.accepted ? (
                <p className="notice success" role="status">{t('enrolUi.accepted')}</p>
              ) : item.preview.status === 'same' ? null : (
                <button type="button" className="primary" onClick={() => accept(i)}>
                  {t('enrolUi.accept')}
                </button>
              )}
            </>
          )}
          <ActionError action={item} />
        </section>
      ))}
    </div>
  );
}
