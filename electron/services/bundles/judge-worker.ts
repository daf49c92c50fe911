// The judging thread of a large import (judge-ahead.ts): opens the packages it is given, then judges
// each file it is sent, in order, and sends back the verdict, the rows to store and the file's bytes.
import { workerData, type MessagePort } from 'node:worker_threads';
import { openPackage } from '../package/contest-package.ts';
import { BundleJudge } from './judge.ts';
import { rowsOf } from './rows.ts';
import { READY, FAILED, STATE, POSTED, type Job, type JudgeData, type Judged } from './judge-protocol.ts';

const { port, signal, packages, confirmedKeys } = workerData as JudgeData & { port: MessagePort };

/** Tells the waiting thread that something was posted or the state changed. */
function bump(slot: number, value?: number): void {
  if (value === undefined) Atomics.add(signal, slot, 1);
  else Atomics.store(signal, slot, value);
  Atomics.notify(signal, slot);
}

let judge: BundleJudge;
try {
  judge = new BundleJudge({ packages: packages.map((p) => openPackage(`revision ${p.revision}`, Buffer.from(p.envelope))), confirmedKeys: new Map(confirmedKeys) });
  bump(STATE, READY);
} catch {
  // The storing thread judges everything itself, and meets the same problem with its own message.
  bump(STATE, FAILED);
  port.close();
}

port.on('message', (job: Job) => {
  let answer: Judged;
  const transfer: ArrayBuffer[] = [];
  try {
    const { verdict, bytes } = judge.judgeSource({ file: job.file, path: job.path });
    const { bundle, ...core } = verdict;
    const rows = bundle ? rowsOf(bundle) : null;
    // A file's bytes move to the other thread rather than being copied, unless they share a pool.
    const own = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes && new Uint8Array(bytes);
    if (own) transfer.push(own.buffer as ArrayBuffer);
    if (rows) transfer.push(rows.marks.values.buffer as ArrayBuffer);
    answer = { index: job.index, verdict: core, rows, bytes: own, error: null };
  } catch (error) {
    answer = { index: job.index, verdict: null, rows: null, bytes: null, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer, transfer);
  bump(POSTED);
});
