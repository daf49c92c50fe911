import { useState } from 'react';
import type { KeyView, SignedBy } from '../../shared/domain/publishing.ts';
import { call } from '../api/client.ts';
import { Field, SelectField, TextField } from '../components/form.tsx';
import { isolated, Message, Untrusted } from '../components/Untrusted.tsx';
import { useT } from '../i18n.ts';
import { choiceReady, FROM_FILE, initialKey, signerOf, type ExpectedSigner, type KeyChoice } from './key-choice.ts';
import { useLoad } from './organise/use-load.ts';
import type { Action } from '../action.tsx';

/**
 * The signing key a screen offers: the user's keys (loaded), the one chosen (at first initialKey),
 * whether it is ready, and what the request needs. `signing` is the screen's action that signs: its
 * refusal (a wrong key, a wrong passphrase) is shown beside the sign button until the choice changes.
 * The passphrase is forgotten once a signature is made; the key stays chosen, so the form still
 * shows the key that signed.
 */
export function useKeyChoice(expected: ExpectedSigner | null | undefined, signing: Pick<Action, 'clear'>) {
  const keys = useLoad(() => call('keys:list'), []);
  const [choice, setChoice] = useState<KeyChoice | null>(null);
  const list = keys.data?.keys ?? [];
  const current = choice ?? { keyId: initialKey(list, expected), keyFile: '', passphrase: '' };
  return {
    /** The key list as loaded (null until it is). */
    loaded: keys.data,
    list,
    current,
    setChoice: (next: KeyChoice) => {
      signing.clear();
      setChoice(next);
    },
    ready: choiceReady(current, list),
    signer: () => signerOf(current, list),
    /** After a signature: the passphrase forgotten, the key kept. */
    signed: () => setChoice({ ...current, passphrase: '' }),
    /** A key just made: the list is loaded again and the new key chosen. */
    created: (key: KeyView) => {
      keys.reload();
      setChoice((c) => ({ ...(c ?? current), keyId: key.keyId }));
    },
    reload: keys.reload,
  };
}

/** The key that made a signature, as the form shows it afterwards. */
export function SignedByLine({ signer }: { signer: SignedBy }) {
  return (
    <p className="signed-by">
      <Message id="pub.key.signedBy" params={{ label: <Untrusted text={signer.label} />, fingerprint: signer.fingerprint }} />
    </p>
  );
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
        options={[...keys.map((k) => ({ value: k.keyId, label: `${isolated(k.label)} — ${k.fingerprint}` })), { value: FROM_FILE, label: t('pub.key.fromFile') }]}
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
