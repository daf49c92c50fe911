import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { isMessageKey, type Params } from '../../../shared/i18n/index.ts';
import type { CategoryResult } from '../../../shared/formats/payloads.ts';
import type { ContestDefinition } from '../../../shared/domain/contest.ts';
import { groupTitle } from '../../../shared/domain/chair.ts';
import { entriesText, namedEntries, openTies, type OpenTie } from '../../../shared/domain/ties.ts';
import { readTieDecisions } from '../../services/chair/decisions-file.ts';
import { mergedPayload, openMerged, recompute, standingFromFiles, standingMarks, writeMerged } from '../../services/chair/merge.ts';
import { settledResults, type StandingMark, type Tie } from '../../services/chair/results.ts';
import type { BundleVerdict } from '../../services/bundles/judge.ts';
import type { BundleSource } from '../../services/bundles/source.ts';
import type { OpenedPackage } from '../../services/package/contest-package.ts';
import { describeKeyFile, keyFileText } from '../../services/keys/key-store.ts';
import { checkNewFile } from '../../services/user-files.ts';
import { chairRule, checkSigner } from '../../services/signing/signer.ts';
import { translate, UsageError, type CliContext } from '../context.ts';
import { contestPackages } from '../packages.ts';
import type { Command, OptionValues } from './command.ts';
import { required, unlockFromOption } from './keys.ts';

/**
 * The .jbresult files named: files as given, folders searched (sorted, so the order is the same
 * everywhere). Each is read when judged, its size checked first; one that cannot be read is refused.
 */
export function bundleFiles(args: string[]): BundleSource[] {
  const paths = args.flatMap((arg) => {
    // Anything but a folder is judged as a file, so a path that is missing or wrong is refused with its reason.
    if (statSync(arg, { throwIfNoEntry: false })?.isDirectory() !== true) return [arg];
    const found = (readdirSync(arg, { recursive: true }) as string[]).filter((name) => name.endsWith('.jbresult')).sort();
    // A folder with none (a typo, files not copied yet) is said, not merged as no results at all.
    if (found.length === 0) throw new AppError('file.noBundlesIn', { folder: arg });
    return found.map((name) => join(arg, name));
  });
  return paths.map((file) => ({ file, path: file }));
}

function packagesOf(values: OptionValues): OpenedPackage[] {
  const list = Array.isArray(values.contest) ? values.contest.map(String) : [];
  if (list.length === 0) throw new UsageError('cli.missingOption', { option: 'contest' });
  return contestPackages(list);
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

/** "1. Title (id), 2. Title (id)": an order the chair decided. */
const orderText = (contest: ContestDefinition, ids: readonly string[]): string =>
  namedEntries(contest, ids)
    .map((e, i) => `${i + 1}. ${e.title} (${e.id})`)
    .join(', ');

/** Each open tie in words: its group, the place shared, the entries by title and id. */
function openTieLines(ctx: CliContext, contest: ContestDefinition, ties: readonly OpenTie[]): string[] {
  return ties.map((tie) => t(ctx, 'cli.merge.openTie', { group: groupTitle(contest, tie.nominationId, tie.categoryId), place: tie.place ?? '—', entries: entriesText(contest, tie.entryIds) }));
}

/**
 * The results with the chair's decisions given, when they settle every open tie exactly as the app
 * lets a chair settle them; otherwise null, after listing each decision refused and each tie open.
 */
function settledOrExplain(ctx: CliContext, contest: ContestDefinition, marks: StandingMark[], decisions: { file: string; ties: Tie[] } | null) {
  const settled = settledResults(contest, marks, decisions?.ties ?? []);
  if (decisions && settled.problems.length > 0) {
    ctx.err(t(ctx, 'cli.merge.badDecisions', { file: decisions.file }));
    for (const p of settled.problems) ctx.err(t(ctx, 'cli.merge.badDecision', { file: decisions.file, index: p.index, problem: t(ctx, p.key, p.params) }));
  }
  if (settled.open.length > 0) {
    ctx.err(t(ctx, 'cli.merge.openTies', { count: settled.open.length }));
    for (const line of openTieLines(ctx, contest, settled.open)) ctx.err(line);
  }
  return settled.problems.length > 0 || settled.open.length > 0 ? null : settled;
}

export const mergeCommand: Command = {
  name: 'merge',
  help: 'cli.help.merge',
  options: { contest: { type: 'string', multiple: true }, key: { type: 'string' }, out: { type: 'string' }, decisions: { type: 'string' }, 'allow-refused': { type: 'boolean' }, name: { type: 'string' } },
  async run(values, ctx, args) {
    if (args.length === 0) throw new UsageError('cli.merge.noBundles');
    const out = resolve(required(values, 'out'));
    checkNewFile(out);
    const packages = packagesOf(values);
    const contest = packages.at(-1)?.payload.contest as ContestDefinition;
    const file = typeof values.decisions === 'string' ? values.decisions : null;
    const decisions = file === null ? null : { file, ties: readTieDecisions(file, contest.contest.id) };
    const { verdicts, bundles } = standingFromFiles(packages, bundleFiles(args));
    for (const v of verdicts) (v.status === 'refused' ? ctx.err : ctx.out)(verdictLine(ctx, v));
    const refused = verdicts.filter((v) => v.status === 'refused').length;
    if (refused > 0 && values['allow-refused'] !== true) {
      ctx.err(t(ctx, 'cli.merge.stopped', { count: refused }));
      return 1;
    }
    // Ties are settled before the key is asked for: nothing is signed while one is open.
    const settled = settledOrExplain(ctx, contest, standingMarks(bundles), decisions);
    if (!settled) return 1;
    const key = await unlockFromOption(values, ctx);
    const name = typeof values.name === 'string' ? values.name : describeKeyFile(keyFileText(required(values, 'key')), required(values, 'key')).label;
    checkSigner(key.publicKey, chairRule((packages.at(-1) as OpenedPackage).payload, name));
    const ties = decisions?.ties ?? [];
    const payload = mergedPayload({ packages, bundles, confirmedKeys: new Map(), ties }, { name, publicKey: key.publicKey }, new Date().toISOString(), settled.results);
    const written = writeMerged(payload, key, out);
    ctx.out(t(ctx, 'cli.merge.written', { file: written.path, count: bundles.length, fingerprint: written.fingerprint, digest: written.digest }));
    for (const tie of ties) ctx.out(t(ctx, 'cli.merge.decided', { group: groupTitle(contest, tie.nominationId, tie.categoryId), order: orderText(contest, tie.entryIds), reason: tie.reason }));
    for (const line of winnerLines(ctx, contest, payload.results)) ctx.out(line);
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
      const contest = packages.at(-1)?.payload.contest as ContestDefinition;
      ctx.out(t(ctx, 'cli.recompute.identical', { file: results, count: merged.payload.bundles.length, fingerprint: merged.fingerprint }));
      for (const line of winnerLines(ctx, contest, merged.payload.results)) ctx.out(line);
      // Results signed before merge refused open ties may hold some: they recompute, and say so.
      const open = openTies(merged.payload.results);
      if (open.length > 0) ctx.out([t(ctx, 'cli.recompute.openTies', { count: open.length }), ...openTieLines(ctx, contest, open)].join('\n'));
      return 0;
    }
    ctx.err(t(ctx, 'cli.recompute.different', { file: results }));
    for (const d of outcome.differences) ctx.err(`  ${t(ctx, d.key, d.params)}`);
    return 1;
  },
};
