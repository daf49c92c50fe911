import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './a11y.ts';
import { openMerged, writeMerged } from '../../electron/services/chair/merge.ts';
import { unlockKeyFile } from '../../electron/services/signing/key-file.ts';
import { fingerprintOf, publicKeyFromPem } from '../../electron/services/signing/keys.ts';
import { repoRoot, runCli } from '../helpers/cli.ts';
import { fileUpload, openInBrowser, openPackageAs } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

/** A name whose right-to-left override would turn the digits after it around, and whose isolate and zero-width space hide. */
const CRAFTED = 'Нурмухаметов\u202E 12345 67890\u2066\u200B';
/** Any character the bidi algorithm or a reader would not see, raw. */
const RAW = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;
const PASS = { JURYBOX_PASSPHRASE: 'demo' };

const fingerprintOfPem = (file: string): string => fingerprintOf(publicKeyFromPem(readFileSync(file, 'utf8')));

/**
 * Checks that `where` names the crafted text with its override shown as a marked escape, in the
 * language on screen, and that none of its hidden characters reached the page's text raw.
 */
async function assertShownVisibly(where: Locator, hiddenTitle: RegExp): Promise<void> {
  const mark = where.locator('.hidden-char').first();
  assert.equal(await mark.textContent(), '\\u{202E}');
  assert.match((await mark.getAttribute('title')) ?? '', hiddenTitle);
  const text = await where.innerText();
  assert.doesNotMatch(text, RAW, JSON.stringify(text));
  assert.ok(text.includes('Нурмухаметов\\u{202E} 12345 67890\\u{2066}\\u{200B}'), text);
}

/** The screen as it is, in Russian and in English (each checked by axe), at 1366×768 and 1920×1080, with `target` in view. */
async function screenshots(page: Page, name: string, target: Locator): Promise<void> {
  const dir = join(repoRoot, 'test-results', 'e2e', 'untrusted');
  mkdirSync(dir, { recursive: true });
  for (const lang of ['ru', 'en'] as const) {
    await page.getByRole('button', { name: lang.toUpperCase(), exact: true }).click();
    await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
    await assertShownVisibly(target, lang === 'ru' ? /^Скрытый символ U\+202E/ : /^Hidden character U\+202E/);
    assert.deepEqual(await axeViolations(page, `${name}, ${lang}`), []);
    for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await target.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(dir, `${name}-${lang}-${width}.png`) });
    }
  }
  await page.getByRole('button', { name: 'RU', exact: true }).click();
}

describe('text from files where a name or fingerprint is compared', () => {
  it('shows a crafted name’s override visibly, isolated beside the real fingerprint, on every comparison screen', { timeout: 240_000 }, async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const at = (...parts: string[]) => join(demo, ...parts);
    // The second revision: an expert and the organiser named so, and an enrolment from that expert.
    const db = new Database(at('demo.sqlite'));
    db.prepare('UPDATE experts SET name = ? WHERE id = ?').run(CRAFTED, 'nurmukhametov');
    db.close();
    assert.equal(runCli(['publish', '--workspace', at('demo.sqlite'), '--key', at('keys', 'organiser.key'), '--out', at('r2.jbcontest'), '--name', CRAFTED], PASS).status, 0);
    const mine = { JURYBOX_PASSPHRASE: 'долгий пароль' };
    assert.equal(runCli(['keygen', '--out', at('new.key'), '--label', 'new'], mine).status, 0);
    const enrolled = runCli(['enrol', '--contest', at('r2.jbcontest'), '--expert', 'nurmukhametov', '--key', at('new.key'), '--out', at('new.jbenrol')], mine);
    assert.equal(enrolled.status, 0, enrolled.stderr);
    const enrolment = fileUpload(`${CRAFTED}.jbenrol`, readFileSync(at('new.jbenrol')));
    // The demo's results, signed again by the demo chair's own key under the crafted name.
    const results = openMerged(at('results.jbmerged'));
    const chairKey = unlockKeyFile(readFileSync(at('keys', 'chair.key'), 'utf8'), { passphrase: 'demo' }, 'chair.key');
    writeMerged({ ...results.payload, chair: { ...results.payload.chair, name: CRAFTED } }, chairKey, at('crafted.jbmerged'));
    const r2 = readFileSync(at('r2.jbcontest'));

    const { page } = await openInBrowser(t);

    // The package opener: who signed it, the fingerprint to compare, and "who are you".
    await page.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('contest.jbcontest', r2));
    const preview = page.locator('.package-preview');
    assert.equal(await preview.locator('.fingerprint-big').innerText(), fingerprintOfPem(at('keys', 'organiser.pub.pem')));
    const who = await page.getByLabel('Кто вы').locator('option[value="nurmukhametov"]').textContent();
    assert.ok(who?.startsWith('Нурмухаметов\\u{202E} 12345 67890\\u{2066}\\u{200B} — '), who ?? '');
    await screenshots(page, 'opener', preview.locator('p').first());

    // The venue: who signed the results, and the key's fingerprint.
    await page.getByLabel('Файл итогов (.jbmerged)').setInputFiles(fileUpload('crafted.jbmerged', readFileSync(at('crafted.jbmerged'))));
    await page.getByRole('heading', { level: 1, name: 'Протокол и награждение' }).waitFor();
    assert.equal(await page.locator('code.fingerprint').innerText(), fingerprintOfPem(at('keys', 'chair.pub.pem')));
    await screenshots(page, 'venue', page.locator('dl.entry-meta dd').first());

    // The organiser's intake of enrolments: the expert, the file it came in.
    await page.evaluate(() => (window.location.hash = '#/'));
    await page.getByLabel('Путь к файлу рабочей области').fill(at('demo.sqlite'));
    await page.getByLabel('Путь к файлу рабочей области').press('Enter');
    await page.getByRole('button', { name: 'Закрыть рабочую область' }).waitFor();
    await page.evaluate(() => (window.location.hash = '#/organise/enrolments'));
    await page.getByLabel('Файлы .jbenrol').setInputFiles([enrolment]);
    const card = page.locator('section.enrolment');
    assert.equal(await card.locator('.fingerprint-big').innerText(), fingerprintOfPem(at('new.pub.pem')));
    await screenshots(page, 'enrolments', card);
    // The roster with its keys' fingerprints.
    await page.evaluate(() => (window.location.hash = '#/organise/experts'));
    await screenshots(page, 'experts', page.getByRole('row').filter({ hasText: 'Нурмухаметов' }).getByRole('link'));

    // The chair's confirmation of a key the roster lacks.
    await page.getByRole('button', { name: 'Закрыть рабочую область' }).click();
    await openPackageAs(page, r2, 'chair');
    await page.getByRole('heading', { level: 1, name: 'Приём результатов' }).waitFor();
    await page.getByText('Ключ эксперта не в реестре').click();
    await page.getByLabel('Заявка эксперта (.jbenrol)').setInputFiles(enrolment);
    const check = page.locator('details .package-preview');
    assert.equal(await check.locator('.fingerprint-big').innerText(), fingerprintOfPem(at('new.pub.pem')));
    await screenshots(page, 'chair-key', check.locator('p').first());
    await assertShownVisibly(page.locator('section[aria-labelledby="intake-held"] tr').filter({ hasText: 'Нурмухаметов' }).locator('th .untrusted'), /^Скрытый символ U\+202E/);
  });
});
