import { isMessageKey, type Params } from '../../../shared/i18n/index.ts';
import { verifyFiles, type Verdict } from '../../services/package/verify.ts';
import { translate, UsageError, type CliContext } from '../context.ts';
import { contestPackages } from '../packages.ts';
import type { Command } from './command.ts';

function line(ctx: CliContext, v: Verdict): string {
  const t = (key: Parameters<typeof translate>[1], params?: Params) => translate(ctx.lang, key, params);
  if (v.status === 'refused') {
    const reason = v.reason && isMessageKey(v.reason.code) ? t(v.reason.code, v.reason.params) : (v.reason?.code ?? '');
    return t('cli.verify.refused', { file: v.file, reason });
  }
  const what =
    v.kind === 'contest'
      ? t('cli.verify.contest', v.details)
      : v.kind === 'enrolment'
        ? t('cli.verify.enrolment', v.details)
        : v.kind === 'merged'
          ? t('cli.verify.merged', v.details)
          : t(v.details.draft ? 'cli.verify.draft' : 'cli.verify.result', v.details);
  const verdict = t(v.status === 'ok' ? 'cli.verify.accepted' : v.status === 'superseded' ? 'cli.verify.superseded' : 'cli.verify.duplicate');
  return t('cli.verify.ok', { file: v.file, what, signer: v.signer ?? '', verdict });
}

export const verifyCommand: Command = {
  name: 'verify',
  help: 'cli.help.verify',
  options: { contest: { type: 'string', multiple: true } },
  run(values, ctx, files) {
    if (files.length === 0) throw new UsageError('cli.verify.noFiles');
    const contest = Array.isArray(values.contest) ? values.contest.map(String) : [];
    const verdicts = verifyFiles(files, contestPackages(contest));
    for (const v of verdicts) (v.status === 'refused' ? ctx.err : ctx.out)(line(ctx, v));
    return verdicts.every((v) => v.status !== 'refused') ? 0 : 1;
  },
};
