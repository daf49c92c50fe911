import { resolve } from 'node:path';
import { formatDateTime, formatNumber, type MessageKey, type Params } from '../../../shared/i18n/index.ts';
import { backupFolder, listBackups } from '../../services/backup/files.ts';
import { backupWorkspace, restore } from '../../services/backup/workspace-file.ts';
import { translate, UsageError, type CliContext } from '../context.ts';
import type { Command } from './command.ts';

const t = (ctx: CliContext, key: MessageKey, params?: Params) => translate(ctx.lang, key, params);
const kb = (ctx: CliContext, bytes: number): string => formatNumber(ctx.lang, bytes / 1024, 1);

function list(ctx: CliContext, path: string): number {
  const folder = backupFolder(path);
  const backups = listBackups(path);
  if (backups.length === 0) {
    ctx.out(t(ctx, 'cli.backup.none', { path, folder }));
    return 0;
  }
  ctx.out(t(ctx, 'cli.backup.listed', { path, folder }));
  for (const b of backups) {
    ctx.out(t(ctx, 'cli.backup.line', { time: formatDateTime(ctx.lang, b.createdAt), reason: t(ctx, `backup.reason.${b.reason}`), size: kb(ctx, b.bytes), name: b.name }));
  }
  return 0;
}

/** `jurybox backup FILE`: a checked copy of the workspace, made while it may stay open in the app; `--list`: the copies. */
export const backupCommand: Command = {
  name: 'backup',
  help: 'cli.help.backup',
  options: { list: { type: 'boolean' } },
  async run(values, ctx, args) {
    const [file, ...extra] = args;
    if (file === undefined || extra.length > 0) throw new UsageError('cli.backup.usage');
    const path = resolve(file);
    if (values.list === true) return list(ctx, path);
    const made = await backupWorkspace(path, 'manual');
    ctx.out(t(ctx, 'cli.backup.done', { file: made.path, size: kb(ctx, made.bytes) }));
    return 0;
  },
};

/** `jurybox restore FILE BACKUP`: the workspace back to the backup's state, the present state saved first. */
export const restoreCommand: Command = {
  name: 'restore',
  help: 'cli.help.restore',
  options: {},
  async run(_values, ctx, args) {
    const [file, copy, ...extra] = args;
    if (file === undefined || copy === undefined || extra.length > 0) throw new UsageError('cli.restore.usage');
    const path = resolve(file);
    const outcome = await restore(path, copy);
    ctx.out(t(ctx, 'cli.restore.done', { path, file: resolve(copy) }));
    if (outcome.saved) ctx.out(t(ctx, 'cli.restore.saved', { file: outcome.saved.path }));
    if (outcome.keptAside) ctx.out(t(ctx, 'cli.restore.keptAside', { file: outcome.keptAside }));
    return 0;
  },
};
