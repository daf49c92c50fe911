import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { WorkspaceSummary } from '../../shared/domain/views.ts';
import type { AppData } from '../services/app-data.ts';
import { DEMO_FILE, writeDemo } from '../services/demo/demo.ts';
import { Workspace } from '../services/workspace.ts';
import type { Handlers } from './dispatch.ts';
import { BackupDesk, type BackupDeskOptions } from './backups.ts';
import type { RestoreOutcome } from '../../shared/domain/backup.ts';
import { restore } from '../services/backup/workspace-file.ts';
import { ImportDesk } from './import-desk.ts';
import { acceptEnrolment, previewEnrolment, publishStatus, runPublish } from './publishing.ts';
import { exportEnrolment, openForExpert, previewPackage, runSubmit, submitStatus, updatePackage } from './expert.ts';
import type { KeyStore } from '../services/keys/key-store.ts';
import type { OpenedFiles } from '../services/opened-files.ts';
import { coverage } from '../services/chair/coverage.ts';
import { chairSources } from '../services/chair/sources.ts';
import { decideTie, withdrawTie } from '../services/chair/ties.ts';
import { chairStatus, entryMarks, groupStatistics, resultsView } from '../services/chair/views.ts';
import { VenueDesk } from './venue.ts';
import { auditView, BundleIntake, chairWorkspace, checkEnrolment, confirmEnrolmentKey, finaliseView, openForChair, signResults } from './chair.ts';

export interface SessionOptions {
  appData: AppData;
  /** The user's own signing keys. */
  keyStore: KeyStore;
  version: string;
  /** The host's native file dialog; absent where there is none (the browser host). */
  pickFile?: () => Promise<string | null>;
  /** Opens the ceremony in a window of its own; absent where there is none (the browser host). */
  openCeremonyWindow?: () => void;
  /** The schedule of backups (every 10 minutes on the system clock unless a test says otherwise). */
  backups?: BackupDeskOptions;
  /** Files the operating system (or `jurybox serve FILE`) handed to the app; none where absent. */
  openedFiles?: OpenedFiles;
}

/** Handlers of channels that answer nothing. */
const nothing = (_done: void): null => null;

/**
 * What one window (or one browser host) has open. Both transports build their handlers from a
 * session, so the desktop app and the browser host behave the same by construction.
 */
export class Session {
  private workspace: Workspace | null = null;
  private readonly options: SessionOptions;
  private readonly imports = new ImportDesk();
  private readonly bundles = new BundleIntake();
  private readonly backups: BackupDesk;
  private readonly venue = new VenueDesk();

  constructor(options: SessionOptions) {
    this.options = options;
    this.backups = new BackupDesk(options.backups);
  }

  /** The open workspace when it is a jury chair's. */
  chair(): Workspace {
    return chairWorkspace(this.current());
  }

  /** The open workspace, or a user error saying none is. */
  current(): Workspace {
    if (!this.workspace) throw new AppError('workspace.notOpen');
    return this.workspace;
  }

  open(path: string): WorkspaceSummary {
    const absolute = resolve(path);
    const next = Workspace.open(absolute);
    this.close();
    this.workspace = next;
    this.backups.watch(next);
    const summary = next.summary();
    this.options.appData.remember(absolute, summary.contest.title, new Date().toISOString());
    return summary;
  }

  /** Creates an empty contest in a new workspace file and opens it. */
  create(path: string, title: string): WorkspaceSummary {
    const absolute = resolve(path);
    const contest = { id: `contest-${randomBytes(5).toString('hex')}`, title, year: new Date().getFullYear() };
    Workspace.create(absolute, { contest, nominations: [], entries: [], experts: [], assignments: [] }).close();
    return this.open(absolute);
  }

  /**
   * Opens a contest package for one expert: their workspace is made the first time, or brought to
   * this newer revision (same organiser key, higher revision) when it exists.
   */
  openPackage(fileName: string, content: string, expertId: string): WorkspaceSummary {
    return this.open(openForExpert(this.options.appData.contestsDir, fileName, content, expertId));
  }

