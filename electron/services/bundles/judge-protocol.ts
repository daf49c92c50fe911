import type { VerdictCore } from './judge.ts';
import type { BundleRows } from './rows.ts';

/** What the judging thread starts from: every package revision held (the file as stored) and the keys the chair confirmed. */
export interface JudgeData {
  /** STATE and POSTED below, shared with the thread that waits for answers. */
  signal: Int32Array;
  packages: { revision: number; envelope: Uint8Array }[];
  confirmedKeys: [string, string][];
}

/** One file to judge, by path: `index` is its place among the files of the import. */
export interface Job {
  index: number;
  file: string;
  path: string;
}

/** The answer for one file: its verdict, what to store when it may stand, and its bytes; or the error that stopped the judge. */
export interface Judged {
  index: number;
  verdict: VerdictCore | null;
  rows: BundleRows | null;
  bytes: Uint8Array | null;
  error: string | null;
}

/** Slots of the shared signal: the judging thread's state, and how many answers it has posted. */
export const STATE = 0;
export const POSTED = 1;
/** States: starting (0), ready for files, or unable to start (the storing thread judges alone). */
export const READY = 1;
export const FAILED = 2;
