import { describeKeyFile, keyFileText, publicPemPath, saveKeyPair } from '../../services/keys/key-store.ts';
import { checkNewFile } from '../../services/user-files.ts';
import { createKeyFile, unlockKeyFile } from '../../services/signing/key-file.ts';
import { generateKey, type Ed25519Key } from '../../services/signing/keys.ts';
import { passphrase } from '../passphrase.ts';
import { translate, UsageError, type CliContext } from '../context.ts';
import type { Command, OptionValues } from './command.ts';

/** A required string option, or a usage error naming it. */
export function required(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError('cli.missingOption', { option: name });
  return value;
}

/** Unlocks the key file named by --key, asking for its passphrase (or taking JURYBOX_PASSPHRASE). */
export async function unlockFromOption(values: OptionValues, ctx: CliContext): Promise<Ed25519Key> {
  const path = required(values, 'key');
  const text = keyFileText(path);
  const info = describeKeyFile(text, path);
  const secret = await passphrase(ctx, translate(ctx.lang, 'cli.passphrase.ask', { label: info.label }));
  return unlockKeyFile(text, { passphrase: secret }, path);
}

export const keygenCommand: Command = {
  name: 'keygen',
  help: 'cli.help.keygen',
  options: { out: { type: 'string' }, label: { type: 'string' } },
  async run(values, ctx) {
    const out = required(values, 'out');
    const label = required(values, 'label');
    // The folder is made if missing (owner-only, see saveKeyPair); anything else in the way is said before the passphrase is asked.
    for (const path of [out, publicPemPath(out)]) checkNewFile(path, { makeFolders: true });
    const secret = await passphrase(ctx, translate(ctx.lang, 'cli.passphrase.new'), { confirm: translate(ctx.lang, 'cli.passphrase.again') });
    const key = generateKey();
    const text = createKeyFile(key, { label, passphrase: secret });
    saveKeyPair(out, text, key.publicKey);
    ctx.out(translate(ctx.lang, 'cli.keygen.done', { file: out, pem: publicPemPath(out), fingerprint: describeKeyFile(text, out).fingerprint }));
    return 0;
  },
};
