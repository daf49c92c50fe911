import { Workspace } from '../../../electron/services/workspace.ts';
import { criterionId, entryId, markModel, type BenchSize } from '../synthetic.ts';
import { now, summarise, timed, type Summary } from '../stats.ts';

export interface SaveResult {
  saves: number;
  synchronous: number;
  journalMode: string;
  /** Workspace.setMark, one committed transaction each. */
  latency: Summary;
  /** The reads behind the expert's screens on this workspace, once each. */
  myEntriesMs: number;
  entryMs: number;
  overviewMs: number;
  assigned: number;
}

/**
 * Single-mark saves through the real service on an expert's workspace, as the app saves them: one
 * Workspace.setMark per change, each committed with synchronous=FULL before it returns.
 */
export function savePhase(args: { workspacePath: string; size: BenchSize; saves: number }): SaveResult {
  const ws = Workspace.open(args.workspacePath);
  try {
    const synchronous = ws.db.pragma('synchronous', { simple: true }) as number;
    const journalMode = ws.db.pragma('journal_mode', { simple: true }) as string;
    const mine = timed(() => ws.myEntries());
    const overview = timed(() => ws.overview());
    const entry = timed(() => ws.entry(entryId(0)));
    const model = markModel(args.size);
    const { criteria, entries } = args.size;
    const times: number[] = [];
    for (let i = 0; i < args.saves; i += 1) {
      const e = Math.floor(i / criteria) % entries;
      const c = i % criteria;
      const start = now();
      ws.setMark({ entryId: entryId(e), criterionId: criterionId(c), value: model.value(0, e, c) });
      times.push(now() - start);
    }
    return {
      saves: times.length,
      synchronous,
      journalMode,
      latency: summarise(times),
      myEntriesMs: mine.ms,
      entryMs: entry.ms,
      overviewMs: overview.ms,
      assigned: mine.value.length,
    };
  } finally {
    ws.close();
  }
}
