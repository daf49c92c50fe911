// electron-builder's configuration (`npm run dist`). It ships the built app only: the main process,
// preload and UI from dist/, package.json, and the runtime dependencies electron-builder adds itself.
// Targets per platform and signing belong to the installers; the fuses below hold for every one.
import type { Configuration } from 'electron-builder';

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
};

export default config;
