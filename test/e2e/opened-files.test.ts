import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { axeViolations } from './a11y.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { openInBrowser, openPackageAs } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

/**
 * Files handed to JuryBox the way the system hands them to the desktop app on a double-click: here on
 * `jurybox serve`'s command line, which fills the same queue the window asks on start and on focus.
 */
describe('files opened from the system, in the browser host', () => {
  it('opens signed results at the venue, names a file it cannot open, and stages an expert’s results in the chair’s intake', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const notes = join(demo, 'заметки.txt');
    writeFileSync(notes, 'not a JuryBox file');
    const { page } = await openInBrowser(t, { args: [join(demo, 'results.jbmerged'), notes, join(demo, 'bundles', 'kim.jbresult')] });

    // The last file that can open does, where its kind belongs, verified: the signed results at the venue, with no workspace open.
    await page.waitForURL(/#\/venue$/);
    await page.getByRole('heading', { level: 2, name: 'Лучший многофункциональный центр России' }).waitFor();
    // The file of another kind is refused by name.
    await page.getByRole('alert').getByText(/заметки\.txt не открыть в JuryBox/).waitFor();
    // The expert's results wait for a chair's workspace, and the list says how to get one.
    const waiting = page.getByRole('region', { name: 'Открытые файлы ждут' });
    await waiting.getByText('kim.jbresult — результаты эксперта').waitFor();
    await waiting.getByText(/откройте пакет конкурса как председатель/).waitFor();
    await keepScreenshot(page, '50-opened-waiting');
    assert.deepEqual(await axeViolations(page, 'files waiting, a file refused'), []);

    // The chair goes to the start screen and opens the package there: the intake holds the file, staged.
    await waiting.getByRole('button', { name: 'На начальный экран' }).click();
    await openPackageAs(page, readFileSync(join(demo, 'contest.jbcontest')), 'chair');
    const staged = page.getByRole('region', { name: 'Открытые файлы результатов' });
    await staged.getByText('kim.jbresult').waitFor();
    await keepScreenshot(page, '51-opened-intake');
    assert.deepEqual(await axeViolations(page, 'files staged in the intake'), []);
    assert.equal(await waiting.count(), 0, 'on its own screen the file is listed once');
    await staged.getByRole('button', { name: 'Принять 1 файл' }).click();
    await page.getByText('Принято: 1. Заменено более поздними: 0. Повторы: 0. Отклонено: 0.').waitFor();
    await page.getByRole('row', { name: /kim\.jbresult/ }).getByText('Принят', { exact: true }).waitFor();
    assert.equal(await staged.count(), 0);
  });

  it('opens a contest package at the start screen, fingerprint shown, for the expert to say who they are', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const { page } = await openInBrowser(t, { args: [join(demo, 'contest.jbcontest')] });

    await page.getByRole('heading', { level: 1, name: 'Добро пожаловать в JuryBox' }).waitFor();
    await page.getByRole('region', { name: 'Открыть пакет конкурса' }).getByLabel('Отпечаток ключа').waitFor();
    await page.getByLabel('Кто вы').selectOption('kim');
    await page.getByRole('button', { name: 'Отпечаток совпал — открыть для оценки' }).click();
    await page.getByRole('navigation', { name: 'Разделы рабочей области' }).waitFor();
    assert.doesNotMatch(page.url(), /#\/$/);
  });

  it('checks an expert’s key in the organiser’s enrolments when the organiser’s workspace is open', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const work = tempDir(t);
    assert.equal(runCli(['keygen', '--out', join(work, 'new.key'), '--label', 'Ким'], { JURYBOX_PASSPHRASE: 'долгий пароль' }).status, 0);
    const enrolment = join(work, 'kim-new.jbenrol');
    const enrolled = runCli(['enrol', '--contest', join(demo, 'contest.jbcontest'), '--expert', 'kim', '--key', join(work, 'new.key'), '--out', enrolment], { JURYBOX_PASSPHRASE: 'долгий пароль' });
    assert.equal(enrolled.status, 0, enrolled.stderr);
    const { page } = await openInBrowser(t, { args: ['--workspace', join(demo, 'demo.sqlite'), enrolment] });

    await page.waitForURL(/#\/organise\/enrolments$/);
    const card = page.getByRole('region', { name: 'kim-new.jbenrol' });
    await card.getByLabel('Отпечаток ключа').waitFor();
    await card.getByRole('button', { name: 'Отпечаток совпал по телефону — принять ключ' }).click();
    await card.getByText('Ключ принят и войдёт в следующую редакцию пакета.').waitFor();
  });
});
