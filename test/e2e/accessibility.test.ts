import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, tabThrough } from './a11y.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { tampered } from '../helpers/chair.ts';
import { repoRoot, runCli } from '../helpers/cli.ts';
import { callFromPage, chooseKeyFile, fileUpload, openInBrowser, openPackageAs, trackApi } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

/** Every screen the app routes to, read from the route store's type, so that a new screen cannot go unchecked. */
function routeNames(): string[] {
  const source = readFileSync(join(repoRoot, 'renderer', 'stores', 'route-store.ts'), 'utf8');
  const union = source.slice(source.indexOf('export type Route ='), source.indexOf(';\n', source.indexOf('export type Route =')));
  return [...union.matchAll(/name: '(\w+)'/g)].map((m) => m[1] ?? '');
}

/**
 * Walks the app screen by screen and state by state, running axe-core in Russian and then in
 * English on each, and keeps every serious or critical violation to report them all at the end.
 */
class Walk {
  readonly found: string[] = [];
  readonly visited = new Set<string>();
  private readonly page: Page;
  private readonly api: { idle(): Promise<void> };
  constructor(page: Page) {
    this.page = page;
    this.api = trackApi(page);
  }

  /** Opens a screen by its address and waits for its heading (and its data). */
  async go(hash: string, heading: string | RegExp): Promise<void> {
    await this.page.evaluate((h) => (window.location.hash = h), hash);
    await this.page
      .getByRole('heading', { level: 1, name: heading })
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        await keepScreenshot(this.page, 'a11y-failed');
        const shown = await this.page.locator('body').innerText();
        throw new Error(`${hash} did not show its heading ${String(heading)}; the page says:\n${shown.slice(0, 2000)}`, { cause: error });
      });
    await this.api.idle();
  }

  /** Checks the screen as it is now, in Russian and in English (the header's language switch). */
  async check(route: string, state: string): Promise<void> {
    this.visited.add(route);
    await this.api.idle();
    this.found.push(...(await axeViolations(this.page, `${route}: ${state}, ru`)));
    await this.page.getByRole('button', { name: 'EN', exact: true }).click();
    await this.page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await this.api.idle();
    this.found.push(...(await axeViolations(this.page, `${route}: ${state}, en`)));
    await this.page.getByRole('button', { name: 'RU', exact: true }).click();
    await this.page.locator('html[lang="ru"]').waitFor({ state: 'attached' });
  }

  /** Checks the screen in its current language only (the ceremony has no header; L switches it). */
  async checkAsIs(route: string, state: string): Promise<void> {
    this.visited.add(route);
    await this.api.idle();
    const lang = await this.page.locator('html').getAttribute('lang');
    this.found.push(...(await axeViolations(this.page, `${route}: ${state}, ${lang}`)));
  }
}

