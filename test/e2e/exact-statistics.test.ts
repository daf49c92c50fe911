import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keepScreenshot } from '../helpers/browser.ts';
import { openInBrowser, section } from '../helpers/e2e.ts';
import { edgeStatisticsChair } from '../helpers/edge-statistics.ts';
import { tempDir } from '../helpers/temp.ts';
import { axeViolations } from './a11y.ts';

describe('exact statistics in the chair’s screens', () => {
  it('marks the plain mean on the results, reads an out-of-range ICC by its reason and says “no variance”', async (t) => {
    const chair = edgeStatisticsChair(join(tempDir(t), 'edge'));
    const { page } = await openInBrowser(t, { args: ['--workspace', chair] });
    await section(page, 'Итоги');

    // The trimmed mean of c2 (two evaluations, k = 1) fell back to the plain mean; c1's did not.
    const trimmed = page.getByRole('region', { name: 'Усечённое среднее' });
    await trimmed.getByRole('row', { name: /Центр «Юг»/ }).getByText('простое среднее').waitFor();
    assert.equal(await trimmed.getByRole('row', { name: /Центр «Север»/ }).getByText('простое среднее').count(), 0);
    await trimmed.getByText('Отмеченные баллы — простое среднее: для усечённого среднего (без 1 наименьших и 1 наибольших оценок) их должно быть больше 2.').waitFor();
    // W of the equal totals: undefined, and the line says why.
    await page.getByRole('region', { name: 'Равные итоги' }).getByText(/согласованность \(W Кендалла\) не определена: нет разброса/).waitFor();
    await keepScreenshot(page, '60-chair-results-fallback');
    const violations = await axeViolations(page, 'results with a plain-mean badge');

    // Opposite orders: ICC(2,1) below zero, ICC(2,k) above 1 — neither read as a reliability.
    await page.getByRole('region', { name: 'Эксперты против' }).getByRole('link', { name: 'Статистика и графики' }).click();
    const agreement = page.getByRole('region', { name: 'Согласованность экспертов' });
    await agreement.getByText(/^Больше 1 — это не надёжность/).waitFor();
    await agreement.getByText(/^Ниже нуля — хуже случайного/).waitFor();
    assert.equal(await agreement.getByText(/надёжность\.$/).count(), 0, 'no reliability band');
    await keepScreenshot(page, '61-chair-statistics-out-of-range');
    violations.push(...(await axeViolations(page, 'statistics with ICC out of range')));

    // Totals equal in decimal (0.7 by three patterns): W and both ICCs undefined, no variance.
    await section(page, 'Итоги');
    await page.getByRole('region', { name: 'Равные итоги' }).getByRole('link', { name: 'Статистика и графики' }).click();
    await page.getByRole('heading', { level: 1, name: 'Статистика: Равные итоги' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Согласованность экспертов' }).getByText(/^Не определено — нет разброса/).count(), 3);
    await keepScreenshot(page, '62-chair-statistics-no-variance');
    assert.deepEqual(violations, []);
  });
});
