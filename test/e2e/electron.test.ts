import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { _electron as electron } from 'playwright-core';
import { findElectron, hasDisplay } from '../../build/electron-binary.ts';
import { translate } from '../../shared/i18n/index.ts';
import { repoRoot } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';
import type {} from '../../renderer/api/client.ts';

const found = findElectron();
const skip = !('path' in found)
  ? `Electron's binary is not installed here (${translate('en', found.reason)}); run npm start once on a machine that can download it`
  : !hasDisplay()
    ? 'there is no display for an Electron window here; run under xvfb-run'
    : false;

describe('desktop app (Electron)', () => {
  it('opens the demo in a sandboxed window and keeps a mark across a restart', { skip }, async (t) => {
    if (!('path' in found)) return;
    const home = tempDir(t);
    const launch = () => electron.launch({ executablePath: found.path, args: [repoRoot], env: { ...process.env, JURYBOX_HOME: home } });

    let app = await launch();
    let page = await app.firstWindow();
    await page.getByRole('heading', { level: 1, name: 'Добро пожаловать в JuryBox' }).waitFor();
    // The renderer has no Node and reaches the main process only through the preload's functions.
    assert.deepEqual(await page.evaluate(() => [typeof globalThis.require, typeof globalThis.process]), ['undefined', 'undefined']);
    assert.equal(await page.evaluate(() => typeof window.jurybox?.['marks:set']), 'function');
    assert.equal(await page.evaluate(() => 'ipcRenderer' in (window.jurybox ?? {})), false);

    await page.getByRole('button', { name: 'Открыть демо' }).click();
    await page.getByRole('link', { name: 'Малая региональная сеть МФЦ', exact: true }).first().click();
    await page.getByRole('link', { name: 'Филиал МФЦ Югры в г. Урае', exact: true }).click();
    await page.keyboard.type('8');
    await page.keyboard.press('Tab');
    await page.locator('[data-save-state="saved"]').first().waitFor();
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await page.getByRole('button', { name: 'Открыть «Лучший многофункциональный центр России»' }).click();
    await page.getByRole('link', { name: 'Малая региональная сеть МФЦ', exact: true }).first().click();
    await page.getByRole('link', { name: 'Филиал МФЦ Югры в г. Урае', exact: true }).click();
    assert.equal(await page.locator('input[data-mark]').first().inputValue(), '8');
    await app.close();
  });
});
