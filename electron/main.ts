// The Electron main process: the app's lifecycle, its window and the ceremony's. Everything the window can do
// goes through the API (electron/api), served here over IPC.
import { app, BrowserWindow, dialog, protocol, safeStorage, screen, session as electronSession } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLang, isLang, translate } from '../shared/i18n/index.ts';
import { createDispatcher } from './api/dispatch.ts';
import { Session } from './api/session.ts';
import { appProtocolHandler, harden, hardenSession } from './hardening.ts';
import { registerIpc } from './ipc.ts';
import { AppData, defaultDataDir } from './services/app-data.ts';
import { KeyStore } from './services/keys/key-store.ts';
import { OpenedFiles } from './services/opened-files.ts';
import type { SecretBox } from './services/signing/key-file.ts';
import { APP_ORIGIN, APP_SCHEME, ceremonyDisplay, ceremonyWindowOptions, windowOptions } from './window-options.ts';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let ceremonyWindow: BrowserWindow | null = null;

/**
 * Files the system handed over (a double-click on a .jbresult, "Open with"): on the command line on
 * Windows and Linux, as `open-file` events on macOS. The window asks for them when it loads and when
 * it regains focus. Under a bare Electron (`electron . FILE`) the app's folder comes before the files.
 */
const openedFiles = new OpenedFiles();
const programArgs = process.defaultApp ? 2 : 1;
openedFiles.addFromCommandLine(process.argv, { skip: programArgs, cwd: process.cwd() });

/**
 * Electron's safeStorage as a SecretBox, where the OS offers a real keystore (Keychain, DPAPI,
 * the Secret Service or KWallet). Linux's "basic_text" fallback is no keystore: keys made there
 * are sealed by a passphrase instead.
 */
function osKeystore(): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

/**
 * The window asks before it closes or reloads with marks not saved (the renderer's beforeunload).
 * Electron would silently keep it open; the question is the system's dialog, in the system's
 * language when JuryBox speaks it (the renderer's choice is not known here).
 */
function askBeforeUnload(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const lang = app.getPreferredSystemLanguages().map((l) => l.slice(0, 2)).find(isLang) ?? defaultLang;
    const leave = translate(lang, 'leave.go');
    const stay = translate(lang, 'leave.stay');
    const choice = dialog.showMessageBoxSync(window, { type: 'question', buttons: [stay, leave], defaultId: 0, cancelId: 0, message: translate(lang, 'leave.title'), detail: translate(lang, 'leave.unload') });
    if (choice === 1) event.preventDefault();
  });
}

function createWindow(): void {
  const window = new BrowserWindow(windowOptions(join(here, 'preload.cjs'), 'JuryBox'));
  askBeforeUnload(window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  mainWindow = window;
}

/** The ceremony in a window of its own, full screen on a second display (a projector) when there is one. */
function openCeremonyWindow(): void {
  if (ceremonyWindow) {
    ceremonyWindow.focus();
    return;
  }
  const appDisplay = mainWindow ? screen.getDisplayMatching(mainWindow.getBounds()) : screen.getPrimaryDisplay();
  const display = ceremonyDisplay(screen.getAllDisplays(), appDisplay.id);
  const window = new BrowserWindow(ceremonyWindowOptions(join(here, 'preload.cjs'), 'JuryBox', display));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    ceremonyWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html?window=ceremony#/ceremony`);
  ceremonyWindow = window;
}

// Every web contents: no navigation away from the app, no new windows, no webviews (hardening.ts).
app.on('web-contents-created', (_event, contents) => harden(contents));

/** Brings the app's window to the front, or opens it again (macOS keeps running with none). */
function showMainWindow(): void {
  if (!app.isReady()) return;
  if (!mainWindow) return createWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

// macOS sends files as events, the first ones before the app is ready: listen from the start.
app.on('open-file', (event, path) => {
  event.preventDefault();
  openedFiles.add(path);
  showMainWindow();
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows and Linux start a second copy with the file on its command line; it hands it here and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openedFiles.addFromCommandLine(argv, { skip: programArgs, cwd: workingDirectory });
    showMainWindow();
  });

  void app.whenReady().then(() => {
    // Before any window exists: permissions, downloads and foreign requests refused (hardening.ts).
    hardenSession(electronSession.defaultSession);
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));

    // JURYBOX_HOME (tests, portable use) wins over Electron's per-user folder, as in the CLI.
    const appData = new AppData(process.env.JURYBOX_HOME ? defaultDataDir() : app.getPath('userData'));
    const session = new Session({
      appData,
      keyStore: new KeyStore(appData.keysDir, osKeystore()),
      version: app.getVersion(),
      pickFile: async () => {
        const options = { properties: ['openFile' as const], filters: [{ name: 'JuryBox', extensions: ['sqlite'] }] };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      openCeremonyWindow,
      openedFiles,
    });
    registerIpc(createDispatcher(session.handlers()));
    app.on('will-quit', () => session.close());
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
