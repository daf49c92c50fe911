import type { Db } from '../../db/connection.ts';
import { groupTitle, type Agreement, type ChairStatus, type EntryMarks, type GroupStatistics, type GroupView, type ResultsView } from '../../../shared/domain/chair.ts';
import type { ContestDefinition } from '../../../shared/domain/contest.ts';
import { AppError } from '../../../shared/errors.ts';
import type { CategoryResult } from '../../../shared/formats/payloads.ts';
import { median } from '../../../shared/scoring/aggregate.ts';
import { meanOf, round6, toNumber, ZERO, type Exact } from '../../../shared/scoring/exact.ts';
import { entryDisagreement, expertSeverity, icc, kendallW, methodSensitivity, outlierMarks } from '../../../shared/scoring/statistics.ts';
import { expertScore } from '../../../shared/scoring/score.ts';
import { settleTies } from '../../../shared/domain/ties.ts';
import type { TieDecision } from '../../../shared/scoring/rank.ts';
import { fingerprintOf, publicKeyFromBase64 } from '../signing/keys.ts';
import { coverageOf, heldCoverage } from './coverage.ts';
import { standingMarks } from './merge.ts';
import { decisionsOf, groupResult, prepareGroups, resultStatistics, type PreparedGroup } from './results.ts';
import { cached, chairSources, type ChairSources, type HeldTie } from './sources.ts';

interface Group {
  prepared: PreparedGroup;
  statistics: CategoryResult['statistics'];
}

/** The groups of the standing marks with their panels and signed statistics, built once per set of packages and bundles. */
function groupsOf(sources: ChairSources): Group[] {
  return cached(sources, 'groups', '', () => prepareGroups(sources.contest, standingMarks(sources.bundles)).map((prepared) => ({ prepared, statistics: resultStatistics(prepared) })));
}

/** A group's results with these decisions (none: `undecided`), kept until the decisions, the bundles or the packages change. */
function resultOf(sources: ChairSources, { prepared, statistics }: Group, decisions: TieDecision[]): CategoryResult {
  const name = `${decisions.length === 0 ? 'undecided' : 'result'}\0${prepared.nominationId}\0${prepared.categoryId ?? ''}`;
  return cached(sources, name, JSON.stringify(decisions), () => groupResult(prepared, decisions, statistics));
}

/**
 * The results as the bundles that stand give them now, with the tie decisions that settle them:
 * those that settleTies takes against the ties the ranking leaves open without any decision, as
 * `jurybox merge --decisions` and `jurybox recompute` take them. A decision the marks have since
 * overtaken (its tie grew, split or went) is kept but does not apply, so what the chair signs
 * recomputes IDENTICAL. The same as computeResults of the sources with `applied`.
 */
export function currentResults(db: Db): { sources: ChairSources; results: CategoryResult[]; applied: HeldTie[] } {
  const sources = chairSources(db);
  const groups = groupsOf(sources);
  const undecided = groups.map((group) => resultOf(sources, group, []));
  const applied = settleTies(sources.contest, undecided, sources.ties).settled.map(({ index }) => sources.ties[index] as HeldTie);
  const results = groups.map((group, i) => {
    const decisions = decisionsOf(applied, group.prepared);
    return decisions.length === 0 ? (undecided[i] as CategoryResult) : resultOf(sources, group, decisions);
  });
  return { sources, results, applied };
}

export function resultsView(db: Db): ResultsView {
  const { sources, results, applied } = currentResults(db);
  const { contest } = sources;
  const groups: GroupView[] = results.map((r) => ({
    ...r,
    title: groupTitle(contest, r.nominationId, r.categoryId),
    decisions: sources.ties
      .filter((d) => d.nominationId === r.nominationId && d.categoryId === r.categoryId)
      .map((d) => ({ id: d.id, entryIds: d.entryIds, reason: d.reason, decidedAt: d.decidedAt, applies: applied.includes(d) })),
  }));
  const entries = Object.fromEntries(contest.entries.map((e) => [e.id, { title: e.title, applicationNo: e.applicationNo, region: e.region }]));
  const criteria = Object.fromEntries(contest.nominations.flatMap((n) => n.criteria.map((c) => [c.id, c.title])));
  return { groups, entries, criteria, counted: sources.bundles.filter((b) => !b.draft).length, drafts: sources.bundles.filter((b) => b.draft).length };
}

