import type { TestContext } from 'node:test';
import { writeDemoWorkspace } from '../../electron/services/demo/demo.ts';
import type { Workspace } from '../../electron/services/workspace.ts';
import { tempDir } from './temp.ts';

/** A fresh demo workspace in its own folder, closed when the test ends. */
export function demoWorkspace(t: TestContext): Workspace {
  const ws = writeDemoWorkspace(tempDir(t));
  t.after(() => ws.close());
  return ws;
}
