/**
 * Russian messages: the source of truth for every key. English must have the same keys
 * (the compiler checks it, and so does a test). `{name}` is filled from parameters; a message
 * given as plural forms is chosen by the `count` parameter with the language's plural rules.
 */
import type { PluralForms } from './plural.ts';
import { chairRu } from './chair.ru.ts';
import { chairStatsRu } from './chair-stats.ru.ts';
import { ceremonyRu } from './ceremony.ru.ts';
import { reportRu } from './report.ru.ts';
import { venueRu } from './venue.ru.ts';
import { backupRu } from './backup.ru.ts';
import { expertRu } from './expert.ru.ts';
import { importRu } from './import.ru.ts';
import { signingRu } from './signing.ru.ts';
import { openedRu } from './opened.ru.ts';
import { filesRu } from './files.ru.ts';

export type { PluralForms } from './plural.ts';

const coreRu = {
  'app.name': 'JuryBox',
  'app.tagline': 'Экспертная оценка конкурсов без сети: каждая оценка сохраняется сразу и остаётся за своим экспертом.',
  'app.language': 'Язык',
  'app.skipToContent': 'Перейти к содержимому',
  'app.loading': 'Загрузка…',
  'app.demoBadge': 'Демо-данные',
  'app.closeWorkspace': 'Закрыть рабочую область',
  'app.home': 'Конкурс',
  'app.digest': 'Контрольная сумма SHA-256',

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
  'entries.search': 'Поиск среди всех ваших участников',
  'list.shown': 'Показаны первые {shown} из {total}.',
  'list.more': 'Показать ещё {count}',
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
  'entry.totalUnsaved': 'Итог появится, когда все оценки будут сохранены (не сохранено: {count}).',
  'entry.keyboardHint': 'Цифры — оценка; она сохраняется по Enter, при переходе к другому полю и по ↑ и ↓ (на шаг шкалы). Enter — к следующему критерию и дальше к следующему участнику, Tab — к комментарию, Shift+Tab — назад.',

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
  'save.invalidKept': 'Не сохранено: {reason}. Сохранена прежняя оценка {saved}',
  'save.unsaved': 'Не сохранено: нажмите Enter или перейдите к другому полю',
  'save.unsavedKept': 'Не сохранено: нажмите Enter или перейдите к другому полю. Сохранена оценка {saved}',

  'leave.title': 'Уйти, не сохранив оценки?',
  'leave.marks': 'Эти оценки не сохранены и пропадут, если уйти:',
  'leave.failed': '«{criterion}»: {reason}',
  'leave.comments': 'Не сохранено комментариев: {count}.',
  'leave.kept': 'Там, где оценка была сохранена раньше, останется прежняя.',
  'leave.stay': 'Остаться и исправить',
  'leave.go': 'Уйти без сохранения',
  'leave.unload': 'Оценки на этой странице не сохранены и пропадут, если закрыть окно.',

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

  'editor.readOnly': 'Эта рабочая область создана из пакета конкурса: изменять конкурс может только организатор.',
  'editor.wrongNomination': 'Элемент {id} принадлежит другой номинации.',
  'editor.categoryHasEntries': 'В категории «{category}» есть участники ({count}): сначала перенесите или удалите их.',
  'editor.criterionHasMarks': 'По критерию «{criterion}» уже выставлены оценки ({count}): удалить его нельзя.',
  'editor.scaleExcludesMarks': 'Новая шкала критерия «{criterion}» не вмещает уже выставленные оценки ({count}).',
  'editor.nominationHasEntries': 'В номинации «{nomination}» есть участники ({count}): сначала перенесите или удалите их.',
  'editor.entryHasMarks': 'У участника «{entry}» уже есть оценки ({count}): удалить его или перенести в другую номинацию нельзя.',
  'editor.expertHasMarks': 'Эксперт «{expert}» уже выставил оценки ({count}): удалить его нельзя.',
  'editor.unknownTarget': 'Не найдено: {id}.',

  'validation.required': 'Заполните поле',
  'validation.tooShort': 'Не короче {min} знаков',
  'validation.tooLong': 'Не длиннее {max} знаков',
  'validation.tooFew': 'Нужно не меньше {min}',
  'validation.tooMany': 'Не больше {max}',
  'validation.number': 'Введите число',
  'validation.min': 'Не меньше {min}',
  'validation.max': 'Не больше {max}',
  'validation.positive': 'Должно быть больше нуля',
  'validation.format': 'Неверный формат',
  'validation.invalid': 'Неверное значение',
  'validation.scaleMax': 'Максимум шкалы должен быть больше минимума',
  'validation.stepDivides': 'Шаг должен укладываться в диапазон шкалы целое число раз',
  'validation.bandOutside': 'Уровень должен лежать внутри шкалы, «от» не больше «до»',
  'validation.link': 'Ссылка должна начинаться с http:// или https://',
  'validation.summary': 'Исправьте отмеченные поля ({count}).',

  'nav.label': 'Разделы рабочей области',
  'nav.scoring': 'Оценка',
  'nav.contest': 'Конкурс',
  'nav.entries': 'Участники',
  'nav.experts': 'Эксперты',
  'nav.assignments': 'Назначения',
  'nav.publish': 'Публикация',

  'start.new.title': 'Новый конкурс',
  'start.new.name': 'Название конкурса',
  'start.new.path': 'Файл новой рабочей области',
  'start.new.pathHint': 'Например /home/anna/konkurs-2027.sqlite. Существующий файл не будет перезаписан.',
  'start.new.submit': 'Создать конкурс',

  'org.save': 'Сохранить',
  'org.saved': 'Сохранено.',
  'org.back': 'Назад',
  'org.close': 'Закрыть',
  'org.actions': 'Действия',
  'org.up': '↑',
  'org.down': '↓',
  'org.remove': 'Удалить',
  'org.moveUp': 'Поднять «{title}» выше',
  'org.moveDown': 'Опустить «{title}» ниже',
  'org.delete': 'Удалить «{title}»',
  'org.counts': 'Участников: {entries}, экспертов: {experts}, из них с ключом: {enrolled}.',

  'org.info.title': 'О конкурсе',
  'org.info.name': 'Название',
  'org.info.year': 'Год',
  'org.info.place': 'Место проведения',
  'org.info.startsOn': 'Начало',
  'org.info.endsOn': 'Окончание',
  'org.info.description': 'Описание',

  'org.nomination.none': 'Номинаций пока нет.',
  'org.nomination.add': 'Добавить номинацию',
  'org.nomination.new': 'Новая номинация',
  'org.nomination.title': 'Название номинации',
  'org.nomination.description': 'Описание номинации',
  'org.nomination.minEvaluations': 'Минимум оценок на участника',
  'org.nomination.minEvaluationsHint': 'Участник с меньшим числом оценок будет отмечен, а не поставлен в рейтинг молча.',
  'org.nomination.summary': 'Категорий: {categories}, критериев: {criteria}',
  'org.nomination.confirmDelete': 'Удалить номинацию «{title}»?',

  'org.category.none': 'Без категорий: все участники номинации оцениваются вместе.',
  'org.category.add': 'Добавить категорию',
  'org.category.title': 'Категория {number}',
  'org.category.description': 'Пояснение',
  'org.category.untitled': 'категория {number}',

  'org.criterion.none': 'Критериев пока нет: без них номинацию нельзя опубликовать.',
  'org.criterion.add': 'Добавить критерий',
  'org.criterion.legend': 'Критерий {number}. {title}',
  'org.criterion.untitled': 'критерий {number}',
  'org.criterion.title': 'Название критерия',
  'org.criterion.group': 'Группа',
  'org.criterion.groupHint': 'Необязательно: критерии с одной группой показываются вместе.',
  'org.criterion.description': 'Что оценивается',
  'org.criterion.min': 'Минимум шкалы',
  'org.criterion.max': 'Максимум шкалы',
  'org.criterion.step': 'Шаг',
  'org.criterion.weight': 'Вес',
  'org.criterion.commentBelow': 'Комментарий обязателен ниже',
  'org.criterion.commentBelowHint': 'Оценка ниже этого значения требует комментария. Пусто — не требуется.',

  'org.band.from': 'От',
  'org.band.to': 'До',
  'org.band.text': 'Как выглядит такая работа',
  'org.band.add': 'Добавить уровень',
  'org.band.remove': 'Удалить уровень {number} критерия «{title}»',

  'org.entry.filter': 'Номинация',
  'org.entry.allNominations': 'Все номинации',
  'org.entry.add': 'Добавить участника',
  'org.entry.new': 'Новый участник',
  'org.entry.count': {
    one: '{count} участник',
    few: '{count} участника',
    many: '{count} участников',
    other: '{count} участника',
  },
  'org.entry.place': 'Номинация и категория',
  'org.entry.nomination': 'Номинация',
  'org.entry.category': 'Категория',
  'org.entry.description': 'Описание',
  'org.entry.applicationNo': 'Номер заявки',
  'org.entry.appliedOn': 'Дата заявки',
  'org.entry.needNomination': 'Сначала добавьте номинацию в разделе «Конкурс».',
  'org.entry.confirmDelete': 'Удалить участника «{title}»?',

  'org.material.title': 'Материалы',
  'org.material.none': 'Материалов нет.',
  'org.material.add': 'Добавить материал',
  'org.material.kind': 'Вид',
  'org.material.link': 'Ссылка',
  'org.material.file': 'Файл',
  'org.material.name': 'Название',
  'org.material.ref': 'Адрес или имя файла',

  'org.expert.add': 'Добавить эксперта',
  'org.expert.new': 'Новый эксперт',
  'org.expert.name': 'ФИО',
  'org.expert.position': 'Должность',
  'org.expert.role': 'Роль',
  'org.expert.key': 'Ключ (отпечаток)',
  'org.expert.notEnrolled': 'ключ не получен',
  'org.expert.count': 'Экспертов: {count}, с ключом: {enrolled}.',
  'org.expert.confirmDelete': 'Удалить эксперта «{name}»?',
  'org.role.expert': 'Эксперт',
  'org.role.chair': 'Председатель жюри',

  'org.import.entries': 'Загрузить участников из XLSX или CSV',
  'org.import.experts': 'Загрузить экспертов из XLSX или CSV',
  'org.enrol.open': 'Принять ключи экспертов',

  'org.assign.allCategories': 'Все категории',
  'org.assign.caption': 'Назначения: {place}',
  'org.assign.noExperts': 'Экспертов пока нет.',
  'org.assign.wholeNomination': 'Вся номинация',
  'org.assign.wholeCategory': 'Вся категория',
  'org.assign.nominationFor': '{expert}: вся номинация «{nomination}»',
  'org.assign.categoryFor': '{expert}: вся категория «{category}»',
  'org.assign.entryFor': '{expert}: участник «{entry}»',

  'org.conflict.short': 'Конфликт',
  'org.conflict.waivedShort': 'Снят',
  'org.conflict.open': 'Конфликт интересов: {expert} и «{entry}»',
  'org.conflict.title': 'Конфликт интересов: {expert} и «{entry}»',
  'org.conflict.state.waived': 'Автоматический конфликт снят: {reason}',
  'org.conflict.state.none': 'Конфликта нет.',
  'org.conflict.reason': 'Причина',
  'org.conflict.reasonHint': 'Решение записывается вместе с причиной и попадает в пакет конкурса.',
  'org.conflict.waive': 'Снять конфликт',
  'org.conflict.add': 'Установить конфликт',
  'org.conflict.clear': 'Вернуть к правилу',

  'publish.noNominations': 'в конкурсе нет номинаций',
  'publish.noCriteria': 'в номинации «{nomination}» нет критериев',
  'publish.noEntries': 'в конкурсе нет участников',
  'publish.noExperts': 'в конкурсе нет экспертов',
  'publish.notReady': {
    one: 'Конкурс ещё нельзя опубликовать: {count} причина, см. раздел «Публикация».',
    few: 'Конкурс ещё нельзя опубликовать: {count} причины, см. раздел «Публикация».',
    many: 'Конкурс ещё нельзя опубликовать: {count} причин, см. раздел «Публикация».',
    other: 'Конкурс ещё нельзя опубликовать: {count} причины, см. раздел «Публикация».',
  },
  'publish.exists': 'Файл {file} уже существует: выберите другое имя.',
  'enrol.otherContest': 'Файл {file} — ключ для другого конкурса ({contest}).',
  'enrol.unknownExpert': 'Файл {file}: эксперта {expertId} нет в этом конкурсе.',
  'enrol.keyTaken': 'Файл {file}: этот ключ уже принят для эксперта {expertId}.',
  'enrol.organiserKey': 'Файл {file}: это ключ организатора, эксперт не может им подписывать.',
  'key.unknown': 'Ключ {file} не найден.',

  'pub.lead': 'Пакет конкурса — подписанный файл со всем конкурсом и ключами экспертов. Раздайте его экспертам: их программа проверит подпись.',
  'pub.next': 'Следующая редакция: {revision}',
  'pub.notReady': 'Опубликовать пока нельзя:',
  'pub.roster': 'Ключи получены от {enrolled} из {experts} экспертов; их ключи войдут в реестр этой редакции.',
  'pub.pinned': 'Первая редакция закрепила ключ организатора {fingerprint}: подписывайте тем же ключом, иначе эксперты пакет не примут.',
  'pub.path': 'Куда записать пакет',
  'pub.pathHint': 'Файл .jbcontest на этом компьютере; существующий файл не перезаписывается.',
  'pub.run': 'Подписать и опубликовать редакцию {revision}',
  'pub.done': 'Редакция {revision} опубликована',
  'pub.file': 'Файл',
  'pub.signer': 'Подписан ключом',
  'pub.history': 'Опубликованные редакции',
  'pub.revision': 'Редакция',
  'pub.when': 'Когда',
  'pub.key.choose': 'Ключ организатора',
  'pub.key.fromFile': 'Файл ключа на диске…',
  'pub.key.file': 'Путь к файлу ключа (.key)',
  'pub.key.fileHint': 'Например, ключ на флешке: /media/usb/anna.key.',
  'pub.key.enterPassphrase': 'Пароль ключа',
  'pub.key.another': 'Создать другой ключ',
  'pub.key.new': 'Новый ключ',
  'pub.key.label': 'Чей это ключ',
  'pub.key.labelHint': 'Например: «Оргкомитет конкурса, Иванова А. П.». Это имя увидят эксперты.',
  'pub.key.protection': 'Как защитить закрытый ключ',
  'pub.key.os': 'Хранилище ключей системы',
  'pub.key.passphrase': 'Пароль',
  'pub.key.newPassphrase': 'Пароль',
  'pub.key.passphraseHint': 'Пароль нельзя восстановить: без него ключом не подписать.',
  'pub.key.signedBy': 'Подписано ключом «{label}», отпечаток {fingerprint}.',
  'pub.key.repeat': 'Пароль ещё раз',
  'pub.key.mismatch': 'Пароли не совпадают',
  'pub.key.create': 'Создать ключ',
  'enrolUi.lead': 'Эксперт присылает файл .jbenrol со своим новым ключом. Позвоните эксперту и сверьте отпечаток: только после этого примите ключ.',
  'enrolUi.files': 'Файлы .jbenrol',
  'enrolUi.file': 'Файл {file}, создан {when}',
  'untrusted.hidden': 'Скрытый символ {codePoint} из файла: на экране он невидим или меняет порядок текста',
  'enrolUi.nameDiffers': 'В файле указано другое имя: «{name}». Уточните у эксперта.',
  'enrolUi.status.new': 'Новый ключ эксперта.',
  'enrolUi.status.same': 'Этот ключ уже принят.',
  'enrolUi.status.replaces': 'Заменит прежний ключ эксперта.',
  'enrolUi.fingerprint': 'Отпечаток ключа',
  'enrolUi.accept': 'Отпечаток совпал по телефону — принять ключ',
  'enrolUi.accepted': 'Ключ принят и войдёт в следующую редакцию пакета.',

  'rules.title': 'Как оценки становятся рейтингом',
  'rules.method': 'Способ объединения оценок экспертов',
  'rules.method.mean': 'Среднее',
  'rules.method.median': 'Медиана',
  'rules.method.trimmed': 'Усечённое среднее',
  'rules.method.normalised': 'Нормированное (поправка на строгость экспертов)',
  'rules.trim': 'Сколько отбросить с каждого края',
  'rules.trimHint': 'k самых высоких и k самых низких оценок отбрасываются, если экспертов больше 2k.',
  'rules.order': 'Порядок подсчёта',
  'rules.order.expertTotals': 'Сначала итог каждого эксперта, потом по экспертам',
  'rules.order.criterionFirst': 'Сначала каждый критерий по экспертам, потом сумма',
  'rules.tolerance': 'Допустимый разброс, баллов из 100',
  'rules.toleranceHint': 'Участник, у которого итоги экспертов расходятся сильнее, будет отмечен.',
  'rules.tieBreak': 'При равенстве итогов',
  'rules.noTieBreak': 'Порядок не задан: равные итоги решает председатель с указанием причины.',
  'rules.byCriterion': 'выше оценка по критерию «{criterion}»',
  'rules.byDate': 'раньше подана заявка',
  'rules.addTieBreak': 'Добавить правило',
  'rules.choose': '— выберите —',
  'rules.tieBreakHint': 'Правила применяются по порядку; что останется равным, решает председатель с указанием причины.',

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
  demo --out ПАПКА [--seed N] [--force]
                                      демо-конкурс: рабочая область, ключи, пакет, результаты экспертов
  serve [--workspace ФАЙЛ] [--port N] [ФАЙЛ...]
                                      открыть JuryBox в браузере (только 127.0.0.1)
  verify [--contest ПАКЕТ...] ФАЙЛ... проверить подписанные файлы; результаты экспертов — по пакету
  keygen --out ФАЙЛ.key --label ИМЯ   создать пару ключей Ed25519 (закрытый ключ — под паролем)
  publish --workspace ФАЙЛ --key ФАЙЛ.key --out ФАЙЛ.jbcontest
                                      подписать и выпустить следующую редакцию пакета конкурса
  enrol --contest ФАЙЛ.jbcontest --expert ID --key ФАЙЛ.key --out ФАЙЛ.jbenrol
                                      заявка эксперта на регистрацию ключа

  merge --contest ПАКЕТ --key КЛЮЧ --out ИТОГИ.jbmerged ФАЙЛЫ_ИЛИ_ПАПКИ...
                                      проверить результаты экспертов, подвести и подписать итоги
  recompute ИТОГИ.jbmerged --contest ПАКЕТ ФАЙЛЫ_ИЛИ_ПАПКИ...
                                      пересчитать итоги и сверить с подписанными
  results ИТОГИ.jbmerged --format pdf|xlsx|csv|marks-csv --out ФАЙЛ
                                      протокол (PDF), итоги (XLSX, CSV) или оценки экспертов (CSV)

  backup ФАЙЛ [--list]                резервная копия рабочей области (с --list — список копий)
  restore ФАЙЛ КОПИЯ                  вернуть рабочую область к состоянию из копии

Общие параметры:
  --lang ru|en   язык сообщений (по умолчанию — по переменной LANG); документов results (по умолчанию — ru)
  --help         эта справка; jurybox <команда> --help — справка по команде
  --version      версия

Команды, которые подписывают, берут пароль ключа из JURYBOX_PASSPHRASE или спрашивают его.`,
  'cli.help.demo': `Использование: jurybox demo --out ПАПКА [--force]

Записывает ПАПКА/demo.sqlite — рабочую область с конкурсом «Лучший многофункциональный центр России»
(номинации, категории, критерии с описанием шкал, участники, эксперты, назначения).
Вымышленные участники и эксперты помечены как демо-данные. Существующий файл не перезаписывается без --force.`,
  'cli.help.serve': `Использование: jurybox serve [--workspace ФАЙЛ] [--port N] [ФАЙЛ...]

Запускает JuryBox для работы в браузере: сервер слушает только 127.0.0.1, каждый запуск получает
случайный ключ сеанса. Откройте напечатанный адрес целиком. Без --port выбирается свободный порт.
Файлы .jbcontest, .jbenrol, .jbresult и .jbmerged, названные после параметров, открываются на своих
местах, как при двойном щелчке в настольном приложении. Остановка — Ctrl+C.`,
  'cli.help.verify': `Использование: jurybox verify [--contest ПАКЕТ.jbcontest ...] ФАЙЛ...

Проверяет каждый файл: цел ли он и подписан ли ключом, который в нём назван; печатает вид файла,
отпечаток ключа подписавшего (сверьте его по телефону), редакцию или эксперта, и решение с причиной.
  --contest ФАЙЛ  пакет конкурса (по одному на каждую редакцию), по которому проверяются пакеты
                  результатов: эксперт есть в составе жюри, конкурс и редакция те же, оценки
                  соответствуют критериям и назначениям, номера отправок не повторяются
Код выхода 0 — все файлы приняты, 1 — какой-то отклонён, 2 — ошибка в вызове.`,
  'cli.help.keygen': `Использование: jurybox keygen --out ФАЙЛ.key --label ИМЯ

Создаёт пару ключей Ed25519: ФАЙЛ.key (закрытый ключ, зашифрован паролем: scrypt + AES-256-GCM)
и ФАЙЛ.pub.pem (открытый ключ). Печатает отпечаток для сверки по телефону.`,
  'cli.help.publish': `Использование: jurybox publish --workspace ФАЙЛ --key ФАЙЛ.key --out ФАЙЛ.jbcontest [--name ОРГАНИЗАТОР]

Подписывает ключом организатора следующую редакцию пакета конкурса: весь конкурс и реестр ключей
экспертов. Первая редакция закрепляет ключ: следующие нужно подписывать тем же.`,
  'cli.help.enrol': `Использование: jurybox enrol --contest ФАЙЛ.jbcontest --expert ID --key ФАЙЛ.key --out ФАЙЛ.jbenrol

Для эксперта: записывает заявку на регистрацию своего ключа, подписанную этим же ключом.
Передайте файл организатору и сверьте с ним отпечаток по телефону.`,
  'cli.verify.noFiles': 'Укажите хотя бы один файл',
  'cli.verify.ok': '{file}: {what}, подписан {signer} — {verdict}',
  'cli.verify.accepted': 'ПРИНЯТ',
  'cli.verify.superseded': 'ЗАМЕНЁН более поздним',
  'cli.verify.duplicate': 'ПОВТОР уже принятого',
  'cli.verify.result': 'результаты эксперта {expert}, номер {sequence}, по редакции {revision}, оценок: {marks}',
  'cli.verify.draft': 'ЧЕРНОВИК результатов эксперта {expert}, номер {sequence}, по редакции {revision}, оценок: {marks}',
  'cli.verify.refused': '{file}: ОТКЛОНЁН — {reason}',
  'cli.verify.contest': 'пакет конкурса «{contest}», редакция {revision}, ключей в реестре: {roster}',
  'cli.verify.enrolment': 'регистрация ключа эксперта {expert} ({name})',
  'cli.keygen.done': 'Ключ записан: {file}\nОткрытый ключ: {pem}\nОтпечаток: {fingerprint}',
  'cli.publish.done': 'Пакет записан: {file}\nРедакция {revision}, подписан {fingerprint}\nSHA-256: {digest}',
  'cli.enrol.done': 'Заявка записана: {file}\nОтпечаток вашего ключа: {fingerprint} — продиктуйте его организатору.\nПакет подписан ключом организатора {organiser}.',
  'cli.passphrase.ask': 'Пароль ключа «{label}»: ',
  'cli.passphrase.new': 'Пароль нового ключа: ',
  'cli.passphrase.again': 'Ещё раз: ',
  'cli.passphraseNeeded': 'Нужен пароль ключа: задайте JURYBOX_PASSPHRASE или запустите команду в терминале',
  'cli.passphraseMismatch': 'Пароли не совпали',
  'cli.help.merge': `Использование: jurybox merge --contest ПАКЕТ [--contest ПАКЕТ...] --key КЛЮЧ_ПРЕДСЕДАТЕЛЯ --out ИТОГИ.jbmerged [--decisions ФАЙЛ] [--allow-refused] ФАЙЛ_ИЛИ_ПАПКА...

Проверяет результаты экспертов (.jbresult; папки просматриваются целиком) по пакетам конкурса,
печатает решение по каждому файлу, считает рейтинги по правилам номинаций и подписывает итоги
ключом председателя. Если какой-то файл отклонён, итоги не записываются (код 1) без --allow-refused.
Участников, которых правила равенства не различили, расставляет председатель решениями в ФАЙЛЕ
(JSON, docs/formats.md); пока ничья не решена или решение не подходит ни к одной, итоги не
записываются (код 1), и каждая такая ничья и каждое решение перечисляются.`,
  'cli.help.recompute': `Использование: jurybox recompute ИТОГИ.jbmerged --contest ПАКЕТ [--contest ПАКЕТ...] ФАЙЛ_ИЛИ_ПАПКА...

Пересчитывает итоги из тех же пакетов и результатов экспертов и говорит, совпадают ли они с
подписанными (код 0) или различаются (код 1, с перечнем различий).`,
  'cli.merge.noBundles': 'Укажите файлы или папки с результатами экспертов',
  'cli.merge.who': '{expert}, № {sequence}',
  'cli.merge.accepted': '{file}: {who} — ПРИНЯТ',
  'cli.merge.superseded': '{file}: {who} — ЗАМЕНЁН более поздним',
  'cli.merge.duplicate': '{file}: {who} — ПОВТОР',
  'cli.merge.refused': '{file}: {who} — ОТКЛОНЁН: {reason}',
  'cli.merge.stopped': 'Отклонено файлов: {count}. Итоги не записаны; чтобы подвести их без этих файлов, добавьте --allow-refused.',
  'cli.merge.written': 'Итоги записаны: {file}\nРезультатов экспертов: {count}; подписано ключом {fingerprint}\nSHA-256: {digest}',
  'cli.merge.winner': '{group}: 1 место — {names}',
  'cli.merge.tie': '{group}: 1 место делят {names} — решает председатель',
  'cli.merge.noWinner': '{group}: рейтинга нет (не хватает оценок)',
  'cli.merge.entry': '{title} ({score} из 100)',
  'cli.merge.openTies': 'Нерешённых ничьих: {count}. Итоги не записаны: порядок в каждой с причиной решает председатель — в файле решений, который передаётся как --decisions ФАЙЛ (docs/formats.md, «Tie decisions»).',
  'cli.merge.openTie': '  {group}: место {place} делят {entries}',
  'cli.merge.badDecisions': 'Решения из файла {file} не подходят к нерешённым ничьим. Итоги не записаны.',
  'cli.merge.badDecision': '  {file}, decisions[{index}]: {problem}',
  'cli.merge.decided': '{group}: порядок, установленный председателем: {order}; причина: {reason}',
  'cli.recompute.openTies': 'В подписанных итогах нерешённых ничьих: {count}.',
  'cli.recompute.usage': 'Укажите файл итогов и результаты экспертов: jurybox recompute ИТОГИ.jbmerged --contest ПАКЕТ ФАЙЛЫ...',
  'cli.recompute.identical': '{file}: ИДЕНТИЧНО — итоги пересчитаны из {count} результатов экспертов и совпали с подписанными ({fingerprint}).',
  'cli.recompute.different': '{file}: РАЗЛИЧАЕТСЯ',
  'cli.verify.merged': 'итоги конкурса: {chair}, по редакции {revision}, результатов экспертов: {bundles}',
  'cli.unknownCommand': 'Неизвестная команда «{command}». Список команд: jurybox --help',
  'cli.badArgs': '{message}. Справка: jurybox {command} --help',
  'cli.missingOption': 'Не указан обязательный параметр --{option}',
  'cli.badPort': 'Порт должен быть числом от 0 до 65535, получено «{value}»',
  'cli.badLang': 'Язык должен быть ru или en, получено «{value}»',
  'cli.demo.done': 'Демонстрационный конкурс записан.\nРабочая область: {path}\nПакет конкурса: {package}\nДемо-ключи (пароль demo): {keys}\nРезультаты экспертов в bundles/, файлов: {bundles}\nИтоги, подписанные демо-председателем: {results}\nНоминаций: {nominations}, участников: {entries}, экспертов: {experts}.\nОткрыть: npx jurybox serve --workspace {path}',
  'cli.serve.listening': 'JuryBox работает по адресу {url}',
  'cli.serve.workspace': 'Рабочая область: {path}',
  'cli.serve.stop': 'Остановка — Ctrl+C.',
  'cli.serve.noRenderer': 'Интерфейс не собран ({path}). Выполните npm run build.',
  'cli.start.noElectron': 'Electron на этой машине запустить нельзя ({reason}), поэтому JuryBox открывается в браузере.',
  'cli.start.reason.noPackage': 'пакет electron не установлен',
  'cli.start.reason.download': 'не удалось скачать его исполняемый файл',
  'cli.start.reason.noDisplay': 'нет графического дисплея',
  'cli.start.reason.failed': 'он завершился с кодом {code} при запуске',
  'cli.badSeed': 'Зерно должно быть целым неотрицательным числом, получено «{value}»',
  'cli.failed': 'Ошибка: {message}',
} as const satisfies Record<string, string | PluralForms>;

/** Every Russian message: the core ones above and each area's own file. */
export const ru = { ...coreRu, ...signingRu, ...importRu, ...expertRu, ...chairRu, ...chairStatsRu, ...venueRu, ...ceremonyRu, ...reportRu, ...backupRu, ...openedRu, ...filesRu };

export type MessageKey = keyof typeof ru;
