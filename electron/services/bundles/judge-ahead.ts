import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { FAILED, POSTED, READY, STATE, type Job, type JudgeData, type Judged } from './judge-protocol.ts';

// Run from source, the worker is this folder's .ts; bundled (dist/electron/main.mjs), it is built next to the bundle.
const WORKER = import.meta.url.endsWith('.ts') ? new URL('./judge-worker.ts', import.meta.url) : new URL('./judge-worker.mjs', import.meta.url);
/** Files sent before their answer is taken: enough to keep the judge busy, few enough to stay small. */
const AHEAD = 4;
/** How long the thread may take to open the packages before the import judges without it. */
const START_MS = 15_000;
// The thread starts from this script, which loads the judge and says at once if it cannot (a
// module missing from a build, say), rather than leaving the import to wait START_MS for it.
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.entry).catch(() => {
  Atomics.store(workerData.signal, ${STATE}, ${FAILED});
  Atomics.notify(workerData.signal, ${STATE});
});`;
/** Far longer than any one file takes: the judging thread is gone. */
const STALL_MS = 120_000;

/**
 * Judges the files of a large import on a second thread, a few files ahead of the thread that stores
 * them, so that judging (reading, hashing, verifying, parsing, checking) and storing share the
 * machine's cores. The calls block (Atomics.wait), as the import runs in one synchronous
 * transaction. The answers come back in order, and are what judging on the storing thread gives.
 */
export class JudgeAhead {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private readonly files: { file: string; path: string }[];
  private next = -1;

  private constructor(worker: Worker, port: MessagePort, signal: Int32Array, files: { file: string; path: string }[]) {
    this.worker = worker;
    this.port = port;
    this.signal = signal;
    this.files = files;
  }

  /** A judging thread for `files` once it has opened the packages, or null when it cannot start (the caller judges alone). */
  static start(data: Omit<JudgeData, 'signal'>, files: { file: string; path: string }[]): JudgeAhead | null {
    if (!existsSync(fileURLToPath(WORKER))) return null;
    const signal = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
    const { port1, port2 } = new MessageChannel();
    let worker: Worker;
    try {
      worker = new Worker(BOOT, { eval: true, workerData: { ...data, entry: WORKER.href, signal, port: port2 }, transferList: [port2], execArgv: [] });
    } catch {
      return null;
    }
    worker.unref();
    // Whatever goes wrong in the thread is answered through the port or ends in judging alone.
    worker.on('error', () => undefined);
    Atomics.wait(signal, STATE, 0, START_MS);
    const ahead = new JudgeAhead(worker, port1, signal, files);
    if (Atomics.load(signal, STATE) === READY) return ahead;
    ahead.close();
    return null;
  }

  /** The answer for file `index` (files are taken in order). */
  take(index: number): Judged {
    if (this.next < 0) this.next = index;
    for (; this.next < Math.min(this.files.length, index + 1 + AHEAD); this.next += 1) {
      const f = this.files[this.next];
      if (f) this.port.postMessage({ index: this.next, file: f.file, path: f.path } satisfies Job);
    }
    const answer = this.receive();
    if (answer.error !== null) throw new Error(`judging ${this.files[answer.index]?.file ?? ''} failed: ${answer.error}`);
    if (answer.index !== index) throw new Error(`judged file ${answer.index} while waiting for ${index}`);
    return answer;
  }

  private receive(): Judged {
    for (;;) {
      const posted = Atomics.load(this.signal, POSTED);
      const got = receiveMessageOnPort(this.port);
      if (got) return got.message as Judged;
      if (Atomics.load(this.signal, STATE) === FAILED) throw new Error('the judging thread stopped');
      if (Atomics.wait(this.signal, POSTED, posted, STALL_MS) === 'timed-out') throw new Error('the judging thread stopped answering');
    }
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
