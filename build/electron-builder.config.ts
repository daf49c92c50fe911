// electron-builder's configuration (`npm run dist`). It ships the built app only: the main process,
// preload and UI from dist/, package.json, and the runtime dependencies electron-builder adds itself.
// Installers per platform (docs/installers.md): NSIS per user on Windows, a DMG on macOS, AppImage,
// deb and rpm on Linux. Signing happens on the machine that holds the certificates, from its
// environment; nothing secret is written here. The fuses below hold for every installer.
import type { Configuration, FileAssociation } from 'electron-builder';
import { FILE_EXTENSIONS, type FileKind } from '../shared/formats/dsse.ts';

/** What each file JuryBox opens is called in the system's file manager, in Russian and English. */
const FILE_TYPES: Record<FileKind, { name: string; description: string }> = {
  contest: { name: 'JuryBox.Contest', description: 'Пакет конкурса JuryBox (contest package)' },
  enrolment: { name: 'JuryBox.Enrolment', description: 'Ключ эксперта JuryBox (expert enrolment)' },
  result: { name: 'JuryBox.Result', description: 'Результаты эксперта JuryBox (expert result bundle)' },
  merged: { name: 'JuryBox.Merged', description: 'Подписанные итоги JuryBox (signed final results)' },
};

/**
 * The four signed files open in JuryBox by a double-click. `name` is the Windows ProgID and the
 * macOS type name; `mimeType` is registered on Linux (the desktop entry's MimeType and a
 * shared-mime-info glob); `icon` names build/file-icons/<ext>.ico and .icns (build/icons.ts).
 * JuryBox reads these files and never writes one back (it makes new ones), hence Viewer; it is
 * the program that makes them, hence Owner.
 */
const fileAssociations: FileAssociation[] = (Object.keys(FILE_TYPES) as FileKind[]).map((kind) => {
  const ext = FILE_EXTENSIONS[kind].slice(1);
  return { ext, ...FILE_TYPES[kind], mimeType: `application/x-jurybox-${kind}`, role: 'Viewer', rank: 'Owner', icon: `file-icons/${ext}` };
});

const config: Configuration = {
  appId: 'org.jurybox.desktop',
  productName: 'JuryBox',
  directories: {
    // Not dist/: that is the build's own output, which the app is packed from.
    output: 'release',
    buildResources: 'build',
  },
  files: ['package.json', 'dist/electron/**/*', 'dist/renderer/**/*', '!**/.build-stamp', '!**/*.map'],
  // better-sqlite3 ships Node-API binaries that load in Electron as they are; a rebuild for Electron's
  // ABI (electron-rebuild, install-app-deps) silently produces a wrong one, and needs the network.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  asar: true,
  // A native module cannot be loaded from inside the archive.
  asarUnpack: ['node_modules/better-sqlite3/**/*.node'],
  // Electron's fuses, flipped in the binary itself: what no environment variable or argument can undo.
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script.
    runAsNode: false,
    enableCookieEncryption: true,
    // NODE_OPTIONS (--require a script) and --inspect would let another program run code inside the app.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // The app's code is read only from app.asar, and the archive is checked against the hash in the binary.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The UI is served from app://, so file:// pages need no more rights than in a browser.
    grantFileProtocolExtraPrivileges: false,
  },
  fileAssociations,
  // The app icon: electron-builder makes the .ico and .icns of it on the build machine.
  icon: 'icon.png',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  // Assisted installer, for the user alone by default: no administrator rights needed (file
  // associations then live under HKEY_CURRENT_USER). The folder can be changed; both shortcuts made.
  nsis: {
    oneClick: false,
    perMachine: false,
    selectPerMachineByDefault: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'JuryBox',
    // The installer speaks the system's language, Russian or English.
    installerLanguages: ['ru_RU', 'en_US'],
    multiLanguageInstaller: true,
  },
  mac: {
    target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
    category: 'public.app-category.productivity',
    // Notarisation needs the hardened runtime; its one exception is in the entitlements file.
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    // Gatekeeper's verdict comes from Apple's notary service, which runs after signing.
    gatekeeperAssess: false,
    // `notarize` is left out: electron-builder notarises when the signing machine's environment
    // holds Apple's credentials (APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER), and skips it otherwise.
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
      { target: 'rpm', arch: ['x64'] },
    ],
    // Sizes drawn for each (build/icons.ts), rather than one scaled.
    icon: 'icons',
    category: 'Office',
    maintainer: 'JuryBox <jurybox@example.org>',
    vendor: 'JuryBox',
    synopsis: 'Экспертная оценка конкурсов без сети (offline jury scoring)',
    // Also the desktop entry's Comment, so one sentence in each language.
    description: 'Оценка конкурсов экспертными жюри без сети: подписанные результаты, итоги, протокол. Offline scoring for expert juries of contests.',
    // The desktop entry is named after package.json's desktopName, as Electron names its windows.
    syncDesktopName: true,
  },
  // Astra Linux (Debian) takes the deb with electron-builder's own Debian dependencies. RED OS and ALT
  // name packages differently (gtk3 against libgtk+3), so the rpm asks for the libraries by their
  // sonames, which rpm provides alike on every rpm distribution.
  rpm: {
    depends: [
      'libgtk-3.so.0()(64bit)',
      'libnss3.so()(64bit)',
      'libnotify.so.4()(64bit)',
      'libXtst.so.6()(64bit)',
      'libuuid.so.1()(64bit)',
      'libasound.so.2()(64bit)',
      'libgbm.so.1()(64bit)',
      'xdg-utils',
    ],
  },
};

export default config;
