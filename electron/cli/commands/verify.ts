import { isMessageKey, translate, type Params } from '../../../shared/i18n/index.ts';
import { verifyFile, type Verdict } from '../../services/package/verify.ts';
import { UsageError, type CliContext } from '../context.ts';
import type { Command } from './command.ts';

function line(ctx: CliContext, v: Verdict): string {
  const t = (key: Parameters<typeof translate>[1], params?: Params) => translate(ctx.lang, key, params);
  if (!v.ok) {
    const reason = v.reason && isMessageKey(v.reason.code) ? t(v.reason.code, v.reason.params) : (v.reason?.code ?? '');
    return t('cli.verify.refused', { file: v.file, reason });
  }
  const what = v.kind === 'contest' ? t('cli.verify.contest', v.details) : t('cli.verify.enrolment', v.details);
  return t('cli.verify.ok', { file: v.file, what, signer: v.signer ?? '' });
}

export const verifyCommand: Command = {
  name: 'verify',
  help: 'cli.help.verify',
  options: {},
  run(_values, ctx, files) {
    if (files.length === 0) throw new UsageError('cli.verify.noFiles');
    const verdicts = files.map(verifyFile);
    for (const v of verdicts) (v.ok ? ctx.out : ctx.err)(line(ctx, v));
    return verdicts.every((v) => v.ok) ? 0 : 1;
  },
};