  openDemo(): WorkspaceSummary {
    const dir = this.options.appData.demoDir;
    const path = join(dir, DEMO_FILE);
    if (!existsSync(path)) {
      mkdirSync(dir, { recursive: true });
      writeDemo(dir, { force: true });
    }
    return this.open(path);
  }

  close(): void {
    void this.backups.stop();
    this.workspace?.close();
    this.workspace = null;
  }

  /**
   * Runs an import into the open workspace once it is backed up (`before-import`). The backup is
   * awaited, so the workspace is checked again: it may have been closed meanwhile.
   */
  private async afterBackup<T>(ws: Workspace, run: () => T): Promise<T> {
    await this.backups.take('before-import');
    if (this.workspace !== ws) throw new AppError('workspace.notOpen');
    return run();
  }

  /**
   * Brings the open workspace back to one of its backups: checked, this session's connection closed,
   * the present state backed up, the file replaced, the workspace opened again. Whatever fails, the
   * workspace ends up open, as restored or as it was.
   */
  async restore(name: string): Promise<RestoreOutcome> {
    const ws = this.current();
    const path = ws.path;
    const restored = this.backups.find(ws, name);
    let outcome;
    try {
      outcome = await restore(path, restored.path, {
        release: async () => {
          await this.backups.stop();
          this.close();
        },
      });
    } finally {
      if (this.workspace === null) this.open(path);
    }
    return { restored, saved: outcome.saved, summary: this.current().summary() };
  }

