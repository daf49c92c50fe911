import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { repoRoot } from '../helpers/cli.ts';

// The project's own config; only type-aware parsing is off, since the probes below are not files on
// disk (the layering rules need no type information).
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfig: {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

/** The rules that fire on `code` as if it were the file at `path` in the repo. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layering lint rule', () => {
  it('fails when shared/ imports electron/ or renderer/', async () => {
    assert.deepEqual(await violations('shared/probe.ts', "import { openDatabase } from '../electron/db/connection.ts';\nexport const x = openDatabase;\n"), ['import-x/no-restricted-paths']);
    assert.deepEqual(await violations('shared/probe.ts', "import { call } from '../renderer/api/client.ts';\nexport const x = call;\n"), ['import-x/no-restricted-paths']);
  });

  it('fails when renderer/ imports electron/', async () => {
    assert.deepEqual(await violations('renderer/probe.ts', "import { Workspace } from '../electron/services/workspace.ts';\nexport const x = Workspace;\n"), ['import-x/no-restricted-paths']);
  });

  it('fails when anything but the Electron glue imports electron', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    assert.deepEqual(await violations('electron/services/probe.ts', code), ['no-restricted-imports']);
    assert.deepEqual(await violations('shared/probe.ts', code), ['no-restricted-imports']);
    assert.deepEqual(await violations('renderer/probe.ts', code), ['no-restricted-imports']);
    assert.deepEqual(await violations('electron/main.ts', code), []);
  });

  it('fails when shared/ or renderer/ import a Node built-in', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n";
    assert.deepEqual(await violations('shared/probe.ts', code), ['no-restricted-imports']);
    assert.deepEqual(await violations('renderer/probe.ts', code), ['no-restricted-imports']);
    assert.deepEqual(await violations('electron/services/probe.ts', code), []);
  });

  it('fails when the CLI translates around electron/cli/context.ts, which escapes what files put in its messages', async () => {
    const raw = "import { translate } from '../../../shared/i18n/index.ts';\nexport const x = translate;\n";
    assert.deepEqual(await violations('electron/cli/commands/probe.ts', raw), ['no-restricted-imports']);
    assert.deepEqual(await violations('electron/cli/probe.ts', raw.replace('../../../', '../../')), ['no-restricted-imports']);
    assert.deepEqual(await violations('electron/cli/commands/probe.ts', "import { formatNumber } from '../../../shared/i18n/index.ts';\nexport const x = formatNumber;\n"), []);
    assert.deepEqual(await violations('electron/cli/commands/probe.ts', "import { translate } from '../context.ts';\nexport const x = translate;\n"), []);
    assert.deepEqual(await violations('electron/cli/commands/probe.ts', "import { app } from 'electron';\nexport const x = app;\n"), ['no-restricted-imports']);
  });

  it('lets shared/ code be imported from both sides', async () => {
    assert.deepEqual(await violations('renderer/probe.ts', "import { api } from '../shared/api/contract.ts';\nexport const x = api;\n"), []);
    assert.deepEqual(await violations('electron/probe.ts', "import { api } from '../shared/api/contract.ts';\nexport const x = api;\n"), []);
  });
});
