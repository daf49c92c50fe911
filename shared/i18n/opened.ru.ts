import type { PluralForms } from './plural.ts';

/** Russian messages of files the system hands to JuryBox (a double-click, «Открыть с помощью»); merged in messages.ru.ts. */
export const openedRu = {
  'opened.unknownKind':
    'Файл {file} не открыть в JuryBox: JuryBox открывает пакеты конкурса (.jbcontest), ключи экспертов (.jbenrol), результаты экспертов (.jbresult) и подписанные итоги (.jbmerged).',
  'opened.title': 'Открытые файлы ждут',
  'opened.kind.contest': 'пакет конкурса',
  'opened.kind.enrolment': 'ключ эксперта',
  'opened.kind.result': 'результаты эксперта',
  'opened.kind.merged': 'подписанные итоги',
  'opened.file': '{file} — {kind}',
  'opened.needs.organiser': 'Ключи экспертов принимает организатор: откройте рабочую область своего конкурса, затем нажмите «Открыть».',
  'opened.needs.chair': 'Результаты экспертов принимает председатель жюри: откройте пакет конкурса как председатель — файл будет ждать в разделе «Приём результатов».',
  'opened.go': 'Открыть',
  'opened.toStart': 'На начальный экран',
  'opened.goFile': 'Открыть {file}',
  'opened.dismiss': 'Убрать',
  'opened.dismissFile': 'Убрать {file} из списка',
  'opened.intake.title': 'Открытые файлы результатов',
  'opened.intake.text': 'Эти файлы открыты из системы (двойным щелчком или «Открыть с помощью»). Примите их — они будут проверены, как любые другие.',
  'opened.intake.import': {
    one: 'Принять {count} файл',
    few: 'Принять {count} файла',
    many: 'Принять {count} файлов',
    other: 'Принять {count} файла',
  },
  'opened.intake.discard': 'Не принимать',
} as const satisfies Record<string, string | PluralForms>;
