import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** One line of the table: a figure, its value, the target it is held to (if any), and the verdict. */
export interface Row {
  figure: string;
  value: string;
  target: string;
  verdict: 'ok' | 'MISSED' | '';
  /** The number behind `value` (ms, bytes or a ratio), for the JSON. */
  raw: number | null;
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  sqlite: string;
  platform: string;
}

export function machine(sqlite: string): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() said it.
  }
  return { cpu, cores: cpus().length, ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10, node: process.version, sqlite, platform: `${process.platform} ${process.arch}` };
}

export const ms = (x: number): string => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(2)} ms`);
export const mib = (bytes: number): string => `${Math.round(bytes / 1024 ** 2)} MiB`;

/** A row held to "value < limit" (or ≤ when `inclusive`). */
export function target(figure: string, value: string, raw: number, limit: number, label: string, inclusive = false): Row {
  const ok = inclusive ? raw <= limit : raw < limit;
  return { figure, value, target: label, verdict: ok ? 'ok' : 'MISSED', raw };
}

export const info = (figure: string, value: string, raw: number | null = null): Row => ({ figure, value, target: '', verdict: '', raw });

/** The table as text: aligned columns, the machine and the parameters above it. */
export function renderTable(rows: Row[], header: string[]): string {
  const cols = [['figure', ...rows.map((r) => r.figure)], ['value', ...rows.map((r) => r.value)], ['target', ...rows.map((r) => r.target)], ['verdict', ...rows.map((r) => r.verdict)]];
  const widths = cols.map((c) => Math.max(...c.map((s) => s.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    ...header,
    '',
    line(['figure', 'value', 'target', 'verdict']),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((r) => line([r.figure, r.value, r.target, r.verdict])),
  ].join('\n');
}
