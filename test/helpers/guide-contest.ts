import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { encodeCp1251 } from './cp1251.ts';
import { fileUpload, section } from './e2e.ts';
import { shot } from './guide.ts';

/**
 * The organiser's part of the user guide's walk-through (test/e2e/guide.test.ts): a contest built
 * in the UI from the start screen to its published package, a screenshot at each step.
 */

export const CONTEST = 'Лучший многофункциональный центр России';
export const NETWORK = 'Лучшая региональная сеть МФЦ';
export const SMALL = 'Малая региональная сеть МФЦ';
export const ENTRY = 'Филиал МФЦ Югры в г. Урае';
const YUGRA = 'Ханты-Мансийский автономный округ — Югра';
export const SMIRNOV = 'Смирнов Алексей Викторович (демо)';
const KUZMINA = 'Кузьмина Ольга Игоревна (демо)';
export const PASSPHRASE = 'четыре слова про конкурс';

/** The entries a contest office keeps in Excel: six networks and one row for a category that does not exist. */
async function entriesWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Заявки');
  sheet.addRow(['№ заявки', 'Название', 'Организация', 'Регион', 'Номинация', 'Категория', 'Дата заявки']);
  const rows: [string, string, string, string][] = [
    ['Филиал МФЦ Югры в г. Ханты-Мансийске', 'МФЦ Югры', YUGRA, SMALL],
    [ENTRY, 'МФЦ Югры', YUGRA, SMALL],
    ['Филиал МФЦ Югры в г. Лангепасе', 'МФЦ Югры', YUGRA, SMALL],
    ['Сеть МФЦ «Горный край» (демо)', 'МФЦ Республики Алтай (демо)', 'Республика Алтай', SMALL],
    ['Сеть МФЦ «Приволжье» (демо)', 'МФЦ Самарской области (демо)', 'Самарская область', 'Крупная региональная сеть МФЦ'],
    ['Сеть МФЦ «Северо-Запад» (демо)', 'МФЦ Ленинградской области (демо)', 'Ленинградская область', 'Крупная региональная сеть МФЦ'],
    ['Сеть МФЦ «Тайга» (демо)', 'МФЦ Томской области (демо)', 'Томская область', 'Средняя региональная сеть МФЦ'],
  ];
  for (const [i, [title, organisation, region, category]] of rows.entries()) {
    sheet.addRow([`З-${101 + i}`, title, organisation, region, NETWORK, category, new Date(Date.UTC(2026, 6, 1 + i))]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The jury as a CSV saved by a Russian Excel: Windows-1251, semicolons. */
function expertsCsv(): Buffer {
  return encodeCp1251(
    [
      'ФИО;Организация;Регион;Роль',
      'Иванова Анна Петровна (демо);Минэкономразвития России;Москва;председатель',
      `${SMIRNOV};Аппарат Правительства Российской Федерации;Москва;эксперт`,
      `${KUZMINA};Минцифры России;${YUGRA};эксперт`,
      'Петров Игорь Николаевич (демо);Минтруд России;Самарская область;эксперт',
      '',
    ].join('\r\n'),
  );
}

/** Adds a rubric level (band) to the last criterion of the nomination editor. */
async function addBand(page: Page, from: number, to: number, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Добавить уровень' }).last().click();
  await page.getByLabel('От', { exact: true }).last().fill(String(from));
  await page.getByLabel('До', { exact: true }).last().fill(String(to));
  await page.getByLabel('Как выглядит такая работа').last().fill(text);
}

async function saveNomination(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await page.getByRole('status').getByText('Сохранено.').waitFor();
}

/** The organiser's contest, from the start screen to the saved nomination with its criteria, rubrics and rules. */
export async function buildContest(page: Page, dir: string): Promise<void> {
  await shot(page, 'start', ['Открыть пакет конкурса', 'Протокол и церемония награждения', 'Демонстрационный конкурс', 'Открыть рабочую область', 'Новый конкурс'], { fullPage: true });
  await page.getByLabel('Название конкурса').fill(CONTEST);
  await page.getByLabel('Файл новой рабочей области').fill(join(dir, 'konkurs.sqlite'));
  await page.getByRole('button', { name: 'Создать конкурс' }).click();
  await page.getByRole('heading', { level: 1, name: 'Конкурс' }).waitFor();
  await page.getByLabel('Год', { exact: true }).fill('2026');
  await page.getByLabel('Место проведения').fill('Уфа, VI Всероссийский форум центров «Мои документы»');
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await page.getByRole('status').getByText('Сохранено.').waitFor();
  await shot(page, 'org-01-contest', ['О конкурсе', 'Место проведения', 'Номинации', 'Добавить номинацию']);

  await page.getByRole('link', { name: 'Добавить номинацию' }).click();
  await page.getByLabel('Название номинации').fill(NETWORK);
  for (const [i, title] of [SMALL, 'Крупная региональная сеть МФЦ'].entries()) {
    await page.getByRole('button', { name: 'Добавить категорию' }).click();
    await page.getByLabel(`Категория ${i + 1}`, { exact: true }).fill(title);
  }
  await page.getByRole('button', { name: 'Добавить критерий' }).click();
  await page.getByLabel('Название критерия').last().fill('Разнообразие предоставляемых услуг');
  await page.getByLabel('Что оценивается').last().fill('Сколько услуг доступно заявителю в одном окне сети.');
  await addBand(page, 0, 3, 'Базовый перечень услуг, за многими приходится идти в ведомства.');
  await addBand(page, 4, 7, 'Основные федеральные и региональные услуги, муниципальные — частично.');
  await addBand(page, 8, 10, 'Почти все услуги всех уровней, включая комплексные по жизненным ситуациям.');
  await page.getByRole('button', { name: 'Добавить критерий' }).click();
  await page.getByLabel('Название критерия').last().fill('Уровень цифровизации');
  await page.getByLabel('Вес', { exact: true }).last().fill('1,5');
  await page.getByLabel('Комментарий обязателен ниже').last().fill('3');
  await addBand(page, 0, 5, 'Запись и оплата только в офисе.');
  await addBand(page, 6, 10, 'Электронная очередь, запись и оплата онлайн, документы в электронном виде.');
  await saveNomination(page);
  // A tie-break by a criterion can be chosen once the criteria are saved.
  await page.getByLabel('Добавить правило').selectOption({ label: 'выше оценка по критерию «Разнообразие предоставляемых услуг»' });
  await saveNomination(page);
  await shot(page, 'org-02-nomination', ['Название номинации', 'Категории', 'Добавить категорию', 'Минимум шкалы', 'Максимум шкалы', 'Шаг', 'Вес', 'Как оценивать', 'Как выглядит такая работа', 'Добавить уровень'], {
    top: page.getByRole('group', { name: 'Критерий 1. Разнообразие предоставляемых услуг' }),
  });
  await shot(page, 'org-03-rules', ['Как оценки становятся рейтингом', 'Способ объединения оценок экспертов', 'При равенстве итогов', 'Награды', 'Призовые места', 'Лауреаты'], {
    top: page.getByRole('heading', { name: 'Как оценки становятся рейтингом' }),
  });
}

/** Entries from XLSX (the bad row left out), experts from CSV, and whole-nomination assignments with a conflict looked at. */
export async function fillContest(page: Page): Promise<void> {
  await section(page, 'Участники');
  await page.getByRole('link', { name: 'Загрузить участников из XLSX или CSV' }).click();
  await page.getByLabel('Файл XLSX или CSV').setInputFiles(fileUpload('заявки.xlsx', await entriesWorkbook()));
  await page.getByText('Файл заявки.xlsx: строк 7, столбцов 7.').waitFor();
  await shot(page, 'org-04-import', ['1. Файл', '2. Какой столбец что содержит', '3. Какие строки загрузить', '4. Проверка', 'Что не так', 'В номинации «Лучшая региональная сеть МФЦ» нет категории «Средняя региональная сеть МФЦ».'], { fullPage: true });
  await page.getByLabel('Загружать строку 8').uncheck();
  await page.getByText('Строк: 7, готовы к загрузке: 6, исключены: 1, ошибок: 0.').waitFor();
  await page.getByRole('button', { name: 'Загрузить (6)' }).click();
  await page.getByRole('status').getByText('Загружено: 6.').waitFor();

  await section(page, 'Эксперты');
  await page.getByRole('link', { name: 'Загрузить экспертов из XLSX или CSV' }).click();
  await page.getByLabel('Файл XLSX или CSV').setInputFiles(fileUpload('эксперты.csv', expertsCsv()));
  await page.getByRole('button', { name: 'Загрузить (4)' }).click();
  await page.getByRole('status').getByText('Загружено: 4.').waitFor();
  await section(page, 'Эксперты');
  await shot(page, 'org-05-experts', ['Добавить эксперта', 'Загрузить экспертов из XLSX или CSV', 'Принять ключи экспертов', 'Экспертов: 4, с ключом: 0.', 'ключ не получен', 'Председатель жюри']);

  await section(page, 'Назначения');
  for (const name of [SMIRNOV, KUZMINA, 'Петров Игорь Николаевич (демо)']) await page.getByLabel(`${name}: вся номинация «${NETWORK}»`).check();
  await page.getByRole('button', { name: `Конфликт интересов: ${KUZMINA} и «${ENTRY}»` }).click();
  await shot(page, 'org-06-assignments', ['Вся номинация', 'Конфликт', 'Определён автоматически', 'Причина', 'Снять конфликт']);
}

/** Publishes revision `revision` of the package to `path`, making the organiser's key first for revision 1. */
export async function publishRevision(page: Page, revision: number, path: string): Promise<void> {
  await section(page, 'Публикация');
  if (revision === 1) {
    await page.getByLabel('Чей это ключ').fill('Оргкомитет конкурса, Иванова А. П.');
    await page.getByLabel('Пароль', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Пароль ещё раз').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Создать ключ' }).click();
    await page.getByLabel('Ключ организатора').getByRole('option', { name: /^Оргкомитет конкурса, Иванова А\. П\. — \d{5}/ }).waitFor({ state: 'attached' });
  }
  await page.getByLabel('Пароль ключа').fill(PASSPHRASE);
  await page.getByLabel('Куда записать пакет').fill(path);
  await page.getByRole('button', { name: `Подписать и опубликовать редакцию ${revision}` }).click();
  await page.getByRole('heading', { name: `Редакция ${revision} опубликована` }).waitFor();
}
