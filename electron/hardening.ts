// The desktop app's security policies, as pure functions over the few members of Electron's objects
// they touch, so that tests hand them fakes under plain Node and main.ts only wires them.
import { readStatic } from './host/static-files.ts';
import { SECURITY_HEADERS } from './security.ts';
import { isAppUrl } from './window-options.ts';

/** Whether a frame may go to `url`: only to the app's own pages (app://jurybox). */
export const navigationAllowed = (url: string): boolean => isAppUrl(url);

// The schemes the renderer itself needs besides the app's own origin: images inlined as data: URLs
// (img-src allows them), blobs it made, and the developer tools' own pages.
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', 'chrome-extension:']);

/**
 * Whether the session lets a request through. The CSP already refuses anything but the app's own
 * files; this is a second wall below it, so a request the CSP does not govern (a navigation, a
 * redirect, a bug in a directive) still never reaches the network or the disk.
 */
export function requestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true;
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Whether a page may have a permission (camera, microphone, notifications, geolocation, opening
 * links in other programs, clipboard, devices…): none, with one exception. Electron routes the
 * HTML Fullscreen API through the same handler, and the ceremony's full-screen button needs it;
 * it is granted to the app's own pages only. Refusing it would leave requestFullscreen() pending
 * forever rather than failing (electron/electron#37719).
 */
export function permissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'fullscreen' && isAppUrl(requestingUrl);
}

/** Every window.open and target=_blank: refused (the ceremony window is opened by the main process). */
export const windowOpenHandler = (): { action: 'deny' } => ({ action: 'deny' });

/** The frame an IPC call came from, as much of Electron's WebFrameMain as the check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Whether an IPC call is served: only from the top-level frame of a page of the app. A frame
 * that is gone (null), a subframe, or a page from anywhere else gets `error.unauthorized`.
 */
export function senderAllowed(frame: SenderFrame | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** An Electron event that can be cancelled. */
export interface Preventable {
  preventDefault(): void;
}

/** As much of a WebContents as `harden` uses; Electron's WebContents satisfies it. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (details: Preventable & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * Every web contents (windows, and anything Chromium creates): no navigation or redirect away
 * from the app in any frame, no new windows, no webviews.
 */
export function harden(contents: HardenableContents): void {
  const stayInApp = (details: Preventable & { url: string }): void => {
    if (!navigationAllowed(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler);
}

/** As much of an Electron Session as `hardenSession` uses; Electron's Session satisfies it. */
export interface HardenableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: Preventable) => void): unknown;
  webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
}

/**
 * The session every window uses: permissions and device access refused (fullscreen aside, see
 * permissionAllowed), downloads refused, and every request that is not the app's own cancelled.
 */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !requestAllowed(details.url) }));
}

/**
 * The app:// protocol: the built UI's files, each with the security headers (the CSP among them),
 * and a 404 (with the same headers) for anything else, another host under the scheme included.
 */
export function appProtocolHandler(rendererDir: string): (request: { url: string }) => Promise<Response> {
  return async (request) => {
    const file = isAppUrl(request.url) ? await readStatic(rendererDir, new URL(request.url).pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
  };
}
