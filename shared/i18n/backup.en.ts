import type { PluralForms } from './plural.ts';
import type { backupRu } from './backup.ru.ts';

/** English messages of backups: the screen, the errors, the CLI. */
export const backupEn: Record<keyof typeof backupRu, string | PluralForms> = {
  'nav.backups': 'Backups',
  'backup.lead':
    'JuryBox copies the workspace by itself: every {minutes} min when something in it changed, and before an import, before an upgrade of the file format and before a restore. Each copy is checked as soon as it is written.',
  'backup.folder': 'Folder of the copies:',
  'backup.create': 'Make a copy now',
  'backup.creating': 'Copying…',
  'backup.created': 'Copy made and checked: {name}',
  'backup.empty': 'No copies yet. The first appears as soon as something in the workspace changes, or with the button above.',
  'backup.list': 'Copies, newest first',
  'backup.when': 'Made',
  'backup.reason': 'Why',
  'backup.size': 'Size',
  'backup.file': 'File',
  'backup.actions': 'Action',
  'backup.reason.scheduled': 'scheduled',
  'backup.reason.before-import': 'before an import',
  'backup.reason.before-migration': 'before a format upgrade',
  'backup.reason.before-restore': 'before a restore',
  'backup.reason.manual': 'by hand',
  'backup.kb': '{size} KB',
  'backup.mb': '{size} MB',
  'backup.restore': 'Restore',
  'backup.restoreOne': 'Restore the copy of {time}',
  'backup.confirm.title': 'Restore the copy of {time}?',
  'backup.confirm.text':
    'The workspace goes back to its state at {time}. Its present state is saved first as a copy of its own (“before a restore”), so the restore can be undone by restoring that copy.',
  'backup.confirm.lost': 'Everything changed after {time} leaves the workspace and stays only in that new copy.',
  'backup.confirm.yes': 'Yes, restore',
  'backup.confirm.no': 'Cancel',
  'backup.restoring': 'Restoring…',
  'backup.restored': 'The state at {time} is restored. The state before is saved in the copy {name}.',
  'backup.restoredNothingSaved': 'The state at {time} is restored.',
  'backup.cli': 'From the command line: jurybox backup FILE makes a copy, jurybox backup FILE --list lists them, jurybox restore FILE BACKUP restores one.',

  'backup.notFound': 'Backup not found: {file}. Nothing was changed.',
  'backup.unreadable': 'SQLite cannot read {file} as a database ({problem}). Nothing was changed.',
  'backup.damaged': 'The backup {file} is damaged: SQLite’s integrity check found errors ({problem}). Nothing was changed.',
  'backup.foreign': 'The file {file} is another program’s database, not a copy of a JuryBox workspace. Nothing was changed.',
  'backup.otherVersion': 'The copy {file} does not match the workspace: schema version {version} instead of {expected}.',
  'backup.tooNew': 'The copy {file} was made by a newer JuryBox (schema version {version}; this version understands up to {supported}). Nothing was changed.',
  'backup.noContest': 'The file {file} holds no contest: it is not a copy of a workspace. Nothing was changed.',
  'backup.otherContest': 'The copy {file} is of another contest ({backup}), and the workspace {path} is of {contest}. Nothing was changed.',
  'backup.notInFolder': 'There is no copy {name} in {folder}. Nothing was changed.',
  'backup.sameFile': 'The file {file} is the workspace itself, not a copy of it. Nothing was changed.',
  'backup.restoreFailed': 'Could not restore {path} from {file} ({problem}). The workspace was not changed.',
  'backup.migrationFailed': 'The workspace {path} was not upgraded: the backup before the upgrade could not be made ({problem}). The file was not changed.',

  'cli.help.backup': `Usage: jurybox backup FILE [--list]

Backs up the workspace FILE into the folder beside it (demo.sqlite → demo.backups/) with SQLite's
backup API and checks the copy. The workspace is not changed and may stay open in JuryBox.
With --list, only lists the copies: when, why, size, file.`,
  'cli.help.restore': `Usage: jurybox restore FILE BACKUP

Brings the workspace FILE back to the state held in the file BACKUP. The backup is checked first: a
damaged one, another program's or another contest's is refused and nothing changes. Then the present
state is saved as a copy "before a restore", and only then is the workspace replaced. Close the
workspace in JuryBox before restoring.
Exit status 0 restored, 1 refused (with the reason), 2 on a usage error.`,
  'cli.backup.usage': 'Name the workspace: jurybox backup FILE [--list]',
  'cli.backup.done': 'Copy made and checked: {file} ({size} KB)',
  'cli.backup.listed': 'Backups of {path} in {folder}:',
  'cli.backup.line': '{time}  {reason}  {size} KB  {name}',
  'cli.backup.none': 'The workspace {path} has no backups (folder {folder}).',
  'cli.restore.usage': 'Name the workspace and the backup: jurybox restore FILE BACKUP',
  'cli.restore.done': 'The workspace {path} is restored from {file}.',
  'cli.restore.saved': 'The state before is saved: {file}',
  'cli.restore.keptAside': 'The file before could not be read as a workspace; it was moved unchanged to: {file}',
};
