import type { KeyView } from '../../shared/domain/publishing.ts';
import { Field, SelectField, TextField } from '../components/form.tsx';
import { useT } from '../i18n.ts';

export const FROM_FILE = 'file';

export interface KeyChoice {
  keyId: string;
  keyFile: string;
  passphrase: string;
}

/** The request fields for the chosen key: one from the key store, or a key file on disk. */
export function signerOf(choice: KeyChoice, keys: KeyView[]): { keyId: string | null; keyFile: string | null; passphrase: string | null } {
  const fromFile = choice.keyId === FROM_FILE;
  const needs = fromFile || keys.find((k) => k.keyId === choice.keyId)?.protection === 'passphrase';
  return { keyId: fromFile ? null : choice.keyId, keyFile: fromFile ? choice.keyFile : null, passphrase: needs ? choice.passphrase : null };
}

/** Whether the choice is complete enough to sign with. */
export function choiceReady(choice: KeyChoice, keys: KeyView[]): boolean {
  const signer = signerOf(choice, keys);
  return (signer.keyId !== null || (signer.keyFile ?? '').trim() !== '') && (signer.passphrase === null || signer.passphrase !== '');
}

/** Choose the key that signs: one from this computer's key store, or a key file (e.g. on a USB stick), and its passphrase. */
export function KeyChooser({ label, keys, choice, onChange }: { label: string; keys: KeyView[]; choice: KeyChoice; onChange(choice: KeyChoice): void }) {
  const { t } = useT();
  const signer = signerOf(choice, keys);
  return (
    <>
      <SelectField
        label={label}
        value={choice.keyId}
        options={[...keys.map((k) => ({ value: k.keyId, label: `${k.label} — ${k.fingerprint}` })), { value: FROM_FILE, label: t('pub.key.fromFile') }]}
        onChange={(keyId) => onChange({ ...choice, keyId })}
      />
      {choice.keyId === FROM_FILE && <TextField label={t('pub.key.file')} value={choice.keyFile} onChange={(keyFile) => onChange({ ...choice, keyFile })} hint={t('pub.key.fileHint')} />}
      {signer.passphrase !== null && (
        <Field label={t('pub.key.enterPassphrase')}>
          {(a11y) => <input {...a11y} type="password" autoComplete="current-password" value={choice.passphrase} onChange={(e) => onChange({ ...choice, passphrase: e.target.value })} />}
        </Field>
      )}
    </>
  );
}
