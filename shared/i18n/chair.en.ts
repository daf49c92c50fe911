import type { PluralForms } from './plural.ts';
import type { chairRu } from './chair.ru.ts';

/** English messages of the jury chair's side and of merged results. */
export const chairEn: Record<keyof typeof chairRu, string | PluralForms> = {
  'recompute.diff.package': 'package revision {revision} ({digest}…) is not among the packages given',
  'recompute.diff.missing': 'the results of expert {expert} no. {sequence} ({digest}…) are missing or do not stand among the files given',
  'recompute.diff.extra': 'the results of expert {expert} no. {sequence} ({digest}…) stand but were not merged',
  'recompute.diff.results': 'the results of “{group}” differ',
  'recompute.diff.groups': 'the number of ranked groups differs',
};