/** Kendall's W as the chair reads it: the value with χ², m and n, or why it is undefined. */
function agreementW(w: ReturnType<typeof kendallW>): Agreement {
  return w.defined ? { defined: true, value: w.w, outOfRange: null, detail: { chiSquare: w.chiSquare, m: w.m, n: w.n } } : { defined: false, reason: w.reason };
}

/** One of the two ICCs, with the mean squares it comes from, or why it is undefined. */
function agreementIcc(value: ReturnType<typeof icc>, which: 'icc21' | 'icc2k'): Agreement {
  if (!value.defined) return { defined: false, reason: value.reason };
  const coefficient = value[which];
  if (!coefficient.defined) return { defined: false, reason: coefficient.reason };
  return { defined: true, value: coefficient.value, outOfRange: coefficient.outOfRange, detail: { bms: value.bms, jms: value.jms, ems: value.ems, k: value.k, n: value.n } };
}

/** The mean of some values rounded by round6, or null without values. */
const meanOrNull = (xs: readonly Exact[]): number | null => (xs.length === 0 ? null : round6(meanOf(xs)));

/** The statistics of one nomination × category, with the values the distribution charts draw. */
export function groupStatistics(db: Db, nominationId: string, categoryId: string | null): GroupStatistics {
  const sources = chairSources(db);
  const group = groupsOf(sources).find((g) => g.prepared.nominationId === nominationId && g.prepared.categoryId === categoryId)?.prepared;
  if (!group) throw new AppError('scoring.unknownNomination', { nominationId });
  return cached(sources, `statistics\0${nominationId}\0${categoryId ?? ''}`, '', () => statisticsOf(sources.contest, group));
}

function statisticsOf(contest: ContestDefinition, group: PreparedGroup): GroupStatistics {
  const { nomination, panel, nominationId, categoryId } = group;
  const rules = nomination.rules;
  const name = new Map(contest.experts.map((x) => [x.id, x.name]));
  const title = new Map(contest.entries.map((e) => [e.id, e.title]));
  const criterionTitle = new Map(nomination.criteria.map((c) => [c.id, c.title]));
  const agreementOfPanel = icc(panel);
  return {
    title: groupTitle(contest, nominationId, categoryId),
    rules,
    experts: expertSeverity(panel).map((s) => ({
      id: s.expertId,
      name: name.get(s.expertId) ?? s.expertId,
      evaluations: s.evaluations,
      severity: s.severity,
      spread: s.spread,
      mean: meanOrNull((panel.byExpert.get(s.expertId) ?? []).map((ev) => ev.normalised)),
      totals: (panel.byExpert.get(s.expertId) ?? []).map((ev) => toNumber(ev.normalised)),
    })),
    entries: entryDisagreement(panel, rules.tolerance).map((d) => ({ id: d.entryId, title: title.get(d.entryId) ?? d.entryId, evaluations: d.evaluations, sd: d.sd, range: d.range, flagged: d.flagged })),
    outliers: outlierMarks(panel).map((o) => ({
      ...o,
      entryTitle: title.get(o.entryId) ?? o.entryId,
      criterionTitle: criterionTitle.get(o.criterionId) ?? o.criterionId,
      expertName: name.get(o.expertId) ?? o.expertId,
    })),
    kendallW: agreementW(kendallW(panel)),
    icc21: agreementIcc(agreementOfPanel, 'icc21'),
    icc2k: agreementIcc(agreementOfPanel, 'icc2k'),
    sensitivity: methodSensitivity(panel, rules),
    criteria: criteriaOf(group),
  };
}

