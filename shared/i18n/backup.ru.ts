import type { PluralForms } from './plural.ts';

/** Russian messages of backups: the screen, the errors, the CLI; merged in messages.ru.ts. */
export const backupRu = {
  'nav.backups': 'Резервные копии',
  'backup.lead':
    'JuryBox сам копирует рабочую область: каждые {minutes} мин, если в ней что-то изменилось, а также перед импортом, перед обновлением формата файла и перед восстановлением. Копии проверяются сразу после записи.',
  'backup.folder': 'Папка с копиями:',
  'backup.create': 'Создать копию сейчас',
  'backup.creating': 'Копирование…',
  'backup.created': 'Копия создана и проверена: {name}',
  'backup.empty': 'Копий пока нет. Первая появится, как только в рабочей области что-то изменится, или по кнопке выше.',
  'backup.list': 'Копии, новые сверху',
  'backup.when': 'Когда сделана',
  'backup.reason': 'Причина',
  'backup.size': 'Размер',
  'backup.file': 'Файл',
  'backup.actions': 'Действие',
  'backup.reason.scheduled': 'по расписанию',
  'backup.reason.before-import': 'перед импортом',
  'backup.reason.before-migration': 'перед обновлением формата',
  'backup.reason.before-restore': 'перед восстановлением',
  'backup.reason.manual': 'вручную',
  'backup.kb': '{size} КБ',
  'backup.mb': '{size} МБ',
  'backup.restore': 'Восстановить',
  'backup.restoreOne': 'Восстановить копию от {time}',
  'backup.confirm.title': 'Восстановить копию от {time}?',
  'backup.confirm.text':
    'Рабочая область вернётся к состоянию на {time}. Сначала её нынешнее состояние будет сохранено отдельной копией («перед восстановлением»), поэтому восстановление можно отменить, восстановив ту копию.',
  'backup.confirm.lost': 'Всё, что изменено после {time}, из рабочей области уйдёт и останется только в этой новой копии.',
  'backup.confirm.yes': 'Да, восстановить',
  'backup.confirm.no': 'Отмена',
  'backup.restoring': 'Восстановление…',
  'backup.restored': 'Восстановлено состояние на {time}. Прежнее состояние сохранено в копии {name}.',
  'backup.restoredNothingSaved': 'Восстановлено состояние на {time}.',
  'backup.cli': 'Из командной строки: jurybox backup ФАЙЛ — сделать копию, jurybox backup ФАЙЛ --list — список, jurybox restore ФАЙЛ КОПИЯ — восстановить.',

  'backup.notFound': 'Резервная копия не найдена: {file}. Ничего не изменено.',
  'backup.unreadable': 'Файл {file} не читается как база данных SQLite ({problem}). Ничего не изменено.',
  'backup.damaged': 'Резервная копия {file} повреждена: проверка целостности SQLite нашла ошибки ({problem}). Ничего не изменено.',
  'backup.foreign': 'Файл {file} — база данных другой программы, а не копия рабочей области JuryBox. Ничего не изменено.',
  'backup.otherVersion': 'Копия {file} не совпадает с рабочей областью: версия схемы {version} вместо {expected}.',
  'backup.tooNew': 'Копия {file} сделана более новой версией JuryBox (версия схемы {version}, эта версия понимает до {supported}). Ничего не изменено.',
  'backup.noContest': 'В файле {file} нет конкурса — это не копия рабочей области. Ничего не изменено.',
  'backup.otherContest': 'Копия {file} — другого конкурса ({backup}), а рабочая область {path} — конкурса {contest}. Ничего не изменено.',
  'backup.notInFolder': 'Копии {name} нет в папке {folder}. Ничего не изменено.',
  'backup.sameFile': 'Файл {file} — это сама рабочая область, а не её копия. Ничего не изменено.',
  'backup.restoreFailed': 'Не удалось восстановить {path} из {file} ({problem}). Рабочая область не изменена.',
  'backup.migrationFailed': 'Рабочая область {path} не обновлена до новой версии: не удалось сделать резервную копию перед обновлением ({problem}). Файл не изменён.',

  'cli.help.backup': `Использование: jurybox backup ФАЙЛ [--list]

Делает резервную копию рабочей области ФАЙЛ в папке рядом с ней (demo.sqlite → demo.backups/) через
API резервного копирования SQLite и проверяет её. Рабочая область при этом не меняется, её можно
держать открытой в JuryBox. С --list — только список копий: когда, почему, размер, файл.`,
  'cli.help.restore': `Использование: jurybox restore ФАЙЛ КОПИЯ

Возвращает рабочую область ФАЙЛ к состоянию из файла КОПИЯ. Копия сначала проверяется: повреждённая,
чужая или другого конкурса отклоняется, и ничего не меняется. Затем нынешнее состояние сохраняется
копией «перед восстановлением», и только потом рабочая область заменяется. Закройте рабочую область
в JuryBox перед восстановлением.
Код выхода 0 — восстановлено, 1 — отказ (с причиной), 2 — ошибка в вызове.`,
  'cli.backup.usage': 'Укажите рабочую область: jurybox backup ФАЙЛ [--list]',
  'cli.backup.done': 'Копия создана и проверена: {file} ({size} КБ)',
  'cli.backup.listed': 'Резервные копии {path} в папке {folder}:',
  'cli.backup.line': '{time}  {reason}  {size} КБ  {name}',
  'cli.backup.none': 'У рабочей области {path} копий нет (папка {folder}).',
  'cli.restore.usage': 'Укажите рабочую область и копию: jurybox restore ФАЙЛ КОПИЯ',
  'cli.restore.done': 'Рабочая область {path} восстановлена из {file}.',
  'cli.restore.saved': 'Прежнее состояние сохранено: {file}',
  'cli.restore.keptAside': 'Прежний файл не читался как рабочая область; он перенесён без изменений: {file}',
} as const satisfies Record<string, string | PluralForms>;
