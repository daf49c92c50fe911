import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeKeyFile } from '../../electron/services/keys/key-store.ts';
import { runCli } from '../helpers/cli.ts';
import { openInBrowser, openPackageAs, section, shoot } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

describe('the expert’s signing form', () => {
  it('offers the roster’s key first, refuses another one beside the sign button without writing a file, and shows the key that signed', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    // This computer's key store holds the organiser's key as well as Smirnov's: one person, two roles.
    const home = tempDir(t);
    const held = (name: string) => {
      const file = join(demo, 'keys', `${name}.key`);
      const info = describeKeyFile(readFileSync(file, 'utf8'), file);
      mkdirSync(join(home, 'keys'), { recursive: true });
      copyFileSync(file, join(home, 'keys', `${info.keyId}.key`));
      return info;
    };
    const organiser = held('organiser');
    const smirnov = held('expert-smirnov');
    const kim = describeKeyFile(readFileSync(join(demo, 'keys', 'expert-kim.key'), 'utf8'), 'kim');

    const { page } = await openInBrowser(t, { home });
    await openPackageAs(page, readFileSync(join(demo, 'contest.jbcontest')), { expertId: 'smirnov' });
    await page.getByText('Вы оцениваете как эксперт: Смирнов Алексей Викторович (демо)').waitFor();
    await section(page, 'Отправка');
    const form = page.getByRole('region', { name: /^Подписать результаты/ });
    const chooser = form.getByLabel('Ваш ключ для подписи');
    await form.getByText(`Ваш ключ в реестре конкурса: ${smirnov.fingerprint}.`).waitFor();
    assert.equal(await chooser.inputValue(), smirnov.keyId, 'the roster’s key is chosen at first');

    // The organiser's key from the same store: refused beside the button, naming both fingerprints.
    const draft = join(demo, 'smirnov-draft.jbresult');
    await form.getByLabel('Куда записать результаты').fill(draft);
    await chooser.selectOption(organiser.keyId);
    await form.getByLabel('Пароль ключа').fill('demo');
    await form.getByRole('button', { name: 'Сохранить черновик' }).click();
    const refusal = form.getByRole('alert');
    await refusal.getByText(`в реестре конкурса у «Смирнов Алексей Викторович (демо)» ключ ${smirnov.fingerprint}, а выбран ключ ${organiser.fingerprint}`, { exact: false }).waitFor();
    await shoot(page, 'submit-wrong-key', refusal);
    assert.equal(existsSync(draft), false);

    // A stray key file (another expert's): refused the same way.
    await chooser.selectOption('file');
    assert.equal(await refusal.count(), 0, 'a new choice clears the refusal');
    await form.getByLabel('Путь к файлу ключа (.key)').fill(join(demo, 'keys', 'expert-kim.key'));
    await form.getByLabel('Пароль ключа').fill('demo');
    await form.getByRole('button', { name: 'Сохранить черновик' }).click();
    await refusal.getByText(`а выбран ключ ${kim.fingerprint}`, { exact: false }).waitFor();
    assert.equal(existsSync(draft), false);

    // The roster's key signs; the form says which key signed and keeps it chosen.
    await chooser.selectOption(smirnov.keyId);
    await form.getByLabel('Пароль ключа').fill('demo');
    await form.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByRole('heading', { name: 'Черновик № 1 подписан и сохранён' }).waitFor();
    await page.getByText(`Подписано ключом «${smirnov.label}», отпечаток ${smirnov.fingerprint}.`).waitFor();
    assert.equal(await page.getByRole('region', { name: /^Подписать результаты/ }).getByLabel('Ваш ключ для подписи').inputValue(), smirnov.keyId);
    assert.ok(existsSync(draft));
    await shoot(page, 'submit-signed', page.getByRole('heading', { name: 'Черновик № 1 подписан и сохранён' }));
    await shoot(page, 'submit-signed-form', chooser);
  });
});
