import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { translate } from '../../../shared/i18n/index.ts';
import { DEMO_FILE, writeDemoWorkspace } from '../../services/demo/demo.ts';
import { UsageError, type CliContext } from '../context.ts';
import type { Command } from './command.ts';

export const demoCommand: Command = {
  name: 'demo',
  help: 'cli.help.demo',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  run(values, ctx: CliContext) {
    if (typeof values.out !== 'string') throw new UsageError('cli.missingOption', { option: 'out' });
    const dir = resolve(values.out);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, DEMO_FILE);
    if (values.force === true) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const ws = writeDemoWorkspace(dir);
    const { counts } = ws.summary();
    ws.close();
    ctx.out(translate(ctx.lang, 'cli.demo.done', { path, ...counts }));
    return 0;
  },
};