/** Each criterion's scale, the mean and median of its marks (exact, rounded), and the marks for the chart. */
function criteriaOf({ nomination, panel }: PreparedGroup): GroupStatistics['criteria'] {
  return nomination.criteria.map((c, i) => {
    const marks = panel.evaluations.map((ev) => ev.exactMarks[i] ?? ZERO);
    const mid = marks.length === 0 ? null : round6(median(marks));
    const values = panel.evaluations.map((ev) => ev.marks[i] ?? 0);
    return { id: c.id, title: c.title, min: c.scale.min, max: c.scale.max, step: c.scale.step, mean: meanOrNull(marks), median: mid, values };
  });
}

/** Every mark, comment, conflict and abstention an entry received from the bundles that stand. */
export function entryMarks(db: Db, entryId: string): EntryMarks {
  const { contest, bundles } = chairSources(db);
  const entry = contest.entries.find((e) => e.id === entryId);
  const nomination = entry ? contest.nominations.find((n) => n.id === entry.nominationId) : undefined;
  if (!entry || !nomination) throw new AppError('scoring.unknownEntry', { entryId });
  const state = coverageOf(contest, heldCoverage(db, entryId), nomination.criteria.length);
  const notes = db.prepare('SELECT expert_id, kind, text FROM bundle_notes WHERE entry_id = ?').all(entryId) as { expert_id: string; kind: string; text: string }[];
  const note = (expertId: string, kind: string) => notes.find((n) => n.expert_id === expertId && n.kind === kind)?.text ?? '';
  const bundleOf = new Map(bundles.map((b) => [b.expertId, b]));
  const experts = contest.experts
    .map((x) => ({ x, state: state(x, entry) }))
    .filter(({ x, state }) => state !== 'notAssigned' || (bundleOf.get(x.id)?.marks.some((m) => m.entryId === entryId) ?? false))
    .map(({ x, state }) => {
      const bundle = bundleOf.get(x.id);
      const own = new Map((bundle?.marks ?? []).filter((m) => m.entryId === entryId).map((m) => [m.criterionId, m]));
      const score = expertScore(nomination.criteria, new Map([...own].map(([id, m]) => [id, m.value])));
      return {
        id: x.id,
        name: x.name,
        state,
        draft: bundle?.draft ?? false,
        marks: nomination.criteria.map((c) => ({ criterionId: c.id, value: own.get(c.id)?.value ?? null, comment: own.get(c.id)?.comment ?? '' })),
        total: score?.total ?? null,
        normalised: score?.normalised ?? null,
        comment: note(x.id, 'comment'),
        conflict: note(x.id, 'conflict'),
        abstention: note(x.id, 'abstention'),
      };
    });
  return {
    entry: { id: entry.id, title: entry.title, applicationNo: entry.applicationNo, region: entry.region, nominationId: entry.nominationId, categoryId: entry.categoryId },
    group: groupTitle(contest, entry.nominationId, entry.categoryId),
    criteria: nomination.criteria.map((c) => ({ id: c.id, title: c.title, weight: c.weight, min: c.scale.min, max: c.scale.max })),
    experts,
  };
}

/** Each expert's standing bundle, the keys the chair confirmed, and the revisions held. */
export function chairStatus(db: Db): ChairStatus {
  const { contest, packages, confirmedKeys } = chairSources(db);
  const rows = db.prepare('SELECT expert_id, sequence, draft, package_revision, file_name, imported_at, digest, status FROM bundles ORDER BY imported_at').all() as {
    expert_id: string;
    sequence: number;
    draft: number;
    package_revision: number;
    file_name: string;
    imported_at: string;
    digest: string;
    status: string;
  }[];
  return {
    contestTitle: contest.contest.title,
    revisions: packages.map((p) => p.payload.revision),
    experts: contest.experts.map((x) => {
      const current = rows.find((r) => r.expert_id === x.id && r.status === 'current');
      const key = confirmedKeys.get(x.id);
      return {
        id: x.id,
        name: x.name,
        organisation: x.organisation,
        bundle: current ? { sequence: current.sequence, draft: current.draft === 1, packageRevision: current.package_revision, fileName: current.file_name, importedAt: current.imported_at, digest: current.digest } : null,
        superseded: rows.filter((r) => r.expert_id === x.id && r.status === 'superseded').length,
        confirmedKey: key ? fingerprintOf(publicKeyFromBase64(key)) : null,
      };
    }),
  };
}
