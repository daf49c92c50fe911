import { resolve } from 'node:path';
import { ExportFormat } from '../../../shared/domain/venue.ts';
import { formatNumber, isLang, type Lang } from '../../../shared/i18n/index.ts';
import { writeFileAtomic } from '../../services/app-data.ts';
import { checkWriteTarget } from '../../services/user-files.ts';
import { openMerged, recompute, standingFromFiles, type OpenedMerged } from '../../services/chair/merge.ts';
import { renderResults, unprintableIn } from '../../services/reports/render.ts';
import type { OpenedPackage } from '../../services/package/contest-package.ts';
import { venueResults, type VenueResults } from '../../services/venue/results-file.ts';
import { translate, UsageError, type CliContext } from '../context.ts';
import { contestPackages } from '../packages.ts';
import type { Command, OptionValues } from './command.ts';
import { required } from './keys.ts';
import { bundleFiles } from './merge.ts';

/** What `jurybox results` was asked for, checked before any file is read. */
interface Request {
  file: string;
  format: ExportFormat;
  out: string;
  lang: Lang;
  present: string[] | null;
  bundles: string[];
}

function requestOf(values: OptionValues, args: string[]): Request {
  const [file, ...bundles] = args;
  if (!file) throw new UsageError('cli.results.usage');
  const format = ExportFormat.safeParse(required(values, 'format'));
  if (!format.success) throw new UsageError('cli.results.badFormat', { value: String(values.format) });
  const out = resolve(required(values, 'out'));
  const contest = Array.isArray(values.contest) && values.contest.length > 0;
  if (bundles.length > 0 && !contest) throw new UsageError('cli.results.needsContest');
  if (bundles.length === 0 && contest) throw new UsageError('cli.results.needsBundles');
  if (format.data === 'marks-csv' && bundles.length === 0) throw new UsageError('cli.results.marksNeedBundles');
  const present = typeof values.present === 'string' ? values.present.split(',').map((id) => id.trim()).filter((id) => id !== '') : null;
  // Documents are in the contest's language, Russian, unless --lang says otherwise: the shell's
  // locale picks the language of messages, not of a protocol that will be signed.
  const lang = typeof values.lang === 'string' && isLang(values.lang) ? values.lang : 'ru';
  return { file, format: format.data, out, lang, present, bundles };
}

function checkPresent(opened: OpenedMerged, present: string[] | null): void {
  const ids = opened.payload.contest.experts.map((x) => x.id);
  const unknown = present?.find((id) => !ids.includes(id));
  if (unknown !== undefined) throw new UsageError('cli.results.unknownMember', { id: unknown, ids: ids.join(', ') });
}

const packagesOf = (values: OptionValues): OpenedPackage[] => contestPackages(Array.isArray(values.contest) ? values.contest.map(String) : []);

/**
 * The results with the marks of the bundles given, once they recompute to exactly the signed
 * results; null (after saying why) when they do not.
 */
function withMarks(ctx: CliContext, values: OptionValues, opened: OpenedMerged, request: Request): VenueResults | null {
  const merged = opened.payload;
  const packages = packagesOf(values);
  const files = bundleFiles(request.bundles);
  const outcome = recompute(merged, packages, files);
  if (!outcome.identical) {
    ctx.err(translate(ctx.lang, 'cli.recompute.different', { file: request.file }));
    for (const d of outcome.differences) ctx.err(`  ${translate(ctx.lang, d.key, d.params)}`);
    return null;
  }
  const held = packages.filter((p) => merged.packages.some((m) => m.digest === p.envelope.digest));
  const named = new Set(merged.bundles.filter((b) => !b.draft).map((b) => b.digest));
  const { bundles } = standingFromFiles(held, files, new Map(merged.confirmedKeys.map((k) => [k.expertId, k.publicKey])));
  ctx.out(translate(ctx.lang, 'cli.results.identical', { count: named.size }));
  return venueResults(opened, request.file, bundles.filter((b) => named.has(b.digest)));
}

export const resultsCommand: Command = {
  name: 'results',
  help: 'cli.results.help',
  options: { format: { type: 'string' }, out: { type: 'string' }, present: { type: 'string' }, contest: { type: 'string', multiple: true } },
  async run(values, ctx, args) {
    const request = requestOf(values, args);
    checkWriteTarget(request.out);
    const opened = openMerged(request.file);
    ctx.out(translate(ctx.lang, 'cli.results.opened', { file: request.file, chair: opened.payload.chair.name, fingerprint: opened.fingerprint }));
    checkPresent(opened, request.present);
    const results = request.bundles.length > 0 ? withMarks(ctx, values, opened, request) : venueResults(opened, request.file);
    if (!results) return 1;
    if (request.format === 'xlsx' && results.marks === null) ctx.out(translate(ctx.lang, 'cli.results.noMarksSheet'));
    const options = { lang: request.lang, present: request.present };
    const unprintable = await unprintableIn(results, request.format, options);
    // Said before the file is written; translate() shows a control character among them as its escape.
    if (unprintable.length > 0) ctx.err(translate(ctx.lang, 'cli.results.unprintable', { chars: unprintable.map((u) => `${u.char} (${u.code})`).join(', ') }));
    const bytes = await renderResults(results, request.format, options);
    writeFileAtomic(request.out, bytes);
    ctx.out(translate(ctx.lang, `cli.results.written.${request.format}`, { file: request.out, size: formatNumber(ctx.lang, bytes.length / 1024, 1) }));
    return 0;
  },
};
