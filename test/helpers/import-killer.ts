// The child process of the import crash rounds (import-crash.ts): imports the experts' result bundles
// into a chair's workspace through the real intake, slowed down so that a SIGKILL lands inside the
// transaction. Usage: node test/helpers/import-killer.ts <workspace> <bundles dir> <now>
//
// `begin` is written on stdout just before the import starts, `inside` when it stores its first mark
// (its transaction is open) and `done` once it has returned (with
// writeSync, so the line has left the process before the next step). The slowing is this process's
// own: a TEMP trigger, which lives in this connection only and never reaches the file, pauses every
// 25th stored mark for 2 ms.
import { readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { importBundles } from '../../electron/services/chair/intake.ts';
import { Workspace } from '../../electron/services/workspace.ts';

const [path, dir, now] = process.argv.slice(2);
if (!path || !dir || !now) throw new Error('usage: import-killer.ts <workspace> <bundles dir> <now>');

const ws = Workspace.open(path);
let stored = 0;
ws.db.function('jb_pause', () => {
  stored += 1;
  // The first mark stored: the import's transaction is open.
  if (stored === 1) writeSync(1, 'inside\n');
  if (stored % 25 === 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
  return null;
});
ws.db.exec('CREATE TEMP TRIGGER jb_slow AFTER INSERT ON bundle_marks BEGIN SELECT jb_pause(); END;');
const files = readdirSync(dir)
  .sort()
  .map((file) => ({ file, bytes: readFileSync(join(dir, file)) }));
writeSync(1, 'begin\n');
// JURYBOX_TEST_PIECEMEAL=1 breaks atomicity on purpose (one transaction per file), so a test can show
// that the rounds notice a partial import.
if (process.env.JURYBOX_TEST_PIECEMEAL === '1') for (const f of files) importBundles(ws.db, [f], now);
else importBundles(ws.db, files, now);
writeSync(1, 'done\n');
ws.close();
