import { TieDecisionsFile } from '../../../shared/domain/ties.ts';
import { AppError } from '../../../shared/errors.ts';
import { describeIssues, readStrictJson } from '../signing/envelope.ts';
import { readUserFile } from '../user-files.ts';
import type { Tie } from './results.ts';

/** The largest decisions file read: ten thousand decisions with long reasons fit several times over. */
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * The chair's tie decisions from a file (`jurybox merge --decisions`, docs/formats.md): strict JSON
 * in the format of the app's decisions, for this contest. Whether each decision settles an open tie
 * is judged against the rankings (settleTies), as the app judges a decision the chair takes.
 */
export function readTieDecisions(path: string, contestId: string): Tie[] {
  const parsed = TieDecisionsFile.safeParse(readStrictJson(readUserFile(path, { max: MAX_BYTES }), path));
  if (!parsed.success) throw new AppError('file.invalidPayload', { file: path, issues: describeIssues(parsed.error) });
  if (parsed.data.contestId !== contestId) throw new AppError('decisions.otherContest', { file: path, theirs: parsed.data.contestId, ours: contestId });
  return parsed.data.decisions;
}

/** A decisions file for `contestId`, as readTieDecisions reads it (the demo writes one beside its results). */
export function tieDecisionsJson(contestId: string, ties: readonly Tie[]): string {
  return `${JSON.stringify(TieDecisionsFile.parse({ format: 'jurybox.tie-decisions', version: 1, contestId, decisions: ties }), null, 2)}\n`;
}
