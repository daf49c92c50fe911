import { useState, type FormEvent } from 'react';
import { NewKey, type KeyView } from '../../../shared/domain/publishing.ts';
import { call } from '../../api/client.ts';
import { Field, problemAt, SelectField, TextField, validate } from '../../components/form.tsx';
import { useT } from '../../i18n.ts';
import { ActionError, useAction } from '../../action.tsx';

/**
 * Makes a new signing key: sealed by the OS keystore where the desktop has one, else by a
 * passphrase typed twice, as long as the host's schema asks (shown beside the field once typed).
 */
export function KeyCreator({ canUseOs, onCreated }: { canUseOs: boolean; onCreated(key: KeyView): void }) {
  const { t } = useT();
  const creating = useAction<KeyView>();
  const [label, setLabel] = useState('');
  const [protection, setProtection] = useState<'os' | 'passphrase'>(canUseOs ? 'os' : 'passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = protection === 'passphrase' && again !== '' && again !== passphrase;
  const problems = validate(NewKey, { label, protection, passphrase: protection === 'passphrase' ? passphrase : null });
  const tooShort = passphrase === '' ? null : problemAt(problems, 'passphrase', t);
  const ready = problems.length === 0 && (protection === 'os' || passphrase === again);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    void creating.run(
      () => call('keys:create', { label, protection, passphrase: protection === 'passphrase' ? passphrase : null }),
      (key) => {
        setPassphrase('');
        setAgain('');
        onCreated(key);
      },
    );
  };

  return (
    <form onSubmit={submit} className="card form-grid" aria-labelledby="key-new">
      <h2 id="key-new">{t('pub.key.new')}</h2>
      <TextField label={t('pub.key.label')} value={label} onChange={setLabel} hint={t('pub.key.labelHint')} />
      {canUseOs && (
        <SelectField<'os' | 'passphrase'>
          label={t('pub.key.protection')}
          value={protection}
          options={[{ value: 'os', label: t('pub.key.os') }, { value: 'passphrase', label: t('pub.key.passphrase') }]}
          onChange={setProtection}
        />
      )}
      {protection === 'passphrase' && (
        <>
          <Field label={t('pub.key.newPassphrase')} hint={t('pub.key.passphraseHint')} error={tooShort}>
            {(a11y) => <input {...a11y} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
          </Field>
          <Field label={t('pub.key.repeat')} error={mismatch ? t('pub.key.mismatch') : null}>
            {(a11y) => <input {...a11y} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
          </Field>
        </>
      )}
      <div className="actions">
        <button type="submit" disabled={!ready || creating.busy}>
          {t('pub.key.create')}
        </button>
      </div>
      <ActionError action={creating} />
    </form>
  );
}
