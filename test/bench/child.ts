import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { now } from './stats.ts';

/**
 * Heavy phases run in a child process of their own, so that the peak resident set each reports
 * (VmHWM at its end) is that phase's alone, and a phase that runs away can be stopped.
 */

const runner = fileURLToPath(new URL('./phase.ts', import.meta.url));

export type PhaseName = 'verify' | 'import' | 'results' | 'coverage' | 'raw' | 'save';

export type PhaseRun<T> = { ok: true; result: T; peakRssBytes: number; wallMs: number } | { ok: false; timedOut: boolean; wallMs: number; error: string };

export interface PhaseOptions {
  /** Stop the child after this long and report it as timed out. */
  timeoutMs?: number;
  /** Write a V8 CPU profile of the child into this folder (node --cpu-prof). */
  profileDir?: string;
}

export function runPhase<T>(phase: PhaseName, args: object, options: PhaseOptions = {}): Promise<PhaseRun<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'jurybox-bench-phase-'));
  const out = join(dir, 'result.json');
  const flags = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir, '--cpu-prof-name', `${phase}.cpuprofile`] : [];
  const started = now();
  const child = spawn(process.execPath, [...flags, runner, phase, JSON.stringify(args), out], { stdio: ['ignore', 'inherit', 'inherit'] });
  let timedOut = false;
  const timer = options.timeoutMs === undefined ? null : setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      const wallMs = now() - started;
      try {
        if (code === 0) {
          const { result, peakRssBytes } = JSON.parse(readFileSync(out, 'utf8')) as { result: T; peakRssBytes: number };
          resolve({ ok: true, result, peakRssBytes, wallMs });
        } else {
          resolve({ ok: false, timedOut, wallMs, error: timedOut ? `stopped after ${options.timeoutMs} ms` : `exited with ${code ?? signal}` });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
