import type { Content, ContentNode } from 'pdfmake';
import type { Awards, ScoringRules } from '../../../shared/domain/contest.ts';
import type { VenueGroup, VenueView } from '../../../shared/domain/venue.ts';
import { formatNumber } from '../../../shared/i18n/index.ts';
import { awardText, decidedText, fallbackNote, fellBack, quoted, scoreText, statisticText, type Words } from './labels.ts';
import { gridLayout, gridWidths, surelyFitsOnPage, TABLE_FONT_SIZE, TEXT_FONT_SIZE, TEXT_WIDTH } from './pdf.ts';

/** The protocol's numbered sections about the scoring: methods, rankings, flagged entries, ties, agreement, digests. */

export const heading = (text: string, level: 1 | 2 = 1): ContentNode => ({ text, style: `h${level}`, headlineLevel: level, outline: true });
export const paragraph = (text: string): ContentNode => ({ text, style: 'paragraph' });

/** A bordered table as wide as the text block; `header` cells repeat on every page the table runs to. */
export function grid(widths: (number | '*')[], header: string[] | null, rows: Content[][]): ContentNode {
  const head = header ? [header.map((text): Content => ({ text, style: 'th' }))] : [];
  const fixed = gridWidths(widths);
  // Rows are kept whole, and the first with the header, only where they surely fit on a page: pdfmake drops the rest of a longer one.
  const fits = rows.map((row) => row.every((cell, i) => surelyFitsOnPage(cell, fixed[i] ?? 0, TABLE_FONT_SIZE)));
  const keepFirst = head.length > 0 && fits[0] === true;
  return {
    style: 'table',
    table: { widths: fixed, headerRows: head.length, keepWithHeaderRows: keepFirst ? 1 : 0, dontBreakRows: fits.every(Boolean), body: [...head, ...rows] },
    layout: gridLayout,
  };
}

const right = (text: string): ContentNode => ({ text, style: 'number' });

function nominations(view: VenueView): VenueGroup[][] {
  const byNomination = new Map<string, VenueGroup[]>();
  for (const g of view.groups) byNomination.set(g.nominationId, [...(byNomination.get(g.nominationId) ?? []), g]);
  return [...byNomination.values()];
}

function methodText(words: Words, rules: ScoringRules): string {
  return rules.method === 'trimmed' ? words.t('report.method.trimmed', { k: rules.trim }) : words.t(`report.method.${rules.method}`);
}

function tieBreakChain(words: Words, view: VenueView, group: VenueGroup): Content {
  const criteria = view.criteria[group.nominationId] ?? [];
  const steps = group.rules.tieBreak.map((step) =>
    step.kind === 'criterion'
      ? words.t('report.tieBreak.criterion', { title: criteria.find((c) => c.id === step.criterionId)?.title ?? step.criterionId })
      : words.t('report.tieBreak.applicationDate'),
  );
  return { ol: [...steps, words.t('report.tieBreak.chair')] };
}

export function awardsText(words: Words, awards: Awards): string {
  const { laureates } = awards;
  const rest =
    laureates.kind === 'none'
      ? words.t('report.laureates.none')
      : laureates.kind === 'count'
        ? words.t('report.laureates.count', { count: laureates.count })
        : words.t('report.laureates.threshold', { score: laureates.score });
  return `${words.t('report.awards.places', { count: awards.places })}; ${rest}`;
}

/** One line for the nomination when its categories share the awards, else one per category. */
function awardsOf(words: Words, groups: VenueGroup[]): Content {
  const first = groups[0];
  if (!first) return '';
  const same = groups.every((g) => JSON.stringify(g.awards) === JSON.stringify(first.awards));
  if (same) return awardsText(words, first.awards);
  return { ul: groups.map((g) => words.t('report.awards.group', { group: g.categoryTitle ?? g.title, awards: awardsText(words, g.awards) })) };
}

