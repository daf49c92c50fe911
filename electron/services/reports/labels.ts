import type { ScoringRules } from '../../../shared/domain/contest.ts';
import type { RankedEntry, VenueGroup, VenueView } from '../../../shared/domain/venue.ts';
import type { StatisticNote } from '../../../shared/formats/payloads.ts';
import { AppError } from '../../../shared/errors.ts';
import { formatNumber, translator, type Lang, type Translate } from '../../../shared/i18n/index.ts';
import type { VenueResults } from '../venue/results-file.ts';

/** What every document needs to word the results: the language and its translator. */
export interface Words {
  lang: Lang;
  t: Translate;
}

export const wordsOf = (lang: Lang): Words => ({ lang, t: translator(lang) });

/** A number as the document's language writes it (two decimals at most); an absent one as a dash. */
export function numberText(words: Words, value: number | null): string {
  return value === null ? words.t('report.none') : formatNumber(words.lang, value, 2);
}

/**
 * A statistic, or «не определено» where the data do not define it; with the reason it is undefined,
 * or the note on a value outside 0–1 (below zero, above 1), where the results carry one (format 2).
 */
export function statisticText(words: Words, value: number | null, note?: StatisticNote): string {
  const main = value === null ? words.t('report.notDefined') : formatNumber(words.lang, value, 2);
  return note === undefined ? main : `${main} (${words.t(`report.statistic.${note}`)})`;
}

/** The mark after a score the plain mean gave because the trimmed mean had too few evaluations; the note under its table says why. */
export const FALLBACK_MARK = '*';

/** A score as a document writes it, marked when the trimmed mean fell back to the plain mean. */
export function scoreText(words: Words, value: number | null, trimFallback: boolean | undefined): string {
  return `${numberText(words, value)}${trimFallback === true ? FALLBACK_MARK : ''}`;
}

/** Why a group's marked scores are plain means: its k and the number of evaluations the trimmed mean needs. */
export function fallbackNote(words: Words, rules: ScoringRules): string {
  return words.t('report.trimFallback.note', { k: rules.trim, twice: 2 * rules.trim });
}

/** Whether any entry of a group, ranked or flagged, was scored by the plain mean in place of the trimmed mean. */
export const fellBack = (group: Pick<VenueGroup, 'ranked' | 'flagged'>): boolean => [...group.ranked, ...group.flagged].some((e) => e.trimFallback === true);

export function awardText(words: Words, award: RankedEntry['award']): string {
  if (award === null) return '';
  return award.kind === 'place' ? words.t('report.award.place', { place: String(award.place) }) : words.t('report.award.laureate');
}

export function decidedText(words: Words, decidedBy: RankedEntry['decidedBy']): string {
  return decidedBy === null ? words.t('report.decided.shared') : words.t(`report.decided.${decidedBy}`);
}

export const quoted = (words: Words, text: string): string => words.t('report.quoted', { text });

/** The calendar day of a moment where the document is made, as YYYY-MM-DD (for formatDate). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export type Member = VenueView['commission'][number];

/**
 * The commission members present, chair first, then in the contest's order. `present` null: the
 * chair and every expert whose results were counted. An id the commission lacks is an error, not
 * a silently missing signature line.
 */
export function presentMembers(view: VenueView, present: readonly string[] | null): Member[] {
  if (present !== null) {
    const unknown = present.find((id) => !view.commission.some((m) => m.id === id));
    if (unknown !== undefined) throw new AppError('report.unknownMember', { id: unknown });
  }
  const here = (m: Member) => (present === null ? m.role === 'chair' || m.counted : present.includes(m.id));
  const members = view.commission.filter(here);
  return [...members.filter((m) => m.role === 'chair'), ...members.filter((m) => m.role !== 'chair')];
}

/** One row of the results as the spreadsheet and the CSV list them: a ranked entry, or a flagged one (no place). */
export interface ResultRow {
  nomination: string;
  category: string | null;
  place: number | null;
  entry: string;
  organisation: string;
  region: string;
  applicationNo: string | null;
  score: number | null;
  normalised: number | null;
  evaluations: number;
  award: string;
  decidedBy: string;
  /** Set when the trimmed mean fell back to the plain mean for this entry. */
  note: string;
}

/** The rows of one group: its ranking in order, then the entries flagged for too few evaluations. */
export function groupRows(words: Words, results: VenueResults, group: VenueGroup): ResultRow[] {
  const applicationNo = new Map(results.merged.contest.entries.map((e) => [e.id, e.applicationNo]));
  const where = { nomination: group.nominationTitle, category: group.categoryTitle };
  const noteOf = (e: { trimFallback?: true }) => (e.trimFallback === true ? words.t('report.trimFallback.cell', { twice: 2 * group.rules.trim }) : '');
  const ranked = group.ranked.map(
    (r): ResultRow => ({
      ...where,
      place: r.place,
      entry: r.title,
      organisation: r.organisation,
      region: r.region,
      applicationNo: r.applicationNo,
      score: r.score,
      normalised: r.normalised,
      evaluations: r.evaluations,
      award: awardText(words, r.award),
      decidedBy: r.place === null ? '' : decidedText(words, r.decidedBy),
      note: noteOf(r),
    }),
  );
  const flagged = group.flagged.map(
    (f): ResultRow => ({
      ...where,
      place: null,
      entry: f.title,
      organisation: f.organisation,
      region: f.region,
      applicationNo: applicationNo.get(f.entryId) ?? null,
      score: f.score,
      normalised: null,
      evaluations: f.evaluations,
      award: '',
      decidedBy: words.t('report.flagged.note', { min: group.minEvaluations }),
      note: noteOf(f),
    }),
  );
  return [...ranked, ...flagged];
}
