import { resolve } from 'node:path';
import { writeDemo } from '../../services/demo/demo.ts';
import { makeFolder } from '../../services/user-files.ts';
import { translate, UsageError, type CliContext } from '../context.ts';
import type { Command } from './command.ts';

export const demoCommand: Command = {
  name: 'demo',
  help: 'cli.help.demo',
  options: { out: { type: 'string' }, force: { type: 'boolean' }, seed: { type: 'string' } },
  run(values, ctx: CliContext) {
    if (typeof values.out !== 'string') throw new UsageError('cli.missingOption', { option: 'out' });
    const dir = resolve(values.out);
    makeFolder(dir);
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError('cli.badSeed', { value: String(values.seed) });
    const demo = writeDemo(dir, { force: values.force === true, seed });
    ctx.out(translate(ctx.lang, 'cli.demo.done', { path: demo.workspace, package: demo.package, keys: demo.keys, bundles: demo.bundles.length, results: demo.results, ...demo.counts }));
    return 0;
  },
};
