import { coverage } from '../../../electron/services/chair/coverage.ts';
import { standingMarks } from '../../../electron/services/chair/merge.ts';
import { categoryGroups, computeResults } from '../../../electron/services/chair/results.ts';
import { chairSources } from '../../../electron/services/chair/sources.ts';
import { groupStatistics, resultsView } from '../../../electron/services/chair/views.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { rankCategory } from '../../../shared/scoring/rank.ts';
import { entryDisagreement, expertSeverity, icc, kendallW, methodSensitivity, outlierMarks } from '../../../shared/scoring/statistics.ts';
import { timed } from '../stats.ts';

export interface ResultsResult {
  groups: number;
  marks: number;
  ranked: number;
  /** chairSources: the standing bundles' marks read from the workspace into objects. */
  sourcesMs: number;
  /** standingMarks + categoryGroups: the marks split into nomination × category inputs. */
  groupingMs: number;
  /** rankCategory of every group (scores, ranking, tie-breaks). */
  rankingMs: number;
  /** The statistics the signed results carry, every group: Kendall's W, ICC, disagreement, outliers. */
  statisticsMs: number;
  /** The statistics screen's further figures, every group: expert severity, method sensitivity. */
  screenStatisticsMs: number;
  /** computeResults: ranking and statistics of every group, as signed and recomputed. */
  computeResultsMs: number;
  /** resultsView: what the chair's results screen asks for (sources, results, titles). */
  resultsViewMs: number;
  /** groupStatistics of the first group: the chair's statistics screen. */
  groupStatisticsMs: number;
}

/** The chair's results after the import: each part timed on its own, then as the screens call them. */
export function resultsPhase(args: { chairPath: string }): ResultsResult {
  const ws = Workspace.open(args.chairPath);
  try {
    const sources = timed(() => chairSources(ws.db));
    const { contest } = sources.value;
    const grouping = timed(() => categoryGroups(contest, standingMarks(sources.value.bundles)));
    const groups = grouping.value;
    const rulesOf = (id: string) => {
      const n = contest.nominations.find((x) => x.id === id);
      if (!n) throw new Error(`no nomination ${id}`);
      return n.rules;
    };
    const ranking = timed(() => groups.map((g) => rankCategory(g.input, rulesOf(g.nominationId), [])));
    const statistics = timed(() => groups.map((g) => [kendallW(g.input), icc(g.input), entryDisagreement(g.input, rulesOf(g.nominationId).tolerance), outlierMarks(g.input).length]));
    const screen = timed(() => groups.map((g) => [expertSeverity(g.input), methodSensitivity(g.input, rulesOf(g.nominationId))]));
    const computed = timed(() => computeResults(contest, standingMarks(sources.value.bundles), []));
    const view = timed(() => resultsView(ws.db));
    const first = groups[0];
    const stats = timed(() => (first ? groupStatistics(ws.db, first.nominationId, first.categoryId) : null));
    return {
      groups: groups.length,
      marks: groups.reduce((n, g) => n + g.input.marks.length, 0),
      ranked: computed.value.reduce((n, r) => n + r.ranked.length, 0),
      sourcesMs: sources.ms,
      groupingMs: grouping.ms,
      rankingMs: ranking.ms,
      statisticsMs: statistics.ms,
      screenStatisticsMs: screen.ms,
      computeResultsMs: computed.ms,
      resultsViewMs: view.ms,
      groupStatisticsMs: stats.ms,
    };
  } finally {
    ws.close();
  }
}

/** The chair's coverage matrix of the first group (experts × entries), as the coverage screen asks for it. */
export function coveragePhase(args: { chairPath: string }): { cells: number; ms: number } {
  const ws = Workspace.open(args.chairPath);
  try {
    const { contest } = chairSources(ws.db);
    const nomination = contest.nominations[0];
    if (!nomination) throw new Error('no nomination');
    const result = timed(() => coverage(ws.db, contest, nomination.id, nomination.categories[0]?.id ?? null));
    return { cells: result.value.cells.reduce((n, row) => n + row.length, 0), ms: result.ms };
  } finally {
    ws.close();
  }
}
