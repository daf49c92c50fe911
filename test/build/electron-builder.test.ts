import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob } from 'node:path';
import { describe, it } from 'node:test';
import type { FileAssociation, TargetConfiguration } from 'electron-builder';
import config from '../../build/electron-builder.config.ts';
import { FILE_EXTENSIONS } from '../../shared/formats/dsse.ts';
import { repoRoot } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const CONFIG_PATH = 'build/electron-builder.config.ts';

// electron-builder's own loader and validator, from the library the `dist` script runs; both work offline.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig } = fromBuilder('app-builder-lib/out/util/config/load.js') as {
  getConfig(request: { packageKey: string; configFilename: string; projectDir: string; packageMetadata: null }, path: string): Promise<{ result: unknown }>;
};
const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>;
};

const { parse: parsePlist } = fromBuilder('plist') as { parse(xml: string): unknown };
const { LinuxTargetHelper } = fromBuilder('app-builder-lib/out/targets/LinuxTargetHelper.js') as {
  LinuxTargetHelper: new (packager: unknown) => { computeDesktopEntry(options: unknown): Promise<string> | string; mimeTypeFiles: Promise<string | null> };
};

/** Resolves when electron-builder accepts `candidate`; rejects with its message otherwise. Its validator coerces in place, hence the copy. */
const validate = (candidate: unknown): Promise<void> => validateConfiguration(structuredClone(candidate), { isEnabled: false, add() {} });

const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string; description: string; desktopName: string; scripts: Record<string, string> };

/** A resource as electron-builder finds it: in the build resources folder first, else from the project. */
const resource = (path: string): string => [join(repoRoot, 'build', path), join(repoRoot, path)].find((p) => existsSync(p)) ?? `(missing) ${path}`;

/** The targets of one platform as `name: arch, arch`. */
function targets(platform: { target?: unknown } | null | undefined): string[] {
  return ((platform?.target ?? []) as TargetConfiguration[]).map((t) => `${t.target}: ${[t.arch ?? []].flat().join(', ')}`);
}

const associations = (config.fileAssociations ?? []) as FileAssociation[];

/**
 * What electron-builder writes for Linux from this configuration: the desktop entry and the
 * shared-mime-info file, made by its own code (LinuxTargetHelper) around a stand-in for the packager
 * that holds only what those two read.
 */
