import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isMessageKey, translate, type Params } from '../../../shared/i18n/index.ts';
import type { CategoryResult } from '../../../shared/formats/payloads.ts';
import type { ContestDefinition } from '../../../shared/domain/contest.ts';
import { groupTitle } from '../../../shared/domain/chair.ts';
import { mergedPayload, openMerged, recompute, standingFromFiles, writeMerged } from '../../services/chair/merge.ts';
import type { BundleVerdict } from '../../services/bundles/judge.ts';
import type { BundleSource } from '../../services/bundles/source.ts';
import { openPackage, type OpenedPackage } from '../../services/package/contest-package.ts';
import { describeKeyFile } from '../../services/keys/key-store.ts';
import { UsageError, type CliContext } from '../context.ts';
import type { Command, OptionValues } from './command.ts';
import { required, unlockFromOption } from './keys.ts';

/**
 * The .jbresult files named: files as given, folders searched (sorted, so the order is the same
 * everywhere). Each is read when judged, its size checked first; one that cannot be read is refused.
 */
export function bundleFiles(args: string[]): BundleSource[] {
  const paths = args.flatMap((arg) => {
    if (!statSync(arg).isDirectory()) return [arg];
    return (readdirSync(arg, { recursive: true }) as string[]).filter((name) => name.endsWith('.jbresult')).sort().map((name) => join(arg, name));
  });
  return paths.map((file) => ({ file, path: file }));
}

function packagesOf(values: OptionValues): OpenedPackage[] {
  const list = Array.isArray(values.contest) ? values.contest.map(String) : [];
  if (list.length === 0) throw new UsageError('cli.missingOption', { option: 'contest' });
  return list.map((file) => openPackage(file)).sort((a, b) => a.payload.revision - b.payload.revision);
}

const t = (ctx: CliContext, key: Parameters<typeof translate>[1], params?: Params) => translate(ctx.lang, key, params);

function verdictLine(ctx: CliContext, v: BundleVerdict): string {
  const who = v.expertId ? t(ctx, 'cli.merge.who', { expert: v.expertId, sequence: v.sequence ?? 0 }) : '';
  if (v.status === 'refused') return t(ctx, 'cli.merge.refused', { file: basename(v.file), who, reason: v.reason && isMessageKey(v.reason.code) ? t(ctx, v.reason.code, v.reason.params) : '' });
  return t(ctx, `cli.merge.${v.status}`, { file: basename(v.file), who });
}

/** The winners of each group, in words: place 1 (and what is still tied for it). */
export function winnerLines(ctx: CliContext, contest: ContestDefinition, results: CategoryResult[]): string[] {
  const title = (id: string) => contest.entries.find((e) => e.id === id)?.title ?? id;
  return results.map((r) => {
    const group = groupTitle(contest, r.nominationId, r.categoryId);
    const first = r.ranked.filter((x) => x.place === 1);
    if (first.length === 0) return t(ctx, 'cli.merge.noWinner', { group });
    const names = first.map((x) => t(ctx, 'cli.merge.entry', { title: title(x.entryId), score: x.normalised ?? 0 })).join('; ');
    return t(ctx, first.length > 1 ? 'cli.merge.tie' : 'cli.merge.winner', { group, names });
  });
}

export const mergeCommand: Command = {
  name: 'merge',
  help: 'cli.help.merge',
  options: { contest: { type: 'string', multiple: true }, key: { type: 'string' }, out: { type: 'string' }, 'allow-refused': { type: 'boolean' }, name: { type: 'string' } },
  async run(values, ctx, args) {
    if (args.length === 0) throw new UsageError('cli.merge.noBundles');
    const out = resolve(required(values, 'out'));
    const packages = packagesOf(values);
    const { verdicts, bundles } = standingFromFiles(packages, bundleFiles(args));
    for (const v of verdicts) (v.status === 'refused' ? ctx.err : ctx.out)(verdictLine(ctx, v));
    const refused = verdicts.filter((v) => v.status === 'refused').length;
    if (refused > 0 && values['allow-refused'] !== true) {
      ctx.err(t(ctx, 'cli.merge.stopped', { count: refused }));
      return 1;
    }
    const key = await unlockFromOption(values, ctx);
    const name = typeof values.name === 'string' ? values.name : describeKeyFile(readFileSync(required(values, 'key'), 'utf8'), required(values, 'key')).label;
    const payload = mergedPayload({ packages, bundles, confirmedKeys: new Map(), ties: [] }, { name, publicKey: key.publicKey }, new Date().toISOString());
    const written = writeMerged(payload, key, out);
    ctx.out(t(ctx, 'cli.merge.written', { file: written.path, count: bundles.length, fingerprint: written.fingerprint, digest: written.digest }));
    for (const line of winnerLines(ctx, packages.at(-1)?.payload.contest as ContestDefinition, payload.results)) ctx.out(line);
    return 0;
  },
};

export const recomputeCommand: Command = {
  name: 'recompute',
  help: 'cli.help.recompute',
  options: { contest: { type: 'string', multiple: true } },
  run(values, ctx, args) {
    const [results, ...rest] = args;
    if (!results || rest.length === 0) throw new UsageError('cli.recompute.usage');
    const merged = openMerged(results);
    const packages = packagesOf(values);
    const outcome = recompute(merged.payload, packages, bundleFiles(rest));
    if (outcome.identical) {
      ctx.out(t(ctx, 'cli.recompute.identical', { file: results, count: merged.payload.bundles.length, fingerprint: merged.fingerprint }));
      for (const line of winnerLines(ctx, packages.at(-1)?.payload.contest as ContestDefinition, merged.payload.results)) ctx.out(line);
      return 0;
    }
    ctx.err(t(ctx, 'cli.recompute.different', { file: results }));
    for (const d of outcome.differences) ctx.err(`  ${t(ctx, d.key, d.params)}`);
    return 1;
  },
};
