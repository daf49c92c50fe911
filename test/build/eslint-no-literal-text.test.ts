import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import jurybox from '../../build/eslint-no-literal-text.js';
import { repoRoot } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

/** Lints `code` as a component with the rule alone (the project's typed set-up wants files on disk). */
async function lint(code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { jurybox }, rules: { 'jurybox/no-literal-text': 'error' } }],
  });
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, 'renderer/screens/Lint.tsx') });
  const messages = result?.messages ?? [];
  assert.deepEqual(messages.filter((m) => m.fatal), [], 'the code parses');
  return messages.map((m) => m.message);
}

const component = (jsx: string) => `import { useT } from '../i18n.ts';\nexport function X() {\n  const { t } = useT();\n  return (${jsx});\n}\n`;

/** Lints `code` with the number rule alone, typed by a TypeScript project of its own in `dir`. */
async function lintTyped(dir: string, code: string): Promise<number[]> {
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { jsx: 'preserve', strict: true, lib: ['es2023', 'dom'], types: [] }, include: ['*.tsx'] }));
  writeFileSync(join(dir, 'X.tsx'), code);
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.tsx'], languageOptions: { parser: tseslint.parser, parserOptions: { project: join(dir, 'tsconfig.json'), tsconfigRootDir: dir } }, plugins: { jurybox }, rules: { 'jurybox/no-raw-number': 'error' } }],
  });
  const [result] = await eslint.lintFiles([join(dir, 'X.tsx')]);
  const messages = result?.messages ?? [];
  assert.deepEqual(messages.filter((m) => m.fatal), [], 'the code parses');
  return messages.map((m) => m.line);
}

describe('the lint against numbers shown raw', () => {
  it('refuses a number shown as it is, and lets through formatted numbers, strings and what may be undefined', async (t) => {
    const code = [
      'declare const count: number; declare const maybe: number | undefined; declare const label: string; declare function number(v: number): string;',
      'export const a = <p>{count}</p>;',
      'export const b = <p>{maybe}</p>;',
      'export const c = <p>{number(count)}</p>;',
      'export const d = <p>{label}{String(count)}</p>;',
      'export const e = <p>{count > 1 && label}</p>;',
    ].join('\n');
    assert.deepEqual(await lintTyped(tempDir(t), code), [2, 3]);
  });
});

describe('the lint against hard-coded UI text', () => {
  it('refuses words written into a component, as text, in braces, or in an attribute a user reads', async () => {
    assert.deepEqual(await lint(component('<p>Сохранить</p>')), ['Literal text "Сохранить" in the UI: add a message to shared/i18n (ru and en) and show t(key).']);
    assert.equal((await lint(component("<p>{'Save'}</p>"))).length, 1);
    assert.equal((await lint(component('<p>{`Save ${t("app.name")}`}</p>'))).length, 1);
    assert.match((await lint(component('<button aria-label="Закрыть">×</button>')))[0] ?? '', /in the aria-label attribute/);
    assert.equal((await lint(component('<img alt="logo" src="x.svg" />'))).length, 1);
    assert.equal((await lint(component("<input placeholder={'Search'} />"))).length, 1);
  });

  it('lets through messages, symbols, numbers and attributes no one reads', async () => {
    assert.deepEqual(await lint(component("<p title={t('app.name')}>{t('app.tagline')}: 1 × 2 — 3</p>")), []);
    assert.deepEqual(await lint(component('<div className="card" data-row="a1" aria-live="polite" />')), []);
  });

  it('are on for every renderer file in the project’s configuration (`npm run lint`, run by `npm test`, then finds any)', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    for (const file of ['renderer/App.tsx', 'renderer/screens/chair/ResultsScreen.tsx', 'renderer/i18n.ts']) {
      const { rules } = (await eslint.calculateConfigForFile(file)) as { rules: Record<string, unknown> };
      assert.deepEqual(rules['jurybox/no-literal-text'], [2], file);
      assert.deepEqual(rules['jurybox/no-raw-number'], [2], file);
    }
  });
});