async function linuxFiles(t: Parameters<typeof tempDir>[0]): Promise<{ desktop: string; mime: string }> {
  const dir = tempDir(t);
  const packager = {
    appInfo: { productName: config.productName, sanitizedProductName: config.productName, description: packageJson.description },
    executableName: 'jurybox',
    info: { metadata: { desktopName: packageJson.desktopName } },
    fileAssociations: associations,
    config,
    platformSpecificBuildOptions: config.linux,
    getTempFile: async (suffix: string) => join(dir, `file${suffix}`),
  };
  const helper = new LinuxTargetHelper(packager);
  const mimeFile = await helper.mimeTypeFiles;
  return { desktop: await helper.computeDesktopEntry(config.linux), mime: mimeFile ? readFileSync(mimeFile, 'utf8') : '' };
}

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

  it('is refused by that schema when an installer option is misspelt or a target unknown', async () => {
    // The configuration as it is passes (the first test), so each refusal is the one change's doing.
    await assert.rejects(validate({ ...config, nsis: { ...config.nsis, perMachin: false } }), /configuration\.nsis should be/);
    await assert.rejects(validate({ ...config, mac: { ...config.mac, target: ['dmgg'] } }), /configuration\.mac should be/);
    await assert.rejects(validate({ ...config, fileAssociations: [{ ...associations[0], extension: 'jbcontest' }] }), /configuration\.fileAssociations should be/);
  });

  it('builds an NSIS installer for Windows that installs for the user alone by default, with shortcuts and a choice of folder', () => {
    assert.deepEqual(targets(config.win), ['nsis: x64']);
    assert.equal(config.nsis?.oneClick, false);
    // perMachine false: the user may choose, and "only for me" (no administrator rights) is chosen unless they change it.
    assert.equal(config.nsis?.perMachine, false);
    assert.equal(config.nsis?.selectPerMachineByDefault, false);
    assert.equal(config.nsis?.allowToChangeInstallationDirectory, true);
    assert.equal(config.nsis?.createDesktopShortcut, true);
    assert.equal(config.nsis?.createStartMenuShortcut, true);
    assert.deepEqual(config.nsis?.installerLanguages, ['ru_RU', 'en_US']);
  });

  it('builds a DMG for both Mac processors, signed with the hardened runtime and only the JIT exception', () => {
    const mac = config.mac;
    assert.deepEqual(targets(mac), ['dmg: arm64, x64']);
    assert.equal(mac?.hardenedRuntime, true);
    assert.equal(mac?.gatekeeperAssess, false);
    assert.equal(mac?.category, 'public.app-category.productivity');
    // Notarisation is the signing machine's: electron-builder does it when Apple's credentials are in its environment.
    assert.equal(mac?.notarize, undefined);
    for (const path of [mac?.entitlements, mac?.entitlementsInherit]) {
      assert.ok(path && existsSync(join(repoRoot, path)), String(path));
      // Parsed by the plist library electron-builder and @electron/osx-sign read it with.
      assert.deepEqual(parsePlist(readFileSync(join(repoRoot, path), 'utf8')), { 'com.apple.security.cs.allow-jit': true });
    }
  });

  it('builds an AppImage, a deb (Astra Linux) and an rpm (RED OS, ALT) filed under Office, with a maintainer and a description', () => {
    const linux = config.linux;
    assert.deepEqual(targets(linux), ['AppImage: x64', 'deb: x64', 'rpm: x64']);
    assert.equal(linux?.category, 'Office');
    assert.match(linux?.maintainer ?? '', /^JuryBox <[^<>@\s]+@[^<>@\s]+>$/);
    assert.ok((linux?.synopsis ?? '').length > 0 && (linux?.synopsis ?? '').length <= 80, 'a deb synopsis is one short line');
    // One sentence in Russian, one in English: it is also the desktop entry's Comment.
    assert.match(linux?.description ?? '', /^[А-Я][^.]*[а-я][^.]*\. [A-Z][a-z][^.]*\.$/);
    // The rpm asks for libraries, not for one distribution's package names.
    for (const dependency of config.rpm?.depends ?? []) assert.match(dependency, /^(lib[\w.+-]+\.so[\d.]*\(\)\(64bit\)|xdg-utils)$/);
  });

  it('opens .jbcontest, .jbenrol, .jbresult and .jbmerged in the app, each with its type name, MIME type and icons', () => {
    assert.deepEqual(associations.map((a) => `.${String(a.ext)}`), Object.values(FILE_EXTENSIONS));
    assert.deepEqual(associations.map((a) => a.mimeType), ['application/x-jurybox-contest', 'application/x-jurybox-enrolment', 'application/x-jurybox-result', 'application/x-jurybox-merged']);
    for (const a of associations) {
      assert.match(a.name ?? '', /^JuryBox\.[A-Z][a-z]+$/, 'a Windows ProgID has no spaces');
      assert.match(a.description ?? '', /JuryBox/);
      // electron-builder puts the description into XML unescaped.
      assert.doesNotMatch(a.description ?? '', /[<>&"]/);
      assert.equal(a.role, 'Viewer');
      // electron-builder looks for <icon>.ico on Windows and <icon>.icns on macOS, and converts neither.
      for (const extension of ['ico', 'icns']) assert.ok(existsSync(resource(`${a.icon}.${extension}`)), `${a.icon}.${extension}`);
    }
  });

  it('registers the four MIME types on Linux: in the desktop entry and as globs for the file manager', async (t) => {
    const { desktop, mime } = await linuxFiles(t);
    assert.match(desktop, /^MimeType=application\/x-jurybox-contest;application\/x-jurybox-enrolment;application\/x-jurybox-result;application\/x-jurybox-merged;$/m);
    assert.match(desktop, /^Categories=Office;$/m);
    assert.match(desktop, /^Exec=.* %U$/m);
    assert.match(desktop, /^StartupWMClass=jurybox$/m);
    for (const kind of Object.keys(FILE_EXTENSIONS) as (keyof typeof FILE_EXTENSIONS)[]) {
      assert.match(mime, new RegExp(`<mime-type type="application/x-jurybox-${kind}">\\s*<glob pattern="\\*\\${FILE_EXTENSIONS[kind]}"/>`));
    }
  });

  it('uses icons that exist at the sizes electron-builder needs', () => {
    assert.equal(config.icon, 'icon.png');
    assert.ok(existsSync(resource('icon.png')));
    assert.equal(config.linux?.icon, 'icons');
    assert.deepEqual(readdirSync(resource('icons')).sort(), ['128x128.png', '16x16.png', '24x24.png', '256x256.png', '32x32.png', '48x48.png', '512x512.png', '64x64.png']);
    // Their pixels and sizes are checked in icons.test.ts.
  });

  it('has a dist script per platform', () => {
    assert.equal(packageJson.scripts['dist:win'], 'npm run dist -- --win');
    assert.equal(packageJson.scripts['dist:mac'], 'npm run dist -- --mac');
    assert.equal(packageJson.scripts['dist:linux'], 'npm run dist -- --linux');
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
