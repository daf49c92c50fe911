import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { WorkspaceSummary } from '../../shared/domain/views.ts';
import type { AppData } from '../services/app-data.ts';
import { DEMO_FILE, writeDemoWorkspace } from '../services/demo/demo.ts';
import { Workspace } from '../services/workspace.ts';
import type { Handlers } from './dispatch.ts';

export interface SessionOptions {
  appData: AppData;
  version: string;
  /** The host's native file dialog; absent where there is none (the browser host). */
  pickFile?: () => Promise<string | null>;
}

/**
 * What one window (or one browser host) has open. Both transports build their handlers from a
 * session, so the desktop app and the browser host behave the same by construction.
 */
export class Session {
  private workspace: Workspace | null = null;
  private readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
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
    const summary = next.summary();
    this.options.appData.remember(absolute, summary.contest.title, new Date().toISOString());
    return summary;
  }

  openDemo(): WorkspaceSummary {
    const dir = this.options.appData.demoDir;
    const path = join(dir, DEMO_FILE);
    if (!existsSync(path)) {
      mkdirSync(dir, { recursive: true });
      writeDemoWorkspace(dir).close();
    }
    return this.open(path);
  }

  close(): void {
    this.workspace?.close();
    this.workspace = null;
  }

  handlers(): Handlers {
    const { appData, version, pickFile } = this.options;
    return {
      'app:info': () => ({ version, canPickFiles: pickFile !== undefined }),
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
      'scoring:entries': ({ nominationId, categoryId }) => this.current().entries(nominationId, categoryId),
      'scoring:entry': ({ entryId }) => this.current().entry(entryId),
      'marks:set': (input) => this.current().setMark(input),
    };
  }
}
