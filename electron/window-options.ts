import type { BrowserWindowConstructorOptions } from 'electron';

/** The only origin the desktop window may show: the built UI, served by the app:// protocol. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'jurybox';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The main window's options, following Electron's security checklist: the renderer gets no Node,
 * runs sandboxed in an isolated context, and reaches the main process only through the preload.
 * Kept apart from the glue so tests can assert them under plain Node.
 */
export function windowOptions(preloadPath: string, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

export interface DisplayArea {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * Where the ceremony window goes: the first display that is not the one the app is on (the
 * projector), else the app's own display.
 */
export function ceremonyDisplay(displays: readonly DisplayArea[], appDisplayId: number): DisplayArea | undefined {
  return displays.find((d) => d.id !== appDisplayId) ?? displays.find((d) => d.id === appDisplayId);
}

/** The ceremony window: full screen on the chosen display, dark, with the same security settings as the main window. */
export function ceremonyWindowOptions(preloadPath: string, title: string, display: DisplayArea | undefined): BrowserWindowConstructorOptions {
  const base = windowOptions(preloadPath, title);
  return {
    ...base,
    ...(display ? { x: display.bounds.x, y: display.bounds.y, width: display.bounds.width, height: display.bounds.height } : {}),
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#101418',
  };
}

/**
 * Whether a URL belongs to the app itself (navigation anywhere else is refused). Compared by scheme
 * and host: Node's URL gives every non-special scheme the origin "null".
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
