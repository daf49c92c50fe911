import { useState } from 'react';
import type { KeyView } from '../../shared/domain/publishing.ts';
import { call } from '../api/client.ts';
import { Field, SelectField, TextField } from '../components/form.tsx';
import { useT } from '../i18n.ts';
import { useLoad } from './organise/use-load.ts';

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

/**
 * The signing key a screen offers: the user's keys (loaded), the one chosen (at first the key whose
 * fingerprint the screen prefers, e.g. the one on the roster, else the first), whether it is ready,
 * and what the request needs. The passphrase is forgotten once a signature is made.
 */
export function useKeyChoice(preferFingerprint?: string | null) {
  const keys = useLoad(() => call('keys:list'), []);
  const [choice, setChoice] = useState<KeyChoice | null>(null);
  const list = keys.data?.keys ?? [];
  const preferred = list.find((k) => k.fingerprint === preferFingerprint);
  const current = choice ?? { keyId: preferred?.keyId ?? list[0]?.keyId ?? FROM_FILE, keyFile: '', passphrase: '' };
  return {
    /** The key list as loaded (null until it is). */
    loaded: keys.data,
    list,
    current,
    setChoice,
    ready: choiceReady(current, list),
    signer: () => signerOf(current, list),
    forgetPassphrase: () => setChoice({ ...current, passphrase: '' }),
    /** A key just made: the list is loaded again and the new key chosen. */
    created: (key: KeyView) => {
      keys.reload();
      setChoice((c) => ({ ...(c ?? current), keyId: key.keyId }));
    },
    reload: keys.reload,
  };
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
