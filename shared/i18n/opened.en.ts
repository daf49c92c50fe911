import type { PluralForms } from './plural.ts';
import type { openedRu } from './opened.ru.ts';

/** English messages of files the system hands to JuryBox: exactly the keys of the Russian ones. */
export const openedEn: Record<keyof typeof openedRu, string | PluralForms> = {
  'opened.unknownKind':
    'JuryBox cannot open the file {file}: it opens contest packages (.jbcontest), experts’ keys (.jbenrol), experts’ results (.jbresult) and signed results (.jbmerged).',
  'opened.title': 'Opened files are waiting',
  'opened.kind.contest': 'contest package',
  'opened.kind.enrolment': 'expert’s key',
  'opened.kind.result': 'expert’s results',
  'opened.kind.merged': 'signed results',
  'opened.file': '{file} — {kind}',
  'opened.needs.organiser': 'Experts’ keys are taken in by the organiser: open your contest’s workspace, then press Open.',
  'opened.needs.chair': 'Experts’ results are taken in by the jury chair: open the contest package as the chair, and the file will wait under Results intake.',
  'opened.go': 'Open',
  'opened.toStart': 'To the start screen',
  'opened.goFile': 'Open {file}',
  'opened.dismiss': 'Remove',
  'opened.dismissFile': 'Remove {file} from the list',
  'opened.intake.title': 'Opened result files',
  'opened.intake.text': 'These files were opened from the system (a double-click or Open with). Import them: they are checked like any others.',
  'opened.intake.import': { one: 'Import {count} file', other: 'Import {count} files' },
  'opened.intake.discard': 'Do not import',
};
