// Tests the product's promise, "not one acknowledged mark is ever lost", the hard way: a child process
// (mark-writer.ts) saves marks through Workspace.setMark and is killed with SIGKILL at a random moment;
// the file is then reopened and every mark the child acknowledged must be in it, intact.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { seeded } from '../../shared/random.ts';
import { writeDemoWorkspace } from '../../electron/services/demo/demo.ts';
import { Workspace } from '../../electron/services/workspace.ts';

const WRITER = fileURLToPath(new URL('./mark-writer.ts', import.meta.url));
const FIRST_ACK_TIMEOUT_MS = 30_000;

export interface CrashOptions {
  rounds: number;
  /** The folder the demo workspace is written to; it must not hold one yet. */
  dir: string;
  /** Drives the writer's choices and the kill delays; a random one when absent (reported back). */
  seed?: number;
  /** The kill comes this long after the writer's first ack: between minMs and maxMs (20–250). */
  minMs?: number;
  maxMs?: number;
  /** Extra environment for the writer (JURYBOX_TEST_ACK_EARLY=1 shows that the harness can fail). */
  writerEnv?: Record<string, string>;
  onRound?(n: number): void;
}

export interface CrashResult {
  rounds: number;
  /** setMark calls the writer reported as returned, over all rounds. */
  acknowledged: number;
  /** Marks found different from what was acknowledged, once per mark and round. */
  lost: number;
  integrityFailures: number;
  problems: string[];
  seed: number;
}

type Value = number | null;

const shown = (v: Value): string => (v === null ? 'no mark' : String(v));

/**
 * What the file must hold, from the writer's announcements. Per (entry, criterion) the allowed values
 * are the last acknowledged one followed by any `set` announced after it: a save that was under way
 * when the kill came may have committed or not. Only pairs ever acknowledged are checked.
 */
class Ledger {
  acknowledged = 0;
  private readonly allowed = new Map<string, Value[]>();

  /** Takes in one line of the writer's; null when it is not an announcement. */
  record(line: string): 'set' | 'ack' | null {
    const [word, entryId, criterionId, raw] = line.split(' ');
    if ((word !== 'set' && word !== 'ack') || !entryId || !criterionId || !raw) return null;
    const key = `${entryId} ${criterionId}`;
    const value = raw === '-' ? null : Number(raw);
    if (word === 'ack') {
      this.acknowledged += 1;
      this.allowed.set(key, [value]);
    } else {
      this.allowed.get(key)?.push(value);
    }
    return word;
  }

  /** Compares the file with what is allowed; afterwards the file is the baseline, so a loss counts once. */
  verify(ws: Workspace, round: number): string[] {
    const problems: string[] = [];
    const stored = new Map<string, Map<string, Value>>();
    for (const [key, allowed] of this.allowed) {
      const [entryId = '', criterionId = ''] = key.split(' ');
      if (!stored.has(entryId)) stored.set(entryId, new Map(ws.entry(entryId).marks.map((m) => [m.criterionId, m.value])));
      const found = stored.get(entryId)?.get(criterionId) ?? null;
      if (!allowed.includes(found)) {
        const [acked, ...pending] = allowed;
        const orElse = pending.length ? ` (or ${pending.map(shown).join(', ')}, announced after)` : '';
        problems.push(`Round ${round}: ${entryId} / ${criterionId} was acknowledged as ${shown(acked ?? null)}${orElse} but the file holds ${shown(found)}.`);
      }
      this.allowed.set(key, [found]);
    }
    return problems;
  }
}

interface Writer {
  child: ChildProcess;
  firstAck: Promise<void>;
  /** Settles once the process is gone and everything it wrote has been read. */
  closed: Promise<void>;
  stderr(): string;
  /** Lines on stdout that were not announcements. */
  strange: string[];
}

