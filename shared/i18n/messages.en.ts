import type { MessageKey, PluralForms } from './messages.ru.ts';

/** English messages: exactly the keys of the Russian ones. */
export const en: Record<MessageKey, string | PluralForms> = {
  'app.name': 'JuryBox',
  'app.tagline': 'Expert judging of contests without a network: every mark is saved at once and stays with its expert.',
  'app.language': 'Language',
  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading…',
  'app.demoBadge': 'Demo data',
  'app.closeWorkspace': 'Close workspace',
  'app.home': 'Contest',

  'start.title': 'Welcome to JuryBox',
  'start.open.title': 'Open a workspace',
  'start.open.pathLabel': 'Path to the workspace file',
  'start.open.pathHint': 'A workspace is one SQLite file holding a contest and its marks, for example /home/anna/contest/demo.sqlite.',
  'start.open.submit': 'Open',
  'start.open.pick': 'Choose a file…',
  'start.demo.title': 'Demo contest',
  'start.demo.text': '“Best Multifunctional Centre of Russia”: three nominations, entries and experts. Part of the data is invented and marked as such.',
  'start.demo.submit': 'Open the demo',
  'start.recent.title': 'Recent',
  'start.recent.empty': 'Nothing opened yet.',
  'start.recent.missing': 'file not found',
  'start.recent.openedAt': 'opened {when}',
  'start.recent.open': 'Open “{title}”',

  'contest.dates': '{from} — {to}',
  'contest.scorer.label': 'Marks are given by expert',
  'contest.scorer.choose': '— choose an expert —',
  'contest.scorer.needed': 'Choose the expert on whose behalf marks are given.',
  'contest.nominations': 'Nominations',
  'contest.noCategory': 'No category',

  'progress.summary': 'Scored {complete} of {assigned}',
  'progress.conflicted': 'with a conflict of interest: {count}',
  'progress.nothingAssigned': 'Nothing is assigned to you.',
  'nomination.categories': 'Categories',
  'nomination.criteria': { one: '{count} criterion', other: '{count} criteria' },

  'entries.title': 'Entries',
  'entries.column.number': 'No.',
  'entries.column.title': 'Entry',
  'entries.column.region': 'Region',
  'entries.column.status': 'Status',
  'entries.empty': 'No entries of this category are assigned to you.',
  'status.notStarted': 'Not started',
  'status.incomplete': 'Scored {marked} of {criteria}',
  'status.complete': 'Scored',
  'status.conflict': 'Conflict of interest',

  'entry.organisation': 'Organisation',
  'entry.region': 'Region',
  'entry.application': 'Application',
  'entry.applicationValue': 'No. {number} of {date}',
  'entry.criteria': 'Criteria',
  'entry.previous': '← Previous entry',
  'entry.next': 'Next entry →',
  'entry.backToList': 'Back to the entries',
  'entry.conflict': 'Conflict of interest: this entry cannot be scored. {reason}',
  'entry.notAssigned': 'This entry is not assigned to you: marks are not accepted.',
  'entry.total': 'Total: {score} of {max} (on a 0–100 scale: {normalised})',
  'entry.totalIncomplete': 'The total appears once every mark is given ({marked} of {criteria}).',
  'entry.keyboardHint': 'Digits give the mark, Tab and Shift+Tab move between criteria, ↑ and ↓ move one step on the scale, Enter goes to the next criterion and then to the next entry.',

  'criterion.group': 'Group: {group}',
  'criterion.scale': 'Scale {min} to {max}, step {step}, weight {weight}',
  'criterion.rubric': 'How to score',
  'criterion.band': '{from}–{to}',
  'criterion.bandSingle': '{from}',
  'criterion.mark': 'Mark',
  'criterion.markLabel': 'Mark for “{title}”',

  'save.idle': 'Not given',
  'save.pending': 'Saving…',
  'save.saved': 'Saved at {time}',
  'save.cleared': 'Mark removed at {time}',
  'save.failed': 'Not saved: {reason}',
  'save.invalid': 'Not saved: {reason}',

  'scale.notNumber': '“{criterion}”: enter a number from {min} to {max}',
  'scale.belowMin': '“{criterion}”: mark {value} is below the scale minimum {min}',
  'scale.aboveMax': '“{criterion}”: mark {value} is above the scale maximum {max}',
  'scale.offStep': '“{criterion}”: mark {value} is not on the scale step {step} (from {min} to {max})',

  'conflict.auto.region': 'Found automatically: the expert and the entry are from the same region.',
  'conflict.auto.organisation': 'Found automatically: the expert and the entry are from the same organisation.',
  'conflict.declared': 'Declared by the expert: {reason}',
  'conflict.organiser': 'Set by the organiser: {reason}',

  'error.title': 'Error',
  'error.dismiss': 'Dismiss the message',
  'error.internal': 'Internal error: {message}',
  'error.invalidInput': 'Invalid request data for {channel}: {issues}',
  'error.unknownChannel': 'Unknown request {channel}',
  'error.network': 'No connection to JuryBox: {message}',
  'error.unauthorized': 'The session is not valid: open the whole address printed by jurybox serve (with token=…).',

  'workspace.notFound': 'File not found: {path}',
  'workspace.notSqlite': 'The file {path} is not a JuryBox workspace (it is not an SQLite database).',
  'workspace.foreign': 'The file {path} is another program’s database, not a JuryBox workspace.',
  'workspace.tooNew': 'The workspace {path} was made by a newer JuryBox (schema version {version}; this version reads up to {supported}). Update JuryBox.',
  'workspace.noContest': 'The workspace {path} holds no contest.',
  'workspace.notOpen': 'No workspace is open.',
  'workspace.exists': 'The file {path} already exists and will not be overwritten.',
  'workspace.invalidContest': 'The contest failed its checks: {issues}',

  'scoring.noScorer': 'Choose the expert on whose behalf marks are given.',
  'scoring.unknownExpert': 'Expert {expertId} is not in this workspace.',
  'scoring.unknownNomination': 'Nomination {nominationId} not found.',
  'scoring.unknownCategory': 'Category {categoryId} not found in nomination {nominationId}.',
  'scoring.unknownEntry': 'Entry {entryId} not found.',
  'scoring.unknownCriterion': 'Criterion {criterionId} does not belong to the nomination of “{entry}”.',
  'scoring.notAssigned': 'Entry “{entry}” is not assigned to expert {expert}.',
  'scoring.conflict': 'Expert {expert} has a conflict of interest with “{entry}”: it cannot be scored.',

  'cli.usage': `Usage: jurybox <command> [options]

Commands:
  demo --out DIR [--force]            write the demo contest to DIR/demo.sqlite
  serve [--workspace FILE] [--port N] open JuryBox in a browser (127.0.0.1 only)

Options for every command:
  --lang ru|en   language of messages (default: from LANG)
  --help         this help; jurybox <command> --help for one command
  --version      the version`,
  'cli.help.demo': `Usage: jurybox demo --out DIR [--force]

Writes DIR/demo.sqlite, a workspace holding the contest “Best Multifunctional Centre of Russia”
(nominations, categories, criteria with rubrics, entries, experts, assignments).
Invented entries and experts are marked as demo data. An existing file is kept unless --force.`,
  'cli.help.serve': `Usage: jurybox serve [--workspace FILE] [--port N]

Serves JuryBox to a browser: it listens on 127.0.0.1 only and every run gets a random session
token. Open the printed address whole. Without --port a free port is chosen. Stop with Ctrl+C.`,
  'cli.unknownCommand': 'Unknown command “{command}”. For the list of commands: jurybox --help',
  'cli.badArgs': '{message}. Help: jurybox {command} --help',
  'cli.missingOption': 'The option --{option} is required',
  'cli.badPort': 'The port must be a number from 0 to 65535, got “{value}”',
  'cli.badLang': 'The language must be ru or en, got “{value}”',
  'cli.demo.done': 'Demo contest written: {path}\n{nominations} nominations, {entries} entries, {experts} experts.\nOpen it: npx jurybox serve --workspace {path}',
  'cli.serve.listening': 'JuryBox is running at {url}',
  'cli.serve.workspace': 'Workspace: {path}',
  'cli.serve.stop': 'Stop with Ctrl+C.',
  'cli.serve.noRenderer': 'The interface is not built ({path}). Run npm run build.',
  'cli.start.noElectron': 'Electron cannot run on this machine ({reason}), so JuryBox opens in the browser instead.',
  'cli.start.reason.noPackage': 'the electron package is not installed',
  'cli.start.reason.download': 'its binary could not be downloaded',
  'cli.start.reason.noDisplay': 'there is no graphical display',
  'cli.start.reason.failed': 'it exited with code {code} on start',
  'cli.failed': 'Error: {message}',
};
