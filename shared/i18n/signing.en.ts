import type { PluralForms } from './plural.ts';
import type { signingRu } from './signing.ru.ts';

/** English messages of the signing area: exactly the keys of the Russian ones. */
export const signingEn: Record<keyof typeof signingRu, string | PluralForms> = {
  'file.notFound': 'File {file} not found.',
  'file.changedDuringImport': 'The file {file} changed while it was being imported; nothing was imported. Import it again.',
  'file.unreadable': 'Could not read file {file} ({reason}).',
  'file.tooLarge': 'File {file} is too large: {size} bytes, while a file of this kind is never larger than {max} bytes.',
  'file.tooLargeToWrite': 'File {file} was not created: its content takes {size} bytes, while a file of this kind may not be larger than {max} bytes.',
  'file.notUtf8': 'File {file} is damaged or not a JuryBox file: it is not UTF-8 text.',
  'file.notJson': 'File {file} is damaged or not a JuryBox file: its text does not read as JSON (character {position}).',
  'file.duplicateKey': 'File {file} refused: the field “{key}” appears twice in one object, so the file could be read in two ways.',
  'file.tooDeep': 'File {file} refused: its data is nested deeper than {max} levels.',
  'file.notEnvelope': 'File {file} is not a signed JuryBox file: {issues}',
  'file.unknownType': 'File {file} is of an unknown kind ({type}). It may have been made by a newer version of JuryBox.',
  'file.wrongKind': 'File {file} is the wrong kind of file: a {expected} file was expected, and this is a {actual} file.',
  'file.badBase64': 'File {file} is damaged: the field {field} is not written by the rules of base64.',
  'file.signatureCount': 'File {file} refused: it must carry exactly one signature, and it carries {count}.',
  'file.badSignatureLength': 'File {file} is damaged: an Ed25519 signature takes 64 bytes, and this one takes {size}.',
  'file.otherSigner': 'File {file} is signed by a key other than the one that should sign it: it is forged, or it comes from another organiser or expert.',
  'file.badSignature': 'File {file}: the signature does not match — the file was changed after it was signed, or it was signed by another key.',
  'file.payloadNotJson': 'File {file} is damaged: its signed content does not read as JSON (character {position} of the content).',
  'file.invalidPayload': 'The content of file {file} did not pass the checks: {issues}',
  'file.noPublicKey': 'File {file} refused: the field {field} holds no Ed25519 public key.',

  'key.notKeyFile': 'File {file} is not a JuryBox key file.',
  'key.invalid': 'Key file {file} is damaged: {issues}',
  'key.emptyPassphrase': 'Key “{file}” was not saved: the passphrase may not be empty.',
  'key.shortPassphrase': 'Key “{file}” was not saved: the passphrase must have at least {min} characters (spaces around it do not count).',
  'key.invalidLabel': 'The key name “{file}” will not do: it must be 1 to {max} characters long.',
  'key.passphraseNeeded': 'Key {file} is protected by a passphrase: enter it.',
  'key.wrongPassphrase': 'Could not open key {file}: the passphrase is wrong (or the key file is damaged).',
  'key.keystoreUnavailable': 'Key {file} is protected by the system keystore, which is not available now.',
  'key.keystoreFailed': 'Could not open key {file}: the system keystore could not decrypt it. The file may have been moved from another computer or another user account.',
  'key.badPrivateKey': 'Key file {file} is damaged: it does not hold an Ed25519 private key.',
  'key.mismatch': 'Key file {file} is damaged: its private key does not match the public key written in it.',

  'sign.notRosterKey': 'Nothing was signed: the contest roster gives {name} the key {expected}, but the key chosen is {offered}. A signature by another key would be refused. Choose the key with fingerprint {expected}.',
  'sign.notPinnedKey': 'Nothing was signed: the first revision of the package pinned the organiser key {expected}, but the key chosen is {offered}. Experts refuse a package signed by another key. Choose the key with fingerprint {expected}.',
  'sign.organiserKey': 'Nothing was signed: key {offered} is the contest organiser’s key; {name} cannot sign with it. Choose your own key.',
  'sign.othersKey': 'Nothing was signed: key {offered} belongs to {owner} on the contest roster; {name} cannot sign with it. Choose your own key.',
};
