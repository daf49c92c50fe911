/**
 * Russian messages: the source of truth for every key. English must have the same keys
 * (the compiler checks it, and so does a test). `{name}` is filled from parameters; a message
 * given as plural forms is chosen by the `count` parameter with the language's plural rules.
 */
export const ru = {
  'app.name': 'JuryBox',
  'app.tagline': 'Экспертная оценка конкурсов без сети: каждая оценка сохраняется сразу и остаётся за своим экспертом.',
  'app.language': 'Язык',
  'app.skipToContent': 'Перейти к содержимому',
  'app.loading': 'Загрузка…',
  'app.demoBadge': 'Демо-данные',
  'app.closeWorkspace': 'Закрыть рабочую область',
  'app.home': 'Конкурс',

  'start.title': 'Добро пожаловать в JuryBox',
  'start.open.title': 'Открыть рабочую область',
  'start.open.pathLabel': 'Путь к файлу рабочей области',
  'start.open.pathHint': 'Рабочая область — один файл SQLite с конкурсом и оценками, например C:\\Конкурс\\demo.sqlite.',
  'start.open.submit': 'Открыть',
  'start.open.pick': 'Выбрать файл…',
  'start.demo.title': 'Демонстрационный конкурс',
  'start.demo.text': '«Лучший многофункциональный центр России»: три номинации, участники и эксперты. Часть данных вымышлена и помечена так.',
  'start.demo.submit': 'Открыть демо',
  'start.recent.title': 'Недавние',
  'start.recent.empty': 'Пока ничего не открывалось.',
  'start.recent.missing': 'файл не найден',
  'start.recent.openedAt': 'открыт {when}',
  'start.recent.open': 'Открыть «{title}»',

  'contest.dates': '{from} — {to}',
  'contest.scorer.label': 'Оценки ставит эксперт',
  'contest.scorer.choose': '— выберите эксперта —',
  'contest.scorer.needed': 'Выберите эксперта, от имени которого ставятся оценки.',
  'contest.nominations': 'Номинации',
  'contest.noCategory': 'Без категории',

  'progress.summary': 'Оценено {complete} из {assigned}',
  'progress.conflicted': 'с конфликтом интересов: {count}',
  'progress.nothingAssigned': 'Вам ничего не назначено.',
  'nomination.categories': 'Категории',
  'nomination.criteria': {
    one: '{count} критерий',
    few: '{count} критерия',
    many: '{count} критериев',
    other: '{count} критерия',
  },

  'entries.title': 'Участники',
  'entries.column.number': '№',
  'entries.column.title': 'Участник',
  'entries.column.region': 'Регион',
  'entries.column.status': 'Состояние',
  'entries.empty': 'В этой категории нет назначенных вам участников.',
  'status.notStarted': 'Не начато',
  'status.incomplete': 'Оценено {marked} из {criteria}',
  'status.complete': 'Оценено',
  'status.conflict': 'Конфликт интересов',

  'entry.organisation': 'Организация',
  'entry.region': 'Регион',
  'entry.application': 'Заявка',
  'entry.applicationValue': '№ {number} от {date}',
  'entry.criteria': 'Критерии оценки',
  'entry.previous': '← Предыдущий участник',
  'entry.next': 'Следующий участник →',
  'entry.backToList': 'К списку участников',
  'entry.conflict': 'Конфликт интересов: этого участника оценить нельзя. {reason}',
  'entry.notAssigned': 'Этот участник вам не назначен: оценки не принимаются.',
  'entry.total': 'Итог: {score} из {max} (по шкале 0–100: {normalised})',
  'entry.totalIncomplete': 'Итог появится, когда будут выставлены все оценки ({marked} из {criteria}).',
  'entry.keyboardHint': 'Цифры — оценка, Tab и Shift+Tab — между критериями, ↑ и ↓ — на шаг шкалы, Enter — к следующему критерию и дальше к следующему участнику.',

  'criterion.group': 'Группа: {group}',
  'criterion.scale': 'Шкала от {min} до {max}, шаг {step}, вес {weight}',
  'criterion.rubric': 'Как оценивать',
  'criterion.band': '{from}–{to}',
  'criterion.bandSingle': '{from}',
  'criterion.mark': 'Оценка',
  'criterion.markLabel': 'Оценка по критерию «{title}»',

  'save.idle': 'Не выставлено',
  'save.pending': 'Сохраняется…',
  'save.saved': 'Сохранено в {time}',
  'save.cleared': 'Оценка снята в {time}',
  'save.failed': 'Не сохранено: {reason}',
  'save.invalid': 'Не сохранено: {reason}',

  'scale.notNumber': '«{criterion}»: введите число от {min} до {max}',
  'scale.belowMin': '«{criterion}»: оценка {value} меньше минимума шкалы {min}',
  'scale.aboveMax': '«{criterion}»: оценка {value} больше максимума шкалы {max}',
  'scale.offStep': '«{criterion}»: оценка {value} не попадает в шаг шкалы {step} (от {min} до {max})',

  'conflict.auto.region': 'Определён автоматически: эксперт и участник из одного региона.',
  'conflict.auto.organisation': 'Определён автоматически: эксперт и участник из одной организации.',
  'conflict.declared': 'Заявлен экспертом: {reason}',
  'conflict.organiser': 'Установлен организатором: {reason}',

  'error.title': 'Ошибка',
  'error.dismiss': 'Закрыть сообщение',
  'error.internal': 'Внутренняя ошибка: {message}',
  'error.invalidInput': 'Неверные данные запроса {channel}: {issues}',
  'error.unknownChannel': 'Неизвестный запрос {channel}',
  'error.network': 'Нет связи с JuryBox: {message}',
  'error.unauthorized': 'Сеанс недействителен: откройте адрес, который напечатала команда jurybox serve, целиком (с token=…).',

  'workspace.notFound': 'Файл не найден: {path}',
  'workspace.notSqlite': 'Файл {path} — не рабочая область JuryBox (это не база данных SQLite).',
  'workspace.foreign': 'Файл {path} — база данных другой программы, а не рабочая область JuryBox.',
  'workspace.tooNew': 'Рабочая область {path} создана более новой версией JuryBox (версия схемы {version}, эта версия понимает до {supported}). Обновите JuryBox.',
  'workspace.noContest': 'В рабочей области {path} нет конкурса.',
  'workspace.notOpen': 'Рабочая область не открыта.',
  'workspace.exists': 'Файл {path} уже существует и не будет перезаписан.',
  'workspace.invalidContest': 'Конкурс не прошёл проверку: {issues}',

  'scoring.noScorer': 'Выберите эксперта, от имени которого ставятся оценки.',
  'scoring.unknownExpert': 'Эксперт {expertId} не найден в этой рабочей области.',
  'scoring.unknownNomination': 'Номинация {nominationId} не найдена.',
  'scoring.unknownCategory': 'Категория {categoryId} не найдена в номинации {nominationId}.',
  'scoring.unknownEntry': 'Участник {entryId} не найден.',
  'scoring.unknownCriterion': 'Критерий {criterionId} не относится к номинации участника «{entry}».',
  'scoring.notAssigned': 'Участник «{entry}» не назначен эксперту {expert}.',
  'scoring.conflict': 'У эксперта {expert} конфликт интересов с участником «{entry}»: оценка невозможна.',

  'cli.usage': `Использование: jurybox <команда> [параметры]

Команды:
  demo --out ПАПКА [--force]          записать демонстрационный конкурс в ПАПКА/demo.sqlite
  serve [--workspace ФАЙЛ] [--port N] открыть JuryBox в браузере (только 127.0.0.1)

Общие параметры:
  --lang ru|en   язык сообщений (по умолчанию — по переменной LANG)
  --help         эта справка; jurybox <команда> --help — справка по команде
  --version      версия`,
  'cli.help.demo': `Использование: jurybox demo --out ПАПКА [--force]

Записывает ПАПКА/demo.sqlite — рабочую область с конкурсом «Лучший многофункциональный центр России»
(номинации, категории, критерии с описанием шкал, участники, эксперты, назначения).
Вымышленные участники и эксперты помечены как демо-данные. Существующий файл не перезаписывается без --force.`,
  'cli.help.serve': `Использование: jurybox serve [--workspace ФАЙЛ] [--port N]

Запускает JuryBox для работы в браузере: сервер слушает только 127.0.0.1, каждый запуск получает
случайный ключ сеанса. Откройте напечатанный адрес целиком. Без --port выбирается свободный порт.
Остановка — Ctrl+C.`,
  'cli.unknownCommand': 'Неизвестная команда «{command}». Список команд: jurybox --help',
  'cli.badArgs': '{message}. Справка: jurybox {command} --help',
  'cli.missingOption': 'Не указан обязательный параметр --{option}',
  'cli.badPort': 'Порт должен быть числом от 0 до 65535, получено «{value}»',
  'cli.badLang': 'Язык должен быть ru или en, получено «{value}»',
  'cli.demo.done': 'Демонстрационный конкурс записан: {path}\n{nominations} номинации, {entries} участников, {experts} экспертов.\nОткрыть: npx jurybox serve --workspace {path}',
  'cli.serve.listening': 'JuryBox работает по адресу {url}',
  'cli.serve.workspace': 'Рабочая область: {path}',
  'cli.serve.stop': 'Остановка — Ctrl+C.',
  'cli.serve.noRenderer': 'Интерфейс не собран ({path}). Выполните npm run build.',
  'cli.start.noElectron': 'Electron на этой машине запустить нельзя ({reason}), поэтому JuryBox открывается в браузере.',
  'cli.start.reason.noPackage': 'пакет electron не установлен',
  'cli.start.reason.download': 'не удалось скачать его исполняемый файл',
  'cli.start.reason.noDisplay': 'нет графического дисплея',
  'cli.start.reason.failed': 'он завершился с кодом {code} при запуске',
  'cli.failed': 'Ошибка: {message}',
} as const satisfies Record<string, string | PluralForms>;

/** Plural forms keyed by Intl.PluralRules categories; `other` is the fallback. */
export interface PluralForms {
  one?: string;
  few?: string;
  many?: string;
  other: string;
}

export type MessageKey = keyof typeof ru;
