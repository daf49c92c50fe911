import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob } from 'node:path';
import { describe, it } from 'node:test';
import config from '../../build/electron-builder.config.ts';
import { repoRoot } from '../helpers/cli.ts';

const CONFIG_PATH = 'build/electron-builder.config.ts';

// electron-builder's own loader and validator, from the library the `dist` script runs; both work offline.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig } = fromBuilder('app-builder-lib/out/util/config/load.js') as {
  getConfig(request: { packageKey: string; configFilename: string; projectDir: string; packageMetadata: null }, path: string): Promise<{ result: unknown }>;
};
const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
};

/** Resolves when electron-builder accepts `candidate`; rejects with its message otherwise. Its validator coerces in place, hence the copy. */
const validate = (candidate: unknown): Promise<void> => validateConfiguration(structuredClone(candidate), { isEnabled: false, add() {} });

const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };

/** Whether electron-builder's `files` patterns take `path` into the app (the last matching pattern decides). */
function packed(path: string): boolean {
  let taken = false;
  for (const pattern of config.files as string[]) {
    if (pattern.startsWith('!') ? matchesGlob(path, pattern.slice(1)) : matchesGlob(path, pattern)) taken = !pattern.startsWith('!');
  }
  return taken;
}

describe('electron-builder configuration', () => {
  it('is what `npm run dist` hands electron-builder, and electron-builder’s own schema accepts it', async () => {
    assert.match(packageJson.scripts.dist ?? '', new RegExp(`^npm run build && electron-builder --config ${CONFIG_PATH}$`));
    const loaded = await getConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: repoRoot, packageMetadata: null }, CONFIG_PATH);
    assert.deepEqual(loaded.result, config);
    await validate(loaded.result);
  });

  it('is refused by that schema when a fuse is misspelt or mistyped, or an option unknown', async () => {
    const fuses = config.electronFuses ?? {};
    await assert.rejects(validate({ ...config, electronFuses: { ...fuses, runAsnode: false } }), /electronFuses/);
    await assert.rejects(validate({ ...config, electronFuses: { ...fuses, runAsNode: 'off' } }), /electronFuses\.runAsNode should be a boolean/);
    await assert.rejects(validate({ ...config, electronFusesV2: fuses }), /has an unknown property 'electronFusesV2'/);
  });

  it('flips the fuses: no Node mode, no NODE_OPTIONS or --inspect, cookies encrypted, the app only from its checked ASAR', () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names the app and packs the built app alone into an ASAR, the SQLite binary beside it', () => {
    assert.equal(config.appId, 'org.jurybox.desktop');
    assert.equal(config.productName, 'JuryBox');
    assert.equal(config.asar, true);
    assert.deepEqual(config.asarUnpack, ['node_modules/better-sqlite3/**/*.node']);
    // The binaries better-sqlite3 ships, one per platform, all unpacked beside the archive.
    const binaries = readdirSync(join(repoRoot, 'node_modules/better-sqlite3/prebuilds')).map((name) => `node_modules/better-sqlite3/prebuilds/${name}`);
    assert.ok(binaries.some((path) => path.endsWith(`${process.platform}-${process.arch}.node`)), binaries.join(', '));
    for (const path of binaries) assert.ok(matchesGlob(path, (config.asarUnpack as string[])[0] ?? ''), path);
    for (const path of ['package.json', packageJson.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc123.js']) assert.equal(packed(path), true, path);
    for (const path of ['electron/main.ts', 'electron/services/signing/keys.ts', 'renderer/App.tsx', 'shared/api/contract.ts', 'test/e2e/expert.test.ts', 'build/build.ts', 'dist/electron/.build-stamp', 'docs/formats.md', '.npmrc']) {
      assert.equal(packed(path), false, path);
    }
    // better-sqlite3's Node-API binaries load in Electron as shipped: no rebuild (it would be wrong, and fetch headers).
    assert.equal(config.npmRebuild, false);
    assert.equal(config.nodeGypRebuild, false);
    assert.equal(config.buildDependenciesFromSource, false);
    // electron-builder writes installers to its output folder, which must not be the folder it packs from.
    assert.equal(config.directories?.output, 'release');
  });
});
