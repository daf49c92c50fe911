import type { PluralForms } from './plural.ts';

/** Russian messages of the jury chair's side and of merged results; merged in messages.ru.ts. */
export const chairRu = {
  'recompute.diff.package': 'пакета редакции {revision} ({digest}…) нет среди указанных',
  'recompute.diff.missing': 'результат эксперта {expert} № {sequence} ({digest}…) отсутствует или не принят среди указанных файлов',
  'recompute.diff.extra': 'результат эксперта {expert} № {sequence} ({digest}…) принят, но не входил в итоги',
  'recompute.diff.results': 'итоги «{group}» различаются',
  'recompute.diff.groups': 'число групп рейтинга различается',
} as const satisfies Record<string, string | PluralForms>;