describe('accessibility', () => {
  it('finds no serious or critical WCAG 2.1 A/AA violation on any screen, in Russian and in English', { timeout: 300_000 }, async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const packageBytes = readFileSync(join(demo, 'contest.jbcontest'));
    const work = tempDir(t);
    // A key the roster does not know yet, and its enrolment: what an organiser and a chair take in.
    assert.equal(runCli(['keygen', '--out', join(work, 'new.key'), '--label', 'Нурмухаметов А. Р.'], { JURYBOX_PASSPHRASE: 'долгий пароль' }).status, 0);
    const enrolled = runCli(['enrol', '--contest', join(demo, 'contest.jbcontest'), '--expert', 'nurmukhametov', '--key', join(work, 'new.key'), '--out', join(work, 'new.jbenrol')], { JURYBOX_PASSPHRASE: 'долгий пароль' });
    assert.equal(enrolled.status, 0, enrolled.stderr);
    const enrolment = fileUpload('nurmukhametov.jbenrol', readFileSync(join(work, 'new.jbenrol')));
    // Entries to import, one row naming a nomination the contest lacks.
    const csv = ['Название;Организация;Регион;Номинация', 'МФЦ «Берёзка» (демо);МФЦ «Берёзка»;Тульская область;Лучший проект МФЦ', 'МФЦ «Ромашка» (демо);МФЦ «Ромашка»;Орловская область;Несуществующая номинация'];
    writeFileSync(join(work, 'entries.csv'), `${csv.join('\r\n')}\r\n`);

    const { page } = await openInBrowser(t);
    const walk = new Walk(page);

    // Nothing open: the start screen, its error, the package's fingerprint to compare.
    await page.getByRole('heading', { level: 1, name: 'Добро пожаловать в JuryBox' }).waitFor();
    await walk.check('start', 'first run');
    await page.getByLabel('Путь к файлу рабочей области').fill(join(work, 'nowhere.sqlite'));
    await page.getByLabel('Путь к файлу рабочей области').press('Enter');
    await page.getByRole('alert').getByText('Файл не найден').waitFor();
    await walk.check('start', 'a file not found');
    await page.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('contest.jbcontest', packageBytes));
    await page.getByLabel('Кто вы').waitFor();
    await walk.check('start', 'a package chosen, its fingerprint shown');

    // The venue from a results file, and the ceremony, in both languages (L switches it).
    await page.getByLabel('Файл итогов (.jbmerged)').setInputFiles(fileUpload('results.jbmerged', readFileSync(join(demo, 'results.jbmerged'))));
    await page.getByRole('heading', { level: 1, name: 'Протокол и награждение' }).waitFor();
    await walk.check('venue', 'results from a file');
    await page.getByRole('button', { name: 'Начать церемонию' }).click();
    await page.getByRole('heading', { level: 1, name: 'Лучший многофункциональный центр России' }).waitFor();
    await walk.checkAsIs('ceremony', 'opening');
    for (const press of ['ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(press);
    await page.keyboard.press('s');
    await page.locator('.ceremony-award').first().waitFor();
    await walk.checkAsIs('ceremony', 'places revealed, scores shown');
    await page.keyboard.press('l');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await walk.checkAsIs('ceremony', 'places revealed, scores shown');
    await page.keyboard.press('End');
    await page.getByRole('heading', { level: 1, name: /^Congratulations/ }).waitFor();
    await walk.checkAsIs('ceremony', 'closing');
    await page.keyboard.press('l');
    await page.locator('html[lang="ru"]').waitFor({ state: 'attached' });
    // The first Esc leaves full screen, the next the ceremony: the second waits for the first to be done.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/venue$/);

    // An expert: the package opened as Smirnov; every screen of scoring, sending and the key.
    await walk.go('#/', 'Добро пожаловать в JuryBox');
    await openPackageAs(page, packageBytes, { expertId: 'smirnov' });
    await page.getByText('Вы оцениваете как эксперт: Смирнов Алексей Викторович (демо)').waitFor();
    await walk.check('contest', 'an expert’s contest');
    await walk.go('#/nomination/nom-network', 'Лучшая региональная сеть МФЦ');
    await walk.check('nomination', 'categories with progress');
    await walk.go('#/entries/nom-network/cat-network-small', 'Малая региональная сеть МФЦ');
    await walk.check('entries', 'a category’s entries');
    const mine = await callFromPage<{ id: string; title: string; status: string }[]>(page, 'scoring:mine');
    const [first, second] = mine.filter((e) => e.status === 'notStarted');
    assert.ok(first && second);
    await walk.go(`#/entry/${first.id}`, first.title);
    await walk.check('entry', 'scoring, rubric in view');
    await page.locator('input[data-mark]').first().fill('11');
    await page.locator('input[data-mark][aria-invalid="true"]').waitFor();
    await page.locator('input[data-mark]').nth(1).fill('3');
    await page.locator('input[data-mark]').nth(2).focus();
    await walk.check('entry', 'a mark off the scale, a comment required');
    await page.locator('input[data-mark]').first().fill('8');
    await page.getByRole('button', { name: 'Заявить конфликт интересов…' }).click();
    await walk.check('entry', 'declaring a conflict of interest');
    await page.getByLabel('В чём конфликт интересов').fill('Родственник работает в этой сети');
    await page.getByRole('button', { name: 'Заявить конфликт', exact: true }).click();
    await page.getByText(/Конфликт интересов: этого участника оценить нельзя/).waitFor();
    await walk.check('entry', 'a declared conflict');
    await walk.go(`#/entry/${second.id}`, second.title);
    await page.getByRole('button', { name: 'Воздержаться от оценки…' }).click();
    await page.getByLabel('Почему вы не оцениваете участника').fill('Не успел изучить материалы');
    await page.getByRole('button', { name: 'Воздержаться', exact: true }).click();
    await page.getByText(/Вы воздержались от оценки/).waitFor();
    await walk.check('entry', 'an abstention');
    await walk.go('#/mine', 'Мои участники');
    await walk.check('mine', 'every assigned entry, grouped, with progress');
    await walk.go('#/submit', 'Отправка');
    await walk.check('submit', 'what is missing');
    await chooseKeyFile(page, 'Ваш ключ для подписи', join(demo, 'keys', 'expert-smirnov.key'), 'demo');
    await page.getByLabel('Куда записать результаты').fill(join(work, 'smirnov-draft.jbresult'));
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByRole('heading', { name: 'Черновик № 1 подписан и сохранён' }).waitFor();
    await walk.check('submit', 'a draft signed, in the history');
    await walk.go('#/key', 'Мой ключ');
    await walk.check('key', 'no key yet');
    await page.getByLabel('Пароль', { exact: true }).fill('четыре слова про конкурс');
    await page.getByLabel('Пароль ещё раз').fill('другие слова');
    await page.getByText('Пароли не совпадают').waitFor();
    await walk.check('key', 'passphrases that differ');
    await walk.go('#/backups', 'Резервные копии');
    await walk.check('backups', 'no copies yet');
    await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
    await page.getByRole('button', { name: /^Восстановить копию от / }).first().click();
    await page.getByRole('heading', { level: 2, name: /^Восстановить копию от .+\?$/ }).waitFor();
    await walk.check('backups', 'a copy, its restore asked');
    await page.getByRole('button', { name: 'Отмена' }).click();

    // The organiser: the demo workspace, every screen of the contest editor.
    await page.getByRole('button', { name: 'Закрыть рабочую область' }).click();
    await page.getByLabel('Путь к файлу рабочей области').fill(join(demo, 'demo.sqlite'));
    await page.getByLabel('Путь к файлу рабочей области').press('Enter');
    await page.getByRole('combobox', { name: 'Оценки ставит эксперт' }).waitFor();
    await walk.check('contest', 'the organiser’s contest, the scorer to choose');
    await walk.go('#/organise', 'Конкурс');
    await walk.check('organise', 'nominations and the contest’s details');
    await walk.go('#/organise/nomination/nom-network', /Лучшая региональная сеть МФЦ/);
    await walk.check('editNomination', 'categories, criteria with rubrics, rules, awards');
    await walk.go('#/organise/nomination/-', /Новая номинация/);
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.locator('.field-error').first().waitFor();
    await walk.check('editNomination', 'a new one saved empty: problems at their fields');
    await walk.go('#/organise/entries/-', 'Участники');
    await walk.check('editEntries', 'every entry');
    await walk.go('#/organise/entry/entry-yugra-urai', /Урае/);
    await walk.check('editEntry', 'an entry');
    await walk.go('#/organise/entry/-', /Новый участник/);
    await walk.check('editEntry', 'a new entry');
    await walk.go('#/organise/experts', 'Эксперты');
    await walk.check('editExperts', 'the roster with keys');
    await walk.go('#/organise/expert/smirnov', /Смирнов/);
    await walk.check('editExpert', 'an expert');
    await walk.go('#/organise/expert/-', /Новый эксперт/);
    await walk.check('editExpert', 'a new expert');
    await walk.go('#/organise/import/entries', 'Загрузить участников из XLSX или CSV');
    await walk.check('import', 'no file yet');
    await page.getByLabel('Файл XLSX или CSV').setInputFiles(fileUpload('entries.csv', readFileSync(join(work, 'entries.csv'))));
    await page.getByText(/Номинации «Несуществующая номинация» в конкурсе нет/).waitFor();
    await walk.check('import', 'a CSV with a row in error');
    await walk.go('#/organise/import/experts', 'Загрузить экспертов из XLSX или CSV');
    await walk.check('import', 'experts, no file yet');
    await walk.go('#/organise/assignments/-/-', 'Назначения');
    await walk.check('assignments', 'the matrix with conflicts');
    await walk.go('#/organise/assignments/nom-network/cat-network-small', 'Назначения');
    await walk.check('assignments', 'one category');
    await walk.go('#/organise/publish', 'Публикация');
    await walk.check('publish', 'keys, revisions');
    await walk.go('#/organise/enrolments', 'Принять ключи экспертов');
    await page.getByLabel('Файлы .jbenrol').setInputFiles([enrolment, fileUpload('broken.jbenrol', Buffer.from('not an envelope'))]);
    await page.locator('.fingerprint-big').waitFor();
    await walk.check('enrolments', 'an enrolment to accept, a broken file');

    // The jury chair: the package opened as chair, the bundles taken in (one tampered).
    await page.getByRole('button', { name: 'Закрыть рабочую область' }).click();
    await openPackageAs(page, packageBytes, 'chair');
    await page.getByRole('heading', { level: 1, name: 'Приём результатов' }).waitFor();
    await walk.check('intake', 'nothing taken in yet');
    const bundles = join(demo, 'bundles');
    const files = readdirSync(bundles).sort().map((name) => fileUpload(name, readFileSync(join(bundles, name))));
    await page.getByLabel('Выбрать файлы…').setInputFiles([...files, fileUpload('tampered.jbresult', tampered(files[0]?.buffer ?? Buffer.alloc(0)))]);
    await page.getByText('Принято: 9. Заменено более поздними: 0. Повторы: 0. Отклонено: 1.').waitFor();
    await page.getByText('Ключ эксперта не в реестре').click();
    await page.getByLabel('Заявка эксперта (.jbenrol)').setInputFiles(enrolment);
    await page.getByRole('button', { name: 'Отпечаток совпал — принять ключ' }).waitFor();
    await walk.check('intake', 'verdicts, one refused; a key to confirm');
    await walk.go('#/chair/coverage/-/-', 'Покрытие');
    await walk.check('coverage', 'experts × entries');
    await walk.go('#/chair/coverage/nom-network/cat-network-small', 'Покрытие');
    await walk.check('coverage', 'one category');
    await walk.go('#/chair/results', 'Итоги');
    await page.getByRole('group', { name: /Место 1 делят:/ }).waitFor();
    await walk.check('results', 'rankings, a tie to settle');
    await walk.go('#/chair/group/nom-project/-', /Статистика/);
    await walk.check('group', 'statistics and charts');
    await walk.go('#/chair/entry/entry-yugra-urai', /Урае/);
    await walk.check('marks', 'every mark of an entry');
    await walk.go('#/chair/finalise', 'Подписание');
    await walk.check('finalise', 'a tie still open');
    await walk.go('#/venue', 'Протокол и награждение');
    await walk.check('venue', 'the chair’s results, unsigned');

    // The tie settled with its reason, the results signed: what the chair sees then.
    await walk.go('#/chair/results', 'Итоги');
    await page.getByLabel('Причина решения').fill('Проект охватывает больше заявителей');
    await page.getByRole('button', { name: 'Записать решение' }).click();
    await page.getByText('Все места определены — итоги можно подписать.').waitFor();
    await walk.check('results', 'every place decided, one by the chair');
    await walk.go('#/chair/finalise', 'Подписание');
    await chooseKeyFile(page, 'Ключ председателя', join(demo, 'keys', 'chair.key'), 'demo');
    await page.getByLabel('Куда записать итоги').fill(join(work, 'results.jbmerged'));
    await page.getByRole('button', { name: 'Подписать и записать итоги' }).click();
    await page.getByRole('heading', { name: 'Итоги подписаны' }).waitFor();
    await walk.check('finalise', 'signed');
    await walk.go('#/chair/audit', 'Журнал');
    await walk.check('audit', 'the log: verdicts, the decision, the signing');
    await walk.go('#/venue', 'Протокол и награждение');
    await page.getByRole('button', { name: 'Начать церемонию' }).waitFor();
    await walk.check('venue', 'the chair’s signed results');

    const unvisited = routeNames().filter((name) => !walk.visited.has(name));
    assert.deepEqual(unvisited, [], `screens left unchecked: ${unvisited.join(', ')}`);
    assert.equal(walk.found.length, 0, `axe-core found ${walk.found.length} serious or critical violations:\n${walk.found.join('\n')}`);
  });

  it('shows where focus is at every Tab stop, and never puts focus on something hidden', { timeout: 180_000 }, async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const packageBytes = readFileSync(join(demo, 'contest.jbcontest'));
    const { page } = await openInBrowser(t);
    const api = trackApi(page);
    const problems: string[] = [];
    const stopsAt: Record<string, number> = {};
    const tab = async (where: string, max?: number) => {
      await api.idle();
      const run = await tabThrough(page, where, max);
      stopsAt[where] = run.stops;
      problems.push(...run.problems);
    };
    const go = async (hash: string, heading: string | RegExp) => {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
    };

    // The start screen with a package chosen: skip link, header, file inputs, a select, buttons.
    await page.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('contest.jbcontest', packageBytes));
    await page.getByLabel('Кто вы').waitFor();
    await tab('start');

    // The venue from the demo's signed results, and the ceremony's buttons on its dark ground.
    await page.getByLabel('Файл итогов (.jbmerged)').setInputFiles(fileUpload('results.jbmerged', readFileSync(join(demo, 'results.jbmerged'))));
    await page.getByRole('heading', { level: 1, name: 'Протокол и награждение' }).waitFor();
    await tab('venue');
    await page.getByRole('button', { name: 'Начать церемонию' }).click();
    await page.getByRole('heading', { level: 1, name: 'Лучший многофункциональный центр России' }).waitFor();
    await tab('ceremony');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/venue$/);
    await go('#/', 'Добро пожаловать в JuryBox');

    // An expert's entry: mark inputs, comments, the decisions, links on to the next entry.
    await openPackageAs(page, packageBytes, { expertId: 'smirnov' });
    await page.getByText('Вы оцениваете как эксперт: Смирнов Алексей Викторович (демо)').waitFor();
    const [entry] = (await callFromPage<{ id: string; title: string; status: string }[]>(page, 'scoring:mine')).filter((e) => e.status === 'notStarted');
    assert.ok(entry);
    await go(`#/entry/${entry.id}`, entry.title);
    await tab('entry');

    // The organiser's nomination editor and the assignment matrix (its first stops).
    await page.getByRole('button', { name: 'Закрыть рабочую область' }).click();
    await page.getByLabel('Путь к файлу рабочей области').fill(join(demo, 'demo.sqlite'));
    await page.getByLabel('Путь к файлу рабочей области').press('Enter');
    await page.getByRole('combobox', { name: 'Оценки ставит эксперт' }).waitFor();
    await go('#/organise/nomination/nom-project', /Лучший проект МФЦ/);
    await tab('editNomination', 200);
    await go('#/organise/assignments/-/-', 'Назначения');
    await tab('assignments', 80);

    // The chair's intake (file inputs inside labels, folded sections) and the results with a tie.
    await page.getByRole('button', { name: 'Закрыть рабочую область' }).click();
    await openPackageAs(page, packageBytes, 'chair');
    await page.getByRole('heading', { level: 1, name: 'Приём результатов' }).waitFor();
    const bundles = join(demo, 'bundles');
    await page.getByLabel('Выбрать файлы…').setInputFiles(readdirSync(bundles).map((name) => fileUpload(name, readFileSync(join(bundles, name)))));
    await page.getByText('Принято: 9. Заменено более поздними: 0. Повторы: 0. Отклонено: 0.').waitFor();
    await tab('intake');
    await go('#/chair/results', 'Итоги');
    await tab('results', 150);


    t.diagnostic(`Tab stops: ${Object.entries(stopsAt).map(([where, stops]) => `${where} ${stops}`).join(', ')}`);
    for (const [where, stops] of Object.entries(stopsAt)) assert.ok(stops >= 3, `${where}: only ${stops} Tab stops`);
    assert.equal(problems.length, 0, `focus is not visible at ${problems.length} Tab stops:\n${problems.join('\n')}`);
  });
});