  handlers(): Handlers {
    const { appData, version, pickFile, keyStore, openCeremonyWindow, openedFiles } = this.options;
    return {
      'app:info': () => ({ version, canPickFiles: pickFile !== undefined, canOpenWindows: openCeremonyWindow !== undefined }),
      'workspace:recent': () => appData.recent(),
      'workspace:current': () => this.workspace?.summary() ?? null,
      'workspace:open': ({ path }) => this.open(path),
      'workspace:openDemo': () => this.openDemo(),
      'workspace:pick': async () => ({ path: pickFile ? await pickFile() : null }),
      'workspace:close': () => {
        this.close();
        return null;
      },
      'scoring:setScorer': ({ expertId }) => this.current().setScorer(expertId),
      'scoring:overview': () => this.current().overview(),
      'scoring:entries': ({ nominationId, categoryId, first }) => this.current().entries(nominationId, categoryId, first ?? null),
      'scoring:entry': ({ entryId }) => this.current().entry(entryId),
      'marks:set': (input) => this.current().setMark(input),
      'workspace:create': ({ path, title }) => this.create(path, title),
      'editor:overview': () => this.current().editor.overview(),
      'editor:saveInfo': (input) => this.current().editor.saveInfo(input),
      'editor:saveNomination': (input) => this.current().editor.saveNomination(input),
      'editor:deleteNomination': ({ id }) => nothing(this.current().editor.deleteNomination(id)),
      'editor:moveNomination': ({ id, delta }) => nothing(this.current().editor.moveNomination(id, delta)),
      'editor:entries': ({ nominationId }) => this.current().editor.entries(nominationId),
      'editor:saveEntry': (input) => this.current().editor.saveEntry(input),
      'editor:deleteEntry': ({ id }) => nothing(this.current().editor.deleteEntry(id)),
      'editor:experts': () => this.current().editor.experts(),
      'editor:saveExpert': (input) => this.current().editor.saveExpert(input),
      'editor:deleteExpert': ({ id }) => nothing(this.current().editor.deleteExpert(id)),
      'editor:matrix': ({ nominationId, categoryId }) => this.current().editor.matrix(nominationId, categoryId),
      'editor:assign': ({ expertId, scope, assigned }) => nothing(this.current().editor.setAssignment(expertId, scope, assigned)),
      'editor:decideConflict': ({ expertId, entryId, decision }) => nothing(this.current().editor.decideConflict(expertId, entryId, decision)),
      'import:preview': (input) => this.imports.preview(input),
      'import:check': (input) => this.imports.check(this.current(), input),
      'import:commit': (input) => {
        const ws = this.current();
        // Backed up only when the import will go ahead: one with problems writes nothing.
        if (this.imports.check(ws, input).errors.length > 0) return this.imports.commit(ws, input);
        return this.afterBackup(ws, () => this.imports.commit(ws, input));
      },
      'keys:list': () => ({ keys: keyStore.list(), canUseOs: keyStore.canUseOs }),
      'keys:create': ({ label, protection, passphrase }) => keyStore.create({ label, passphrase, useOs: protection === 'os' }),
      'publish:status': () => publishStatus(this.current(), keyStore),
      'publish:run': (input) => runPublish(this.current(), keyStore, input),
      'enrol:preview': (file) => previewEnrolment(this.current(), file),
      'enrol:confirm': (file) => acceptEnrolment(this.current(), file),
      'package:preview': ({ fileName, content }) => previewPackage(fileName, content),
      'package:open': ({ fileName, content, expertId }) => this.openPackage(fileName, content, expertId),
      'package:update': ({ fileName, content }) => {
        const ws = this.current();
        return this.afterBackup(ws, () => updatePackage(ws, fileName, content));
      },
      'scoring:mine': () => this.current().myEntries(),
      'marks:comment': (input) => this.current().commentMark(input),
      'entry:comment': ({ entryId, comment }) => this.current().commentEntry(entryId, comment),
      'entry:decide': ({ entryId, decision }) => this.current().decide(entryId, decision),
      'submit:status': () => submitStatus(this.current(), keyStore),
      'submit:run': (input) => runSubmit(this.current(), keyStore, input),
      'enrol:export': (input) => exportEnrolment(this.current(), keyStore, input),
      'chair:open': ({ fileName, content }) => this.open(openForChair(appData.contestsDir, fileName, content)),
      'chair:status': () => chairStatus(this.chair().db),
      'bundles:begin': () => this.bundles.begin(),
      'bundles:stage': ({ batch, fileName, content }) => this.bundles.stage(batch, fileName, content),
      'bundles:import': ({ batch }) => {
        const ws = this.chair();
        return this.afterBackup(ws, () => this.bundles.commit(ws, batch));
      },
      'bundles:discard': ({ batch }) => nothing(this.bundles.discard(batch)),
      'chair:checkKey': ({ fileName, content }) => checkEnrolment(this.current(), fileName, content),
      'chair:confirmKey': ({ fileName, content }) => confirmEnrolmentKey(this.current(), fileName, content),
      'chair:coverage': ({ nominationId, categoryId }) => {
        const db = this.chair().db;
        return coverage(db, chairSources(db).contest, nominationId, categoryId);
      },
      'chair:results': () => resultsView(this.chair().db),
      'chair:statistics': ({ nominationId, categoryId }) => groupStatistics(this.chair().db, nominationId, categoryId),
      'chair:entry': ({ entryId }) => entryMarks(this.chair().db, entryId),
      'tie:decide': (request) => {
        const db = this.chair().db;
        decideTie(db, request, new Date().toISOString());
        return resultsView(db);
      },
      'tie:withdraw': ({ id }) => {
        const db = this.chair().db;
        withdrawTie(db, id, new Date().toISOString());
        return resultsView(db);
      },
      'final:status': () => finaliseView(this.chair(), keyStore),
      'final:sign': (request) => signResults(this.current(), keyStore, request),
      'audit:list': () => auditView(this.current()),
      'venue:open': ({ fileName, content }) => this.venue.open(this.workspace, fileName, Buffer.from(content, 'base64')),
      'venue:current': () => this.venue.current(this.workspace, join(appData.dir, 'exports')),
      'venue:reset': () => nothing(this.venue.reset(this.workspace)),
      'venue:export': (request) => this.venue.export(this.workspace, request),
      'venue:window': () => {
        if (!openCeremonyWindow) throw new AppError('venue.noWindow');
        openCeremonyWindow();
        return null;
      },
      'backup:list': () => this.backups.list(this.current()),
      'backup:create': () => this.backups.take('manual'),
      'backup:restore': ({ name }) => this.restore(name),
      'opened:take': () => openedFiles?.take() ?? [],
    };
  }
}
