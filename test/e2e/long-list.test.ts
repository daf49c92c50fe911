import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { Workspace } from '../../electron/services/workspace.ts';
import { openInBrowser } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

const ENTRIES = 250;
const title = (i: number): string => `Участник ${String(i).padStart(3, '0')}`;

/** A workspace whose one nomination holds ENTRIES entries, all given to the scorer x1. */
function longListWorkspace(dir: string): string {
  const path = join(dir, 'long.sqlite');
  Workspace.create(
    path,
    {
      contest: { id: 'long', title: 'Большой конкурс', year: 2027 },
      nominations: [{ id: 'n1', title: 'Номинация', criteria: [{ id: 'q1', title: 'Польза', scale: { min: 0, max: 10, step: 1 }, weight: 1 }] }],
      entries: Array.from({ length: ENTRIES }, (_, i) => ({ id: `e${i + 1}`, nominationId: 'n1', title: title(i + 1), region: i % 2 === 0 ? 'Тула' : 'Орёл' })),
      experts: [{ id: 'x1', name: 'Эксперт', region: 'Москва' }],
      assignments: [{ expertId: 'x1', nominationId: 'n1' }],
    },
    { scorerId: 'x1' },
  ).close();
  return path;
}

const focusedText = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('a long list in the browser host', () => {
  it('shows the first 100 entries of 250, more by keyboard with focus on the first new one, and as many again on the way back', async (t) => {
    const { page } = await openInBrowser(t, { args: ['--workspace', longListWorkspace(tempDir(t))] });
    const asked: unknown[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/scoring:entries')) asked.push(r.postDataJSON());
    });
    await page.getByRole('heading', { level: 1, name: 'Большой конкурс' }).waitFor();
    await page.evaluate(() => (location.hash = '#/entries/n1/-'));
    const table = page.getByRole('table');
    await table.waitFor();
    assert.equal(await page.locator('table.entries tbody tr').count(), 100);
    assert.equal(await table.getAttribute('aria-rowcount'), String(ENTRIES + 1), 'the table says how many rows it has in all');
    assert.equal(await page.locator('table.entries tbody tr').last().getAttribute('aria-rowindex'), '101');
    await page.getByText('Показаны первые 100 из 250.').waitFor();

    await page.getByRole('button', { name: 'Показать ещё 150' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('table.entries tbody tr').nth(ENTRIES - 1).waitFor();
    assert.equal(await focusedText(page), title(101), 'focus moves to the first entry shown');
    assert.equal(await page.getByRole('button', { name: /^Показать ещё/ }).count(), 0);
    assert.deepEqual(asked, [
      { nominationId: 'n1', categoryId: null, first: 100 },
      { nominationId: 'n1', categoryId: null, first: 600 },
    ], 'the rows are loaded as they are shown, not all at once');

    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title(101) }).waitFor();
    await page.goBack();
    await page.locator('table.entries tbody tr').nth(ENTRIES - 1).waitFor();
    assert.equal(await page.locator('table.entries tbody tr').count(), ENTRIES);
  });

  it('filters the expert’s entries as they type, showing the first 100 matches', async (t) => {
    const { page } = await openInBrowser(t, { args: ['--workspace', longListWorkspace(tempDir(t))] });
    await page.getByRole('heading', { level: 1, name: 'Большой конкурс' }).waitFor();
    await page.evaluate(() => (location.hash = '#/mine'));
    await page.getByRole('status').filter({ hasText: 'Найдено: 250' }).waitFor();
    assert.equal(await page.locator('.entry-list li').count(), 100);
    await page.getByLabel('Поиск по названию, организации, региону').pressSequentially('орел');
    await page.getByRole('status').filter({ hasText: 'Найдено: 125' }).waitFor();
    await page.getByText('Показаны первые 100 из 125.').waitFor();
    await page.getByLabel('Поиск по названию, организации, региону').pressSequentially(' 12');
    await page.getByRole('status').filter({ hasText: 'Найдено: 0' }).waitFor();
    await page.getByLabel('Поиск по названию, организации, региону').fill('участник 12');
    await page.getByRole('status').filter({ hasText: 'Найдено: 10' }).waitFor();
    assert.deepEqual(await page.locator('.entry-list li a').allTextContents(), Array.from({ length: 10 }, (_, i) => title(120 + i)));
  });
});
