import type { ParseArgsConfig } from 'node:util';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import type { CliContext } from '../context.ts';

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One `jurybox <name>` command: its options, its help text, and what it does. Returns the exit status. */
export interface Command {
  name: string;
  help: MessageKey;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: OptionValues, ctx: CliContext, positionals: string[]): number | Promise<number>;
}
