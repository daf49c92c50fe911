// The child process of the crash harness (crash-harness.ts): saves marks through the real service as
// fast as it can until it is killed. Usage: node test/helpers/mark-writer.ts <workspace path> <seed>
//
// Every save is announced twice on stdout: `set <entry> <criterion> <value>` before it begins and
// `ack <entry> <criterion> <value>` once setMark has returned (value `-` clears the mark). The ack is
// the promise under test: the UI shows "saved" at exactly that moment. Lines go out with writeSync on
// fd 1, so a line has left the process before the next step starts; a buffered stream could still be
// holding it when SIGKILL arrives.
//
// JURYBOX_TEST_ACK_EARLY=1 breaks the promise on purpose (ack first, then a pause, then the save), so
// a test can show that the harness notices a lost mark.
import { writeSync } from 'node:fs';
import { seeded } from '../../shared/random.ts';
import { Workspace } from '../../electron/services/workspace.ts';
import { snapToScale, type Scale } from '../../shared/scoring/scale.ts';

interface Target {
  entryId: string;
  criterionId: string;
  scale: Scale;
}

const CLEAR_SHARE = 0.1;
const EARLY_ACK_PAUSE_MS = 100;

/** Every criterion of every entry the scorer may mark now, found through the UI's own read models. */
function targetsOf(ws: Workspace): Target[] {
  const targets: Target[] = [];
  for (const nomination of ws.overview()) {
    for (const categoryId of [...nomination.categories.map((c) => c.id), null]) {
      for (const item of ws.entries(nomination.id, categoryId).entries) {
        // setMark refuses both; they would only make the writer stop.
        if (item.status === 'conflict' || item.status === 'abstained') continue;
        for (const c of ws.entry(item.id).criteria) targets.push({ entryId: item.id, criterionId: c.id, scale: c.scale });
      }
    }
  }
  return targets;
}

function pick<T>(items: T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** A value on the scale and on its step, as the UI would send it. */
function valueOn(scale: Scale, random: () => number): number {
  const steps = Math.round((scale.max - scale.min) / scale.step);
  return snapToScale(scale.min + Math.floor(random() * (steps + 1)) * scale.step, scale);
}

function announce(word: 'set' | 'ack', target: Target, value: number | null): void {
  writeSync(1, `${word} ${target.entryId} ${target.criterionId} ${value ?? '-'}\n`);
}

// A synchronous pause: the loop never yields, so nothing else can run between announce and save.
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function saveForever(ws: Workspace, targets: Target[], random: () => number, ackEarly: boolean): never {
  for (;;) {
    const target = pick(targets, random);
    const value = random() < CLEAR_SHARE ? null : valueOn(target.scale, random);
    announce('set', target, value);
    if (ackEarly) {
      announce('ack', target, value);
      pause(EARLY_ACK_PAUSE_MS);
    }
    ws.setMark({ entryId: target.entryId, criterionId: target.criterionId, value });
    if (!ackEarly) announce('ack', target, value);
  }
}

const [path, seed] = process.argv.slice(2);
if (path === undefined || seed === undefined || !Number.isInteger(Number(seed))) {
  writeSync(2, 'usage: node test/helpers/mark-writer.ts <workspace path> <seed>\n');
  process.exit(2);
}
const ws = Workspace.open(path);
const targets = targetsOf(ws);
if (targets.length === 0) throw new Error(`the scorer of ${path} has nothing to mark`);
saveForever(ws, targets, seeded(Number(seed)), process.env.JURYBOX_TEST_ACK_EARLY === '1');
