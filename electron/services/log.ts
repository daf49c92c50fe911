import { inspect } from 'node:util';
import { escapeHidden } from '../../shared/visible-text.ts';

/**
 * An unexpected failure as one entry of the log (the terminal of `jurybox serve`, of the desktop
 * app started from one): its message often quotes a file name or other text a file or a user
 * gave, shown with every control, bidi and invisible character escaped, its line breaks too, so
 * that it can neither act on the terminal nor start a line that looks like the log's own. Only the
 * stack's own lines stay lines.
 */
export function logEntry(context: string, error: unknown): string {
  if (!(error instanceof Error)) return `[jurybox] ${escapeHidden(context)}: ${escapeHidden(inspect(error))}`;
  const head = `${error.name}: ${error.message}`;
  const stack = error.stack ?? head;
  const frames = stack.startsWith(head) ? stack.slice(head.length) : `\n${stack}`;
  return `[jurybox] ${escapeHidden(context)}: ${escapeHidden(head)}${escapeHidden(frames, '\n')}`;
}

/** Writes `logEntry` to the process's standard error. */
export function logError(context: string, error: unknown): void {
  process.stderr.write(`${logEntry(context, error)}\n`);
}
