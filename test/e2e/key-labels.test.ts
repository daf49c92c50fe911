import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeKeyFile } from '../../electron/services/keys/key-store.ts';
import { runCli } from '../helpers/cli.ts';
import { openInBrowser, openPackageAs, section, shoot } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

// A key file's label is text in the file, outside what its passphrase seals: anyone who can write
// the file can change it. Ending it with RIGHT-TO-LEFT OVERRIDE turns around whatever follows it in
// the same line, the fingerprint the expert compares first of all.
const OVERRIDE = '\u202E';

describe('a key’s label beside its fingerprint', () => {
  it('shows a label’s override visibly, in the key list and in the line naming the key that signed', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const home = tempDir(t);
    const file = join(demo, 'keys', 'expert-smirnov.key');
    const info = describeKeyFile(readFileSync(file, 'utf8'), file);
    const relabelled = { ...(JSON.parse(readFileSync(file, 'utf8')) as object), label: `Смирнов${OVERRIDE}` };
    mkdirSync(join(home, 'keys'), { recursive: true });
    writeFileSync(join(home, 'keys', `${info.keyId}.key`), JSON.stringify(relabelled, null, 2));

    const { page } = await openInBrowser(t, { home });
    await openPackageAs(page, readFileSync(join(demo, 'contest.jbcontest')), { expertId: 'smirnov' });
    await section(page, 'Отправка');
    const form = page.getByRole('region', { name: /^Подписать результаты/ });
    const chooser = form.getByLabel('Ваш ключ для подписи');
    await form.getByLabel('Куда записать результаты').fill(join(demo, 'smirnov-draft.jbresult'));
    await form.getByLabel('Пароль ключа').fill('demo');
    await form.getByRole('button', { name: 'Сохранить черновик' }).click();
    const signedBy = page.locator('.signed-by');
    await signedBy.waitFor();
    await shoot(page, 'key-label-override', signedBy);
    const option = await chooser.locator(`option[value="${info.keyId}"]`).textContent();
    const line = await signedBy.textContent();
    for (const text of [option ?? '', line ?? '']) {
      assert.ok(text.includes(info.fingerprint), text);
      assert.equal(text.includes(OVERRIDE), false, `shown raw, so the fingerprint after it reads backwards: ${JSON.stringify(text)}`);
    }
  });
});
