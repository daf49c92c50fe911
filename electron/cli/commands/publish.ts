import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { openPackage, publish } from '../../services/package/contest-package.ts';
import { createEnrolment } from '../../services/package/enrolment.ts';
import { fingerprintOf } from '../../services/signing/keys.ts';
import { checkSigner, enrolmentRule } from '../../services/signing/signer.ts';
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
    const pkg = openPackage(required(values, 'contest'));
    const out = required(values, 'out');
    if (existsSync(out)) throw new AppError('workspace.exists', { path: out });
    const key = await unlockFromOption(values, ctx);
    const expertId = required(values, 'expert');
    checkSigner(key.publicKey, enrolmentRule(pkg.payload, expertId));
    writeFileSync(out, createEnrolment(pkg.payload, expertId, key, new Date().toISOString()), { flag: 'wx' });
    ctx.out(translate(ctx.lang, 'cli.enrol.done', { file: out, fingerprint: fingerprintOf(key.publicKey), organiser: pkg.fingerprint }));
    return 0;
  },
};