function nominationMethods(words: Words, view: VenueView, groups: VenueGroup[], number: string): Content[] {
  const first = groups[0];
  if (!first) return [];
  const { t } = words;
  const criteria = (view.criteria[first.nominationId] ?? []).map((c) =>
    t('report.methods.criterion', { title: c.title, weight: c.weight, min: c.min, max: c.max, step: c.step }),
  );
  const rows: [string, Content][] = [
    [t('report.methods.criteria'), { ol: criteria }],
    [t('report.methods.method'), methodText(words, first.rules)],
    [t('report.methods.order'), t(`report.order.${first.rules.order}`)],
    [t('report.methods.tieBreak'), tieBreakChain(words, view, first)],
    [t('report.methods.minEvaluations'), t('report.methods.minEvaluationsValue', { count: String(first.minEvaluations) })],
    [t('report.methods.tolerance'), t('report.methods.toleranceValue', { count: first.rules.tolerance })],
    [t('report.methods.awards'), awardsOf(words, groups)],
  ];
  const stack = [heading(`${number} ${t('report.methods.nomination', { title: first.nominationTitle })}`, 2), grid([150, '*'], null, rows.map(([label, value]) => [{ text: label, bold: true }, value]))];
  // A nomination's rules read as one: kept on one page where they surely fit on one (pdfmake drops the rest of a longer block).
  return [{ unbreakable: surelyFitsOnPage(stack, TEXT_WIDTH, TEXT_FONT_SIZE), stack }];
}

export function methodsSection(words: Words, view: VenueView, section: number): Content[] {
  const revision = view.packages.at(-1)?.revision ?? 1;
  return [
    heading(`${section}. ${words.t('report.section.methods')}`),
    paragraph(words.t('report.methods.intro', { revision: String(revision) })),
    ...nominations(view).flatMap((groups, i) => nominationMethods(words, view, groups, `${section}.${i + 1}.`)),
  ];
}

function entryCell(words: Words, entry: { title: string; organisation: string; region: string }): Content {
  const details = [entry.organisation === entry.title ? '' : entry.organisation, entry.region].filter((x) => x !== '').join(', ');
  return { stack: [{ text: entry.title, bold: true }, ...(details ? [{ text: details, style: 'muted' }] : [])] };
}

function ranking(words: Words, group: VenueGroup): Content[] {
  const { t } = words;
  const header = ['report.col.place', 'report.col.entry', 'report.col.score', 'report.col.normalised', 'report.col.evaluations', 'report.col.award', 'report.col.decidedBy'] as const;
  const rows = group.ranked.map((r): Content[] => [
    { text: r.place === null ? t('report.none') : String(r.place), alignment: 'center', bold: r.award !== null },
    entryCell(words, r),
    right(scoreText(words, r.score, r.trimFallback)),
    right(scoreText(words, r.normalised, r.trimFallback)),
    right(formatNumber(words.lang, r.evaluations)),
    { text: awardText(words, r.award), bold: true },
    decidedText(words, r.decidedBy),
  ]);
  const notes = [
    ...(fellBack({ ranked: group.ranked, flagged: [] }) ? [{ text: fallbackNote(words, group.rules), style: 'note' }] : []),
    ...group.unresolvedTies.map((tie) => ({ text: t('report.results.unresolved', { titles: tie.titles.map((x) => quoted(words, x)).join(', ') }), style: 'note' })),
  ];
  if (rows.length === 0) return [{ text: t('report.results.noRanking'), style: 'note' }, ...notes];
  return [grid([32, '*', 40, 44, 42, 54, 74], header.map((k) => t(k)), rows), ...notes];
}

export function resultsSection(words: Words, view: VenueView, section: number): Content[] {
  return [
    heading(`${section}. ${words.t('report.section.results')}`),
    ...view.groups.flatMap((g, i) => [heading(`${section}.${i + 1}. ${g.title}`, 2), ...ranking(words, g)]),
  ];
}

