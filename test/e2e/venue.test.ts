import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { openMerged } from '../../electron/services/chair/merge.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { fileUpload, openInBrowser } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;

describe('the venue in the browser host', () => {
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
});
