import { chairEn } from './chair.en.ts';
import { chairStatsEn } from './chair-stats.en.ts';
import { ceremonyEn } from './ceremony.en.ts';
import { reportEn } from './report.en.ts';
import { venueEn } from './venue.en.ts';
import { backupEn } from './backup.en.ts';
import { expertEn } from './expert.en.ts';
import { importEn } from './import.en.ts';
import type { MessageKey, PluralForms } from './messages.ru.ts';
import { signingEn } from './signing.en.ts';
import { openedEn } from './opened.en.ts';
import { filesEn } from './files.en.ts';

/** English messages: exactly the keys of the Russian ones. */
export const en: Record<MessageKey, string | PluralForms> = {
  ...signingEn,
  ...importEn,
  ...expertEn,
  ...chairEn,
  ...chairStatsEn,
  ...venueEn,
  ...ceremonyEn,
  ...reportEn,
  ...backupEn,
  ...openedEn,
  ...filesEn,
  'app.name': 'JuryBox',
  'app.tagline': 'Expert judging of contests without a network: every mark is saved at once and stays with its expert.',
  'app.language': 'Language',
  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading…',
  'app.demoBadge': 'Demo data',
  'app.closeWorkspace': 'Close workspace',
  'app.home': 'Contest',
  'app.digest': 'SHA-256 checksum',

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
  'entries.search': 'Search all your entries',
  'list.shown': 'Showing the first {shown} of {total}.',
  'list.more': 'Show {count} more',
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
  'entry.totalUnsaved': 'The total appears once every mark is saved ({count} not saved).',
  'entry.keyboardHint': 'Digits give the mark; it is saved on Enter, on leaving the field and on ↑ and ↓ (one step on the scale). Enter goes to the next criterion and on to the next entry, Tab to the comment, Shift+Tab back.',

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
  'save.invalidKept': 'Not saved: {reason}. The saved mark is still {saved}',
  'save.unsaved': 'Not saved: press Enter or move to another field',
  'save.unsavedKept': 'Not saved: press Enter or move to another field. The saved mark is {saved}',

  'leave.title': 'Leave without saving the marks?',
  'leave.marks': 'These marks are not saved and will be lost if you leave:',
  'leave.failed': '“{criterion}”: {reason}',
  'leave.comments': 'Comments not saved: {count}.',
  'leave.kept': 'Where a mark was saved before, it stays as it was.',
  'leave.stay': 'Stay and fix',
  'leave.go': 'Leave without saving',
  'leave.unload': 'Marks on this page are not saved and will be lost if you close the window.',

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

  'editor.readOnly': 'This workspace was made from a contest package: only the organiser can change the contest.',
  'editor.wrongNomination': 'Item {id} belongs to another nomination.',
  'editor.categoryHasEntries': 'Category “{category}” has entries ({count}): move or delete them first.',
  'editor.criterionHasMarks': 'Criterion “{criterion}” already has marks ({count}): it cannot be deleted.',
  'editor.scaleExcludesMarks': 'The new scale of “{criterion}” does not hold marks already given ({count}).',
  'editor.nominationHasEntries': 'Nomination “{nomination}” has entries ({count}): move or delete them first.',
  'editor.entryHasMarks': 'Entry “{entry}” already has marks ({count}): it cannot be deleted or moved to another nomination.',
  'editor.expertHasMarks': 'Expert “{expert}” has already given marks ({count}): they cannot be deleted.',
  'editor.unknownTarget': 'Not found: {id}.',

  'validation.required': 'Fill in this field',
  'validation.tooShort': 'At least {min} characters',
  'validation.tooLong': 'At most {max} characters',
  'validation.tooFew': 'At least {min} needed',
  'validation.tooMany': 'At most {max}',
  'validation.number': 'Enter a number',
  'validation.min': 'At least {min}',
  'validation.max': 'At most {max}',
  'validation.positive': 'Must be above zero',
  'validation.format': 'Wrong format',
  'validation.invalid': 'Invalid value',
  'validation.scaleMax': 'The scale maximum must be above its minimum',
  'validation.stepDivides': 'The step must fit the scale range a whole number of times',
  'validation.bandOutside': 'A level must lie within the scale, “from” not above “to”',
  'validation.link': 'A link must start with http:// or https://',
  'validation.summary': 'Correct the marked fields ({count}).',

  'nav.label': 'Workspace sections',
  'nav.scoring': 'Scoring',
  'nav.contest': 'Contest',
  'nav.entries': 'Entries',
  'nav.experts': 'Experts',
  'nav.assignments': 'Assignments',
  'nav.publish': 'Publishing',

  'start.new.title': 'New contest',
  'start.new.name': 'Contest name',
  'start.new.path': 'File of the new workspace',
  'start.new.pathHint': 'For example /home/anna/contest-2027.sqlite. An existing file is never overwritten.',
  'start.new.submit': 'Create the contest',

  'org.save': 'Save',
  'org.saved': 'Saved.',
  'org.back': 'Back',
  'org.close': 'Close',
  'org.actions': 'Actions',
  'org.up': '↑',
  'org.down': '↓',
  'org.remove': 'Delete',
  'org.moveUp': 'Move “{title}” up',
  'org.moveDown': 'Move “{title}” down',
  'org.delete': 'Delete “{title}”',
  'org.counts': 'Entries: {entries}, experts: {experts}, with a key: {enrolled}.',

  'org.info.title': 'About the contest',
  'org.info.name': 'Name',
  'org.info.year': 'Year',
  'org.info.place': 'Place',
  'org.info.startsOn': 'Starts',
  'org.info.endsOn': 'Ends',
  'org.info.description': 'Description',

  'org.nomination.none': 'No nominations yet.',
  'org.nomination.add': 'Add a nomination',
  'org.nomination.new': 'New nomination',
  'org.nomination.title': 'Nomination name',
  'org.nomination.description': 'Nomination description',
  'org.nomination.minEvaluations': 'Minimum evaluations per entry',
  'org.nomination.minEvaluationsHint': 'An entry with fewer evaluations is flagged, not silently ranked.',
  'org.nomination.summary': 'Categories: {categories}, criteria: {criteria}',
  'org.nomination.confirmDelete': 'Delete the nomination “{title}”?',

  'org.category.none': 'No categories: all entries of the nomination are judged together.',
  'org.category.add': 'Add a category',
  'org.category.title': 'Category {number}',
  'org.category.description': 'Note',
  'org.category.untitled': 'category {number}',

  'org.criterion.none': 'No criteria yet: the nomination cannot be published without them.',
  'org.criterion.add': 'Add a criterion',
  'org.criterion.legend': 'Criterion {number}. {title}',
  'org.criterion.untitled': 'criterion {number}',
  'org.criterion.title': 'Criterion name',
  'org.criterion.group': 'Group',
  'org.criterion.groupHint': 'Optional: criteria of one group are shown together.',
  'org.criterion.description': 'What is judged',
  'org.criterion.min': 'Scale minimum',
  'org.criterion.max': 'Scale maximum',
  'org.criterion.step': 'Step',
  'org.criterion.weight': 'Weight',
  'org.criterion.commentBelow': 'Comment required below',
  'org.criterion.commentBelowHint': 'A mark below this value needs a comment. Empty: never required.',

  'org.band.from': 'From',
  'org.band.to': 'To',
  'org.band.text': 'What such work looks like',
  'org.band.add': 'Add a level',
  'org.band.remove': 'Delete level {number} of “{title}”',

  'org.entry.filter': 'Nomination',
  'org.entry.allNominations': 'All nominations',
  'org.entry.add': 'Add an entry',
  'org.entry.new': 'New entry',
  'org.entry.count': { one: '{count} entry', other: '{count} entries' },
  'org.entry.place': 'Nomination and category',
  'org.entry.nomination': 'Nomination',
  'org.entry.category': 'Category',
  'org.entry.description': 'Description',
  'org.entry.applicationNo': 'Application number',
  'org.entry.appliedOn': 'Application date',
  'org.entry.needNomination': 'Add a nomination first, under “Contest”.',
  'org.entry.confirmDelete': 'Delete the entry “{title}”?',

  'org.material.title': 'Materials',
  'org.material.none': 'No materials.',
  'org.material.add': 'Add a material',
  'org.material.kind': 'Kind',
  'org.material.link': 'Link',
  'org.material.file': 'File',
  'org.material.name': 'Name',
  'org.material.ref': 'Address or file name',

  'org.expert.add': 'Add an expert',
  'org.expert.new': 'New expert',
  'org.expert.name': 'Full name',
  'org.expert.position': 'Position',
  'org.expert.role': 'Role',
  'org.expert.key': 'Key (fingerprint)',
  'org.expert.notEnrolled': 'no key yet',
  'org.expert.count': 'Experts: {count}, with a key: {enrolled}.',
  'org.expert.confirmDelete': 'Delete the expert “{name}”?',
  'org.role.expert': 'Expert',
  'org.role.chair': 'Jury chair',

  'org.import.entries': 'Load entries from XLSX or CSV',
  'org.import.experts': 'Load experts from XLSX or CSV',
  'org.enrol.open': 'Accept experts’ keys',

  'org.assign.allCategories': 'All categories',
  'org.assign.caption': 'Assignments: {place}',
  'org.assign.noExperts': 'No experts yet.',
  'org.assign.wholeNomination': 'Whole nomination',
  'org.assign.wholeCategory': 'Whole category',
  'org.assign.nominationFor': '{expert}: the whole nomination “{nomination}”',
  'org.assign.categoryFor': '{expert}: the whole category “{category}”',
  'org.assign.entryFor': '{expert}: entry “{entry}”',

  'org.conflict.short': 'Conflict',
  'org.conflict.waivedShort': 'Waived',
  'org.conflict.open': 'Conflict of interest: {expert} and “{entry}”',
  'org.conflict.title': 'Conflict of interest: {expert} and “{entry}”',
  'org.conflict.state.waived': 'Automatic conflict waived: {reason}',
  'org.conflict.state.none': 'No conflict.',
  'org.conflict.reason': 'Reason',
  'org.conflict.reasonHint': 'The decision is recorded with its reason and travels in the contest package.',
  'org.conflict.waive': 'Waive the conflict',
  'org.conflict.add': 'Set a conflict',
  'org.conflict.clear': 'Back to the rule',

  'publish.noNominations': 'the contest has no nominations',
  'publish.noCriteria': 'nomination “{nomination}” has no criteria',
  'publish.noEntries': 'the contest has no entries',
  'publish.noExperts': 'the contest has no experts',
  'publish.notReady': { one: 'The contest cannot be published yet: {count} reason, see “Publishing”.', other: 'The contest cannot be published yet: {count} reasons, see “Publishing”.' },
  'publish.exists': 'The file {file} already exists: choose another name.',
  'enrol.otherContest': 'File {file} enrols a key for another contest ({contest}).',
  'enrol.unknownExpert': 'File {file}: expert {expertId} is not in this contest.',
  'enrol.keyTaken': 'File {file}: this key is already enrolled for expert {expertId}.',
  'enrol.organiserKey': 'File {file}: this is the organiser’s key; an expert cannot sign with it.',
  'key.unknown': 'Key {file} not found.',

  'pub.lead': 'The contest package is a signed file holding the whole contest and the experts’ keys. Hand it to the experts: their app checks the signature.',
  'pub.next': 'Next revision: {revision}',
  'pub.notReady': 'It cannot be published yet:',
  'pub.roster': 'Keys received from {enrolled} of {experts} experts; their keys go onto this revision’s roster.',
  'pub.pinned': 'The first revision pinned the organiser key {fingerprint}: sign with the same key, or experts will refuse the package.',
  'pub.path': 'Where to write the package',
  'pub.pathHint': 'A .jbcontest file on this computer; an existing file is never overwritten.',
  'pub.run': 'Sign and publish revision {revision}',
  'pub.done': 'Revision {revision} published',
  'pub.file': 'File',
  'pub.signer': 'Signed by key',
  'pub.history': 'Published revisions',
  'pub.revision': 'Revision',
  'pub.when': 'When',
  'pub.key.choose': 'Organiser key',
  'pub.key.fromFile': 'A key file on disk…',
  'pub.key.file': 'Path of the key file (.key)',
  'pub.key.fileHint': 'For example a key on a USB stick: /media/usb/anna.key.',
  'pub.key.enterPassphrase': 'Key passphrase',
  'pub.key.another': 'Create another key',
  'pub.key.new': 'New key',
  'pub.key.label': 'Whose key this is',
  'pub.key.labelHint': 'For example: “Contest office, A. Ivanova”. Experts will see this name.',
  'pub.key.protection': 'How to protect the private key',
  'pub.key.os': 'The system’s keystore',
  'pub.key.passphrase': 'A passphrase',
  'pub.key.newPassphrase': 'Passphrase',
  'pub.key.passphraseHint': 'A passphrase cannot be recovered: without it the key cannot sign.',
  'pub.key.signedBy': 'Signed with key “{label}”, fingerprint {fingerprint}.',
  'pub.key.repeat': 'Passphrase again',
  'pub.key.mismatch': 'The passphrases differ',
  'pub.key.create': 'Create the key',
  'enrolUi.lead': 'An expert sends a .jbenrol file with their new key. Call the expert and compare the fingerprint: only then accept the key.',
  'enrolUi.files': '.jbenrol files',
  'enrolUi.file': 'File {file}, made {when}',
  'untrusted.hidden': 'Hidden character {codePoint} from the file: on screen it is invisible or reorders text',
  'enrolUi.nameDiffers': 'The file gives another name: “{name}”. Check with the expert.',
  'enrolUi.status.new': 'A new key of this expert.',
  'enrolUi.status.same': 'This key is already accepted.',
  'enrolUi.status.replaces': 'Replaces the expert’s earlier key.',
  'enrolUi.fingerprint': 'Key fingerprint',
  'enrolUi.accept': 'The fingerprint matched by phone — accept the key',
  'enrolUi.accepted': 'Key accepted; it goes onto the next revision of the package.',

  'rules.title': 'How marks become a ranking',
  'rules.method': 'How experts’ marks are combined',
  'rules.method.mean': 'Mean',
  'rules.method.median': 'Median',
  'rules.method.trimmed': 'Trimmed mean',
  'rules.method.normalised': 'Normalised (corrects for experts’ severity)',
  'rules.trim': 'How many to drop at each end',
  'rules.trimHint': 'The k highest and k lowest are dropped when more than 2k experts scored.',
  'rules.order': 'Order of aggregation',
  'rules.order.expertTotals': 'Each expert’s total first, then across experts',
  'rules.order.criterionFirst': 'Each criterion across experts first, then the sum',
  'rules.tolerance': 'Tolerated spread, points of 100',
  'rules.toleranceHint': 'An entry whose experts’ totals differ by more is flagged.',
  'rules.tieBreak': 'When totals are equal',
  'rules.noTieBreak': 'No order set: equal totals are decided by the chair, with a reason.',
  'rules.byCriterion': 'the higher mark on “{criterion}”',
  'rules.byDate': 'the earlier application',
  'rules.addTieBreak': 'Add a rule',
  'rules.choose': '— choose —',
  'rules.tieBreakHint': 'Rules apply in order; what is still equal is decided by the chair, with a reason.',

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
  demo --out DIR [--seed N] [--force] the demo contest: a workspace, keys, the package, experts' results
  serve [--workspace FILE] [--port N] [FILE...]
                                      open JuryBox in a browser (127.0.0.1 only)
  verify [--contest PACKAGE...] FILE... check signed files; experts' results against the package
  keygen --out FILE.key --label NAME  make an Ed25519 key pair (the private key sealed by a passphrase)
  publish --workspace FILE --key FILE.key --out FILE.jbcontest
                                      sign and issue the next revision of the contest package
  enrol --contest FILE.jbcontest --expert ID --key FILE.key --out FILE.jbenrol
                                      an expert's request to enrol a key

  merge --contest PACKAGE --key KEY --out RESULTS.jbmerged FILES_OR_DIRS...
                                      check the experts' results, rank, and sign the results
  recompute RESULTS.jbmerged --contest PACKAGE FILES_OR_DIRS...
                                      recompute the results and compare with the signed ones
  results RESULTS.jbmerged --format pdf|xlsx|csv|marks-csv --out FILE
                                      the minutes (PDF), the results (XLSX, CSV) or the experts' marks (CSV)

  backup FILE [--list]                back up a workspace (with --list, list its backups)
  restore FILE BACKUP                 bring a workspace back to the state in a backup

Options for every command:
  --lang ru|en   language of messages (default: from LANG); of the documents of results (default: ru)
  --help         this help; jurybox <command> --help for one command
  --version      the version

Commands that sign take the key's passphrase from JURYBOX_PASSPHRASE, or ask for it.`,
  'cli.help.demo': `Usage: jurybox demo --out DIR [--force]

Writes DIR/demo.sqlite, a workspace holding the contest “Best Multifunctional Centre of Russia”
(nominations, categories, criteria with rubrics, entries, experts, assignments).
Invented entries and experts are marked as demo data. An existing file is kept unless --force.`,
  'cli.help.serve': `Usage: jurybox serve [--workspace FILE] [--port N] [FILE...]

Serves JuryBox to a browser: it listens on 127.0.0.1 only and every run gets a random session
token. Open the printed address whole. Without --port a free port is chosen. .jbcontest, .jbenrol,
.jbresult and .jbmerged files named after the options open where they belong, as a double-click
does in the desktop app. Stop with Ctrl+C.`,
  'cli.help.verify': `Usage: jurybox verify [--contest PACKAGE.jbcontest ...] FILE...

Checks each file: is it whole and signed by the key it names; prints its kind, the signer's key
fingerprint (compare it by phone), its revision or expert, and the verdict with its reason.
  --contest FILE  the contest package (once per revision) that result bundles are checked against:
                  the expert is on its roster, the contest and revision are this one, the marks
                  fit its criteria and assignments, and sequence numbers across the bundles
Exit status 0 when every file is accepted, 1 when any is refused, 2 on a usage error.`,
  'cli.help.keygen': `Usage: jurybox keygen --out FILE.key --label NAME

Makes an Ed25519 key pair: FILE.key (the private key, sealed by a passphrase: scrypt + AES-256-GCM)
and FILE.pub.pem (the public key). Prints the fingerprint to compare by phone.`,
  'cli.help.publish': `Usage: jurybox publish --workspace FILE --key FILE.key --out FILE.jbcontest [--name ORGANISER]

Signs the next revision of the contest package with the organiser's key: the whole contest and the
roster of experts' keys. The first revision pins the key: later ones must be signed with the same.`,
  'cli.help.enrol': `Usage: jurybox enrol --contest FILE.jbcontest --expert ID --key FILE.key --out FILE.jbenrol

For an expert: writes a request to enrol your key, signed by that same key. Give the file to the
organiser and compare its fingerprint with them by phone.`,
  'cli.verify.noFiles': 'Name at least one file',
  'cli.verify.ok': '{file}: {what}, signed by {signer} — {verdict}',
  'cli.verify.accepted': 'OK',
  'cli.verify.superseded': 'SUPERSEDED by a later one',
  'cli.verify.duplicate': 'DUPLICATE of one accepted',
  'cli.verify.result': 'results of expert {expert}, number {sequence}, against revision {revision}, marks: {marks}',
  'cli.verify.draft': 'DRAFT results of expert {expert}, number {sequence}, against revision {revision}, marks: {marks}',
  'cli.verify.refused': '{file}: REFUSED — {reason}',
  'cli.verify.contest': 'contest package “{contest}”, revision {revision}, keys on the roster: {roster}',
  'cli.verify.enrolment': 'key enrolment of expert {expert} ({name})',
  'cli.keygen.done': 'Key written: {file}\nPublic key: {pem}\nFingerprint: {fingerprint}',
  'cli.publish.done': 'Package written: {file}\nRevision {revision}, signed by {fingerprint}\nSHA-256: {digest}',
  'cli.enrol.done': 'Enrolment written: {file}\nYour key’s fingerprint: {fingerprint}; read it to the organiser.\nThe package is signed by the organiser key {organiser}.',
  'cli.passphrase.ask': 'Passphrase of key “{label}”: ',
  'cli.passphrase.new': 'Passphrase for the new key: ',
  'cli.passphrase.again': 'Again: ',
  'cli.passphraseNeeded': 'The key’s passphrase is needed: set JURYBOX_PASSPHRASE or run the command in a terminal',
  'cli.passphraseMismatch': 'The passphrases differ',
  'cli.help.merge': `Usage: jurybox merge --contest PACKAGE [--contest PACKAGE...] --key CHAIR_KEY --out RESULTS.jbmerged [--decisions FILE] [--allow-refused] FILE_OR_DIR...

Checks the experts' results (.jbresult; folders are searched) against the contest packages, prints
the verdict on every file, ranks by each nomination's rules, and signs the results with the chair's
key. When any file is refused, nothing is written (exit 1) unless --allow-refused. Entries still tied
after the tie-break rules are put in order by the chair's decisions in FILE (JSON, docs/formats.md);
while a tie is open, or a decision settles none, nothing is written (exit 1) and each is listed.`,
  'cli.help.recompute': `Usage: jurybox recompute RESULTS.jbmerged --contest PACKAGE [--contest PACKAGE...] FILE_OR_DIR...

Recomputes the results from the same packages and experts' results and says whether they match the
signed ones (exit 0) or differ (exit 1, listing the differences).`,
  'cli.merge.noBundles': 'Name the files or folders with the experts’ results',
  'cli.merge.who': '{expert}, no. {sequence}',
  'cli.merge.accepted': '{file}: {who} — OK',
  'cli.merge.superseded': '{file}: {who} — SUPERSEDED by a later one',
  'cli.merge.duplicate': '{file}: {who} — DUPLICATE',
  'cli.merge.refused': '{file}: {who} — REFUSED: {reason}',
  'cli.merge.stopped': 'Files refused: {count}. Nothing written; to merge without them, add --allow-refused.',
  'cli.merge.written': 'Results written: {file}\nExperts’ results merged: {count}; signed by {fingerprint}\nSHA-256: {digest}',
  'cli.merge.winner': '{group}: first place — {names}',
  'cli.merge.tie': '{group}: first place shared by {names} — the chair decides',
  'cli.merge.noWinner': '{group}: no ranking (too few evaluations)',
  'cli.merge.entry': '{title} ({score} of 100)',
  'cli.merge.openTies': 'Ties still open: {count}. Nothing written: the chair decides the order of each, with the reason, in a decisions file given as --decisions FILE (docs/formats.md, “Tie decisions”).',
  'cli.merge.openTie': '  {group}: place {place} shared by {entries}',
  'cli.merge.badDecisions': 'The decisions in {file} do not settle the open ties. Nothing written.',
  'cli.merge.badDecision': '  {file}, decisions[{index}]: {problem}',
  'cli.merge.decided': '{group}: the chair’s order {order}; reason: {reason}',
  'cli.recompute.openTies': 'Ties still open in the signed results: {count}.',
  'cli.recompute.usage': 'Name the results file and the experts’ results: jurybox recompute RESULTS.jbmerged --contest PACKAGE FILES...',
  'cli.recompute.identical': '{file}: IDENTICAL — recomputed from {count} experts’ results, they match the signed ones ({fingerprint}).',
  'cli.recompute.different': '{file}: DIFFERENT',
  'cli.verify.merged': 'contest results: {chair}, against revision {revision}, experts’ results: {bundles}',
  'cli.unknownCommand': 'Unknown command “{command}”. For the list of commands: jurybox --help',
  'cli.badArgs': '{message}. Help: jurybox {command} --help',
  'cli.missingOption': 'The option --{option} is required',
  'cli.badPort': 'The port must be a number from 0 to 65535, got “{value}”',
  'cli.badLang': 'The language must be ru or en, got “{value}”',
  'cli.demo.done': 'Demo contest written.\nWorkspace: {path}\nContest package: {package}\nDemo keys (passphrase demo): {keys}\nExperts’ results: {bundles} files in bundles/\nMerged results signed by the demo chair: {results}\nNominations: {nominations}, entries: {entries}, experts: {experts}.\nOpen it: npx jurybox serve --workspace {path}',
  'cli.serve.listening': 'JuryBox is running at {url}',
  'cli.serve.workspace': 'Workspace: {path}',
  'cli.serve.stop': 'Stop with Ctrl+C.',
  'cli.serve.noRenderer': 'The interface is not built ({path}). Run npm run build.',
  'cli.start.noElectron': 'Electron cannot run on this machine ({reason}), so JuryBox opens in the browser instead.',
  'cli.start.reason.noPackage': 'the electron package is not installed',
  'cli.start.reason.download': 'its binary could not be downloaded',
  'cli.start.reason.noDisplay': 'there is no graphical display',
  'cli.start.reason.failed': 'it exited with code {code} on start',
  'cli.badSeed': 'The seed must be a whole number from 0, got “{value}”',
  'cli.failed': 'Error: {message}',
};