export function flaggedSection(words: Words, view: VenueView, section: number): Content[] {
  const { t } = words;
  const rows = view.groups.flatMap((g) =>
    g.flagged.map((f): Content[] => [g.title, entryCell(words, f), right(scoreText(words, f.score, f.trimFallback)), right(`${formatNumber(words.lang, f.evaluations)} / ${formatNumber(words.lang, g.minEvaluations)}`)]),
  );
  const notes = [...new Set(view.groups.filter((g) => fellBack({ ranked: [], flagged: g.flagged })).map((g) => fallbackNote(words, g.rules)))].map((text) => ({ text, style: 'note' }));
  const body = rows.length === 0 ? [paragraph(t('report.flagged.none'))] : [paragraph(t('report.flagged.intro')), grid(['*', '*', 44, 52], [t('report.col.group'), t('report.col.entry'), t('report.col.score'), t('report.col.evaluations')], rows), ...notes];
  return [heading(`${section}. ${t('report.section.flagged')}`), ...body];
}

/**
 * The chair's decisions on equal scores, and every tie left open by group and place: the protocol
 * says no decision was needed only where no place is shared by an open tie.
 */
export function tiesSection(words: Words, view: VenueView, section: number): Content[] {
  const { t } = words;
  const rows = view.groups.flatMap((g) => g.ties.map((tie): Content[] => [g.title, { ol: tie.titles }, tie.reason]));
  const open = view.groups.flatMap((g) =>
    g.unresolvedTies.map((tie) => t('report.ties.open', { group: g.title, place: tie.place === null ? t('report.none') : String(tie.place), titles: tie.titles.map((x) => quoted(words, x)).join(', ') })),
  );
  const decided = rows.length === 0 ? [] : [paragraph(t('report.ties.intro')), grid([140, '*', '*'], [t('report.col.group'), t('report.col.order'), t('report.col.reason')], rows)];
  const undecided = open.length === 0 ? [] : [paragraph(t('report.ties.openIntro')), { ul: open }];
  const body = rows.length + open.length === 0 ? [paragraph(t('report.ties.none'))] : [...decided, ...undecided];
  return [heading(`${section}. ${t('report.section.ties')}`), ...body];
}

export function statisticsSection(words: Words, view: VenueView, section: number): Content[] {
  const { t } = words;
  const header = ['report.col.group', 'report.col.kendallW', 'report.col.icc21', 'report.col.icc2k', 'report.col.disagreements', 'report.col.outliers'] as const;
  const rows = view.groups.map((g): Content[] => {
    const s = g.statistics;
    return [g.title, right(statisticText(words, s.kendallW, s.notes?.kendallW)), right(statisticText(words, s.icc21, s.notes?.icc21)), right(statisticText(words, s.icc2k, s.notes?.icc2k)), right(formatNumber(words.lang, s.disagreements)), right(formatNumber(words.lang, s.outliers))];
  });
  return [heading(`${section}. ${t('report.section.statistics')}`), paragraph(t('report.statistics.intro')), grid(['*', 50, 50, 50, 60, 68], header.map((k) => t(k)), rows)];
}

/** The appendix: the SHA-256 of the results file, of each package revision and bundle, and the chair key's fingerprint. */
export function appendix(words: Words, view: VenueView): Content[] {
  const { t } = words;
  const digest = (text: string): ContentNode => ({ text, style: 'digest' });
  const part = (text: string): Content[] => [{ text, bold: true, colSpan: 2, fillColor: '#f5f5f5' }, ''];
  const bundle = (b: VenueView['bundles'][number]) => t(b.draft ? 'report.appendix.draft' : 'report.appendix.bundle', { expert: b.expertName, sequence: String(b.sequence) });
  const rows: Content[][] = [
    [t('report.appendix.results', { file: view.file.name }), digest(view.file.digest)],
    [t('report.appendix.chairKey', { chair: view.chair.name }), digest(view.chair.fingerprint)],
    part(t('report.appendix.packages')),
    ...view.packages.map((p): Content[] => [t('report.appendix.revision', { revision: String(p.revision) }), digest(p.digest)]),
    part(t('report.appendix.bundles')),
    ...view.bundles.map((b): Content[] => [bundle(b), digest(b.digest)]),
  ];
  return [
    { ...heading(t('report.section.appendix')), pageBreak: 'before' },
    paragraph(t('report.appendix.intro')),
    grid(['*', 292], [t('report.col.file'), t('report.col.digest')], rows),
  ];
}