function startWriter(path: string, seed: number, env: Record<string, string>, ledger: Ledger): Writer {
  const child = spawn(process.execPath, [WRITER, path, String(seed)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let pending = '';
  const strange: string[] = [];
  const acked = new AbortController();
  const firstAck = new Promise<void>((resolve) => acked.signal.addEventListener('abort', () => resolve()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on('data', (d: Buffer) => {
    const lines = (pending + d.toString()).split('\n');
    // A trailing fragment is a line still being written; its save has not begun.
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const word = ledger.record(line);
      if (word === 'ack') acked.abort();
      if (word === null) strange.push(line);
    }
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const died = closed.then(() => Promise.reject(new Error(`the writer ended before its first ack (${child.exitCode ?? child.signalCode}):\n${stderr}`)));
  const timeout = sleep(FIRST_ACK_TIMEOUT_MS, undefined, { signal: acked.signal, ref: false }).then(() => Promise.reject(new Error(`the writer acknowledged nothing in ${FIRST_ACK_TIMEOUT_MS} ms:\n${stderr}`)));
  // Whichever loses the race settles later with nobody listening.
  died.catch(() => {});
  timeout.catch(() => {});
  return { child, firstAck: Promise.race([firstAck, died, timeout]), closed, stderr: () => stderr, strange };
}

const alive = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

/** One writer from start to SIGKILL; a problem when it stopped by itself instead. */
async function killAtRandom(writer: Writer, delayMs: number, round: number): Promise<string[]> {
  try {
    await writer.firstAck;
    await sleep(delayMs);
    const stoppedEarly = !alive(writer.child);
    writer.child.kill('SIGKILL');
    await writer.closed;
    const problems = writer.strange.map((line) => `Round ${round}: the writer said "${line}".`);
    if (stoppedEarly) problems.push(`Round ${round}: the writer stopped by itself (${writer.child.exitCode ?? writer.child.signalCode}): ${writer.stderr()}`);
    return problems;
  } finally {
    if (alive(writer.child)) writer.child.kill('SIGKILL');
  }
}

/** Opens the file as the app would after a crash and checks it; the error when it cannot even be opened. */
function inspect(path: string, ledger: Ledger, round: number): { integrity: unknown; losses: string[] } | Error {
  let ws: Workspace;
  try {
    ws = Workspace.open(path);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  try {
    return { integrity: ws.db.pragma('integrity_check', { simple: true }), losses: ledger.verify(ws, round) };
  } finally {
    ws.close();
  }
}

/**
 * Runs `rounds` crash rounds on one demo workspace in `dir` (later rounds continue on the same file)
 * and returns the figures. Stops early, with an integrity failure, if the file can no longer be opened.
 */
export async function crashRounds(options: CrashOptions): Promise<CrashResult> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const [minMs, maxMs] = [options.minMs ?? 20, options.maxMs ?? 250];
  const random = seeded(seed);
  const ws = writeDemoWorkspace(options.dir);
  ws.close();
  const ledger = new Ledger();
  const result: CrashResult = { rounds: 0, acknowledged: 0, lost: 0, integrityFailures: 0, problems: [], seed };
  for (let n = 1; n <= options.rounds; n += 1) {
    const writer = startWriter(ws.path, seed + n, options.writerEnv ?? {}, ledger);
    result.problems.push(...(await killAtRandom(writer, minMs + random() * (maxMs - minMs), n)));
    const checked = inspect(ws.path, ledger, n);
    result.rounds = n;
    result.acknowledged = ledger.acknowledged;
    if (checked instanceof Error) {
      result.integrityFailures += 1;
      result.problems.push(`Round ${n}: the workspace could not be opened after the kill: ${checked.message}`);
      break;
    }
    result.lost += checked.losses.length;
    result.problems.push(...checked.losses);
    if (checked.integrity !== 'ok') {
      result.integrityFailures += 1;
      result.problems.push(`Round ${n}: integrity_check says ${String(checked.integrity)}.`);
    }
    options.onRound?.(n);
  }
  return result;
}
