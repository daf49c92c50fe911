import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { openMerged, standingFromFiles } from '../../electron/services/chair/merge.ts';
import { openPackage } from '../../electron/services/package/contest-package.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { resignedDemoResults, retitled } from '../helpers/resigned.ts';
import { callFromPage, fileUpload, openInBrowser, openPackageAs, section } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;

describe('the venue in the browser host', () => {
  it('never shows the start screen over an open workspace, so a results file cannot be opened into it from there', async (t) => {
    const { page } = await openInBrowser(t);
    await page.getByRole('button', { name: 'Открыть демо' }).click();
    await page.waitForURL(/#\/contest$/);
    // Back to the first address, or typed: the workspace's home answers, not the start screen's file choosers.
    await page.evaluate(() => (location.hash = '#/'));
    await page.waitForURL(/#\/contest$/);
    assert.equal(await page.getByLabel('Файл итогов (.jbmerged)').count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Добро пожаловать в JuryBox' }).count(), 0);
  });

  it('opens the demo’s signed results from the start screen, writes the protocol and the workbook, and starts the ceremony, by keyboard', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const resultsPath = join(demo, 'results.jbmerged');
    const { payload } = openMerged(resultsPath);
    const { page } = await openInBrowser(t);

    // A new user: the start screen's venue card takes the file, verifies it and opens the venue.
    await page.getByRole('heading', { name: 'Протокол и церемония награждения' }).waitFor();
    await page.getByLabel('Файл итогов (.jbmerged)').setInputFiles(fileUpload('results.jbmerged', readFileSync(resultsPath)));
    await page.waitForURL(/#\/venue$/);
    await page.getByRole('heading', { level: 2, name: 'Лучший многофункциональный центр России' }).waitFor();
    const awards = page.getByRole('region', { name: 'Награды' });
    const groups = payload.results;
    const winners = groups.flatMap((g) => g.ranked.filter((r) => r.place === 1).map((r) => payload.contest.entries.find((e) => e.id === r.entryId)?.title ?? '?'));
    for (const title of winners) await awards.getByText(title, { exact: false }).first().waitFor();
    // A lone results file holds no marks: that export waits for the chair's workspace, and says why.
    assert.equal(await page.getByRole('button', { name: 'Оценки экспертов (CSV)' }).isDisabled(), true);
    await page.getByText('Оценки экспертов выгружаются в рабочей области председателя', { exact: false }).waitFor();

    // The documents go to a folder of the user's choice, the protocol first, by keyboard alone.
    const out = join(tempDir(t), 'venue');
    const folder = page.getByLabel('Папка для файлов');
    await folder.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(out);
    await page.getByRole('button', { name: 'Протокол (PDF)' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Записано: ${join(out, 'protocol.pdf')}`).waitFor();
    await page.getByRole('button', { name: 'Итоги (XLSX)' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Записано: ${join(out, 'results.xlsx')}`).waitFor();
    await keepScreenshot(page, '39-venue');

    assert.ok(existsSync(join(out, 'protocol.pdf')));
    if (poppler) {
      const text = spawnSync('pdftotext', ['-raw', join(out, 'protocol.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      for (const title of winners) assert.ok(text.includes(title.replace(/\s+/g, '')), title);
    } else t.diagnostic('pdftotext (poppler-utils) is not installed: the protocol’s text is not read back here');
    // The workbook's group sheets hold the signed scores as numbers, in the signed order.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'results.xlsx'));
    const sheet = book.worksheets[1];
    assert.ok(sheet);
    const numbers = (row: ExcelJS.Row) => (row.values as unknown[]).filter((v): v is number => typeof v === 'number');
    const first = groups[0]!.ranked[0]!;
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row) => rows.push(row));
    assert.ok(rows.some((row) => first.score !== null && numbers(row).includes(first.score)), `the winner's score ${first.score} is a number on the sheet`);

    // The ceremony starts from the keyboard, full screen (the Fullscreen API, asked on the key press);
    // Esc leaves full screen first, as a browser does, and then comes back to the venue.
    await page.getByRole('button', { name: 'Начать церемонию' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/ceremony$/);
    await page.getByRole('heading', { level: 1, name: 'Лучший многофункциональный центр России' }).waitFor();
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
    assert.match(page.url(), /#\/ceremony$/);
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/venue$/);
  });

  it('shows the chair’s own signed results in the chair’s workspace, not a file opened on the start screen, and writes the experts’ marks', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const { page } = await openInBrowser(t);

    // On the start screen, the demo's results file is opened for the venue.
    await page.getByLabel('Файл итогов (.jbmerged)').setInputFiles(fileUpload('results.jbmerged', readFileSync(join(demo, 'results.jbmerged'))));
    await page.getByRole('heading', { level: 2, name: 'Лучший многофункциональный центр России' }).waitFor();

    // Then the chair's workspace: the bundles taken in, the tie decided and the results signed (through the API, as the chair screens do).
    await page.getByRole('link', { name: 'JuryBox' }).click();
    await openPackageAs(page, readFileSync(join(demo, 'contest.jbcontest')), 'chair');
    await page.getByRole('heading', { level: 1, name: 'Приём результатов' }).waitFor();
    const bundleFiles = readdirSync(join(demo, 'bundles')).sort().map((name) => ({ file: name, bytes: readFileSync(join(demo, 'bundles', name)) }));
    const { batch } = await callFromPage<{ batch: string }>(page, 'bundles:begin');
    for (const b of bundleFiles) await callFromPage(page, 'bundles:stage', { batch, fileName: b.file, content: b.bytes.toString('base64') });
    await callFromPage(page, 'bundles:import', { batch });
    const results = await callFromPage<{ groups: { nominationId: string; categoryId: string | null; unresolvedTies: string[][] }[] }>(page, 'chair:results');
    for (const g of results.groups) {
      for (const entryIds of g.unresolvedTies) await callFromPage(page, 'tie:decide', { nominationId: g.nominationId, categoryId: g.categoryId, entryIds, reason: 'Решение комиссии' });
    }
    const signed = await callFromPage<{ digest: string; createdAt: string }>(page, 'final:sign', { keyFile: join(demo, 'keys', 'chair.key'), passphrase: 'demo', path: join(demo, 'chair-signed.jbmerged'), chairName: 'Орлова Н. С.' });

    // The venue names the file it uses: the chair's, its signer, its time and its digest.
    await section(page, 'Протокол и награждение');
    const used = page.getByRole('region', { name: 'Лучший многофункциональный центр России' });
    await used.getByText('chair-signed.jbmerged', { exact: true }).waitFor();
    await used.getByText('последние итоги председателя').waitFor();
    await used.getByText('Орлова Н. С.', { exact: true }).waitFor();
    assert.equal(await used.locator('time').getAttribute('datetime'), signed.createdAt);
    await used.getByText(signed.digest, { exact: true }).waitFor();
    assert.equal(await used.getByText('results.jbmerged', { exact: true }).count(), 0);

    // The experts' marks are offered here, and written as a real CSV: one row per mark of the bundles signed.
    const out = join(tempDir(t), 'venue');
    await page.getByLabel('Папка для файлов').fill(out);
    const button = page.getByRole('button', { name: 'Оценки экспертов (CSV)' });
    assert.equal(await button.isDisabled(), false);
    await button.click();
    await page.getByText(`Записано: ${join(out, 'marks.csv')}`).waitFor();
    await keepScreenshot(page, '40-venue-chair');
    const { bundles } = standingFromFiles([openPackage(join(demo, 'contest.jbcontest'))], bundleFiles);
    const marks = bundles.filter((b) => !b.draft).reduce((n, b) => n + b.marks.length, 0);
    const csv = readFileSync(join(out, 'marks.csv'), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a byte-order mark');
    const rows = csv.trim().split(/\r?\n/);
    assert.equal(rows.length, marks + 1, 'a header and one row per mark');
    assert.ok(rows.some((row) => row.includes('Ким Елена Владимировна (демо)')));

    // Another file chosen here is used until the chair goes back to the workspace's own results.
    await page.getByText('Открыть другой файл итогов').click();
    await page.getByLabel('Файл итогов (.jbmerged)').setInputFiles(fileUpload('results.jbmerged', readFileSync(join(demo, 'results.jbmerged'))));
    await used.getByText('results.jbmerged', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Вернуться к последним итогам председателя' }).click();
    await used.getByText('chair-signed.jbmerged', { exact: true }).waitFor();
  });

  it('names the characters the protocol’s fonts lack before the protocol is written, and writes their codes', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const odd = resignedDemoResults(demo, join(tempDir(t), 'odd.jbmerged'), retitled('Конкурс 中文 ✓'));
    const { page } = await openInBrowser(t);
    await page.getByLabel('Файл итогов (.jbmerged)').setInputFiles(fileUpload('odd.jbmerged', readFileSync(odd)));
    await page.waitForURL(/#\/venue$/);
    const warning = page.getByRole('note').filter({ hasText: 'В шрифтах протокола нет знаков' });
    await warning.waitFor();
    assert.match((await warning.textContent()) ?? '', /нет знаков 中 \(U\+4E2D\), 文 \(U\+6587\), ✓ \(U\+2713\)\./);
    for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await warning.scrollIntoViewIfNeeded();
      await keepScreenshot(page, `venue-unprintable-${width}`);
    }

    const out = join(tempDir(t), 'venue');
    await page.getByLabel('Папка для файлов').fill(out);
    await page.getByRole('button', { name: 'Протокол (PDF)' }).click();
    await page.getByText(`Записано: ${join(out, 'protocol.pdf')}`).waitFor();
    if (!poppler) return t.diagnostic('pdftotext (poppler-utils) is not installed: the protocol’s text is not read back here');
    const text = spawnSync('pdftotext', ['-layout', join(out, 'protocol.pdf'), '-'], { encoding: 'utf8' }).stdout;
    assert.ok(text.includes('Конкурс [U+4E2D][U+6587] [U+2713]'), 'the codes stand in the title');
  });
});
