import { TieDecisionsFile } from '../../../shared/domain/ties.ts';
import { AppError } from '../../../shared/errors.ts';
import { describeIssues, readStrictJson } from '../signing/envelope.ts';
import { readUserFile } from '../user-files.ts';
import type { Tie } from './results.ts';

/** The largest decisions file read: ten thousand decisions with reasons of a few hundred characters fit (a contest has far fewer ties). */
const MAX_BYTES = 16 * 1024 * 1024;

/** The UTF-8 byte-order mark, which Windows editors put before the text of a file they save. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The chair's tie decisions from a file (`jurybox merge --decisions`, docs/formats.md): strict JSON
 * in the format of the app's decisions, for this contest. The file is written by hand, so a leading
 * byte-order mark is taken as what it is, not as text. Whether each decision settles an open tie is
 * judged against the rankings (settleTies), as the app judges a decision the chair takes.
 */
export function readTieDecisions(path: string, contestId: string): Tie[] {
  const bytes = readUserFile(path, { max: MAX_BYTES });
  const text = bytes.subarray(0, BOM.length).equals(BOM) ? bytes.subarray(BOM.length) : bytes;
  const parsed = TieDecisionsFile.safeParse(readStrictJson(text, path));
  if (!parsed.success) throw new AppError('file.invalidPayload', { file: path, issues: describeIssues(parsed.error) });
  if (parsed.data.contestId !== contestId) throw new AppError('decisions.otherContest', { file: path, theirs: parsed.data.contestId, ours: contestId });
  return parsed.data.decisions;
}

/** A decisions file for `contestId`, as readTieDecisions reads it (the demo writes one beside its results). */
export function tieDecisionsJson(contestId: string, ties: readonly Tie[]): string {
  return `${JSON.stringify(TieDecisionsFile.parse({ format: 'jurybox.tie-decisions', version: 1, contestId, decisions: ties }), null, 2)}\n`;
}
