import { resolve } from 'node:path';
import { openPackage, publish } from '../../services/package/contest-package.ts';
import { writeEnrolment } from '../../services/package/enrolment.ts';
import { checkNewFile } from '../../services/user-files.ts';
import { Workspace } from '../../services/workspace.ts';
import { translate, type CliContext } from '../context.ts';
import type { Command } from './command.ts';
import { required, unlockFromOption } from './keys.ts';

export const publishCommand: Command = {
  name: 'publish',
  help: 'cli.help.publish',
  options: { workspace: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' } },
  async run(values, ctx: CliContext) {
    const ws = Workspace.open(resolve(required(values, 'workspace')));
    try {
      const key = await unlockFromOption(values, ctx);
      const name = typeof values.name === 'string' ? values.name : ws.summary().contest.title;
      const done = publish(ws.db, key, { path: resolve(required(values, 'out')), organiserName: name, now: new Date().toISOString() });
      ctx.out(translate(ctx.lang, 'cli.publish.done', { file: done.path, revision: done.revision, fingerprint: done.fingerprint, digest: done.digest }));
      return 0;
    } finally {
      ws.close();
    }
  },
};

export const enrolCommand: Command = {
  name: 'enrol',
  help: 'cli.help.enrol',
  options: { contest: { type: 'string' }, expert: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' } },
  async run(values, ctx: CliContext) {
    const source = required(values, 'contest');
    const pkg = openPackage(source);
    const out = required(values, 'out');
    checkNewFile(out);
    const expertId = required(values, 'expert');
    const key = await unlockFromOption(values, ctx);
    const written = writeEnrolment(pkg.payload, source, expertId, key, { path: out, now: new Date().toISOString() });
    ctx.out(translate(ctx.lang, 'cli.enrol.done', { file: out, fingerprint: written.fingerprint, organiser: pkg.fingerprint }));
    return 0;
  },
};
