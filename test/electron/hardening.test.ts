import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  appProtocolHandler,
  harden,
  hardenSession,
  navigationAllowed,
  permissionAllowed,
  requestAllowed,
  senderAllowed,
  windowOpenHandler,
  type HardenableContents,
  type HardenableSession,
  type Preventable,
} from '../../electron/hardening.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.ts';
import { repoRoot } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const FOREIGN = ['https://example.org/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'app://jurybox.evil/', 'javascript:alert(1)', 'not a url'];

/** A cancellable event, remembering whether it was cancelled. */
function event(url = ''): Preventable & { url: string; prevented: boolean } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

/** A stand-in for Electron's WebContents that records the listeners and the window-open handler. */
function fakeContents() {
  const listeners = new Map<string, (details: Preventable & { url: string }) => void>();
  let openHandler: (() => { action: string }) | undefined;
  const contents: HardenableContents = {
    on(name: string, listener: (details: Preventable & { url: string }) => void) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url = '') => {
    const e = event(url);
    const listener = listeners.get(name);
    assert.ok(listener, `a listener for ${name}`);
    listener(e);
    return e.prevented;
  };
  return { contents, fire, openWindow: () => openHandler?.() };
}

/** A stand-in for Electron's Session that records every handler hardenSession installs. */
function fakeSession() {
  const handlers: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
    check?: (contents: unknown, permission: string, origin: string) => boolean;
    device?: () => boolean;
    download?: (event: Preventable) => void;
    beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  } = {};
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler) => (handlers.check = handler),
    setDevicePermissionHandler: (handler) => (handlers.device = handler),
    on: (_name, listener) => (handlers.download = listener),
    webRequest: { onBeforeRequest: (listener) => (handlers.beforeRequest = listener) },
  };
  return { session, handlers };
}

describe('desktop hardening', () => {
  it('lets a frame navigate only within the app', () => {
    assert.equal(navigationAllowed('app://jurybox/index.html#/ceremony'), true);
    for (const url of FOREIGN) assert.equal(navigationAllowed(url), false, url);
  });

  it('cancels navigation and redirects away from the app in every frame, new windows and webviews', () => {
    const { contents, fire, openWindow } = fakeContents();
    harden(contents);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      assert.equal(fire(name, 'app://jurybox/index.html?window=ceremony#/ceremony'), false, `${name} within the app`);
      for (const url of FOREIGN) assert.equal(fire(name, url), true, `${name} to ${url}`);
    }
    assert.equal(fire('will-attach-webview'), true);
    assert.deepEqual(openWindow(), { action: 'deny' });
    assert.deepEqual(windowOpenHandler(), { action: 'deny' });
  });

  it('refuses every permission and device, and full screen to anything but the app’s own page', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    const permissions = ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'midiSysex', 'pointerLock', 'hid', 'serial', 'usb', 'display-capture', 'unknown'];
    for (const permission of permissions) {
      let granted: boolean | undefined;
      handlers.request?.({}, permission, (answer) => (granted = answer), { requestingUrl: 'app://jurybox/index.html' });
      assert.equal(granted, false, permission);
      assert.equal(handlers.check?.({}, permission, 'app://jurybox'), false, permission);
    }
    let fullscreen: boolean | undefined;
    handlers.request?.({}, 'fullscreen', (answer) => (fullscreen = answer), { requestingUrl: 'app://jurybox/index.html#/ceremony' });
    assert.equal(fullscreen, true, 'the ceremony may go full screen');
    assert.equal(handlers.check?.({}, 'fullscreen', 'app://jurybox'), true);
    for (const url of FOREIGN) assert.equal(permissionAllowed('fullscreen', url), false, url);
    assert.equal(handlers.device?.(), false);
  });

  it('cancels downloads and every request that is not the app’s own', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    const download = event();
    handlers.download?.(download);
    assert.equal(download.prevented, true);
    const cancelled = (url: string): boolean | undefined => {
      let answer: boolean | undefined;
      handlers.beforeRequest?.({ url }, (response) => (answer = response.cancel));
      return answer;
    };
    for (const url of ['app://jurybox/assets/index.js', 'data:image/png;base64,iVBORw0KGgo=', 'blob:app://jurybox/5d1c', 'devtools://devtools/bundled/inspector.html']) assert.equal(cancelled(url), false, url);
    for (const url of [...FOREIGN, 'wss://example.org/socket', 'ftp://example.org/']) assert.equal(cancelled(url), true, url);
    assert.equal(requestAllowed('https://fonts.googleapis.com/css'), false);
  });

  it('serves IPC calls only from the app’s top-level page', () => {
    assert.equal(senderAllowed({ url: 'app://jurybox/index.html#/venue', parent: null }), true);
    assert.equal(senderAllowed(null), false, 'a frame that is gone');
    assert.equal(senderAllowed({ url: 'app://jurybox/index.html', parent: {} }), false, 'a subframe, even of the app');
    for (const url of FOREIGN) assert.equal(senderAllowed({ url, parent: null }), false, url);
  });

  it('wires every policy in main.ts and ipc.ts, and makes every window from the hardened options', () => {
    // The glue cannot run without Electron; this checks it still hands every object to the policies above.
    const main = readFileSync(join(repoRoot, 'electron/main.ts'), 'utf8');
    assert.match(main, /app\.on\('web-contents-created', \(_event, contents\) => harden\(contents\)\);/);
    assert.match(main, /hardenSession\(electronSession\.defaultSession\);/);
    assert.match(main, /protocol\.handle\(APP_SCHEME, appProtocolHandler\(rendererDir\)\);/);
    assert.match(main, /app\.enableSandbox\(\);/);
    const windows = [...main.matchAll(/new BrowserWindow\((\w+)\(/g)].map((m) => m[1]);
    assert.deepEqual(windows.sort(), ['ceremonyWindowOptions', 'windowOptions'], 'the main window and the ceremony window, nothing else');
    assert.equal(main.split('new BrowserWindow(').length - 1, windows.length, 'no window made from other options');
    assert.match(readFileSync(join(repoRoot, 'electron/ipc.ts'), 'utf8'), /if \(!senderAllowed\(event\.senderFrame\)\) return/);
  });
});

describe('content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...sources]) => [name, sources]));

  it('names each directive once', () => {
    assert.equal(directives.size, CONTENT_SECURITY_POLICY.split(';').length);
  });

  it('loads scripts, styles and connections from the app itself only, with no inline code or eval', () => {
    assert.deepEqual(directives.get('default-src'), ["'none'"], 'anything not listed is refused');
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
    assert.deepEqual(directives.get('style-src'), ["'self'"]);
    assert.deepEqual(directives.get('connect-src'), ["'self'"]);
    assert.deepEqual(directives.get('font-src'), ["'self'"]);
    assert.deepEqual(directives.get('img-src'), ["'self'", 'data:']);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-|nonce-|sha\d+-|strict-dynamic/);
  });

  it('refuses plugins, frames around the app, workers, base URLs and form posts', () => {
    for (const name of ['object-src', 'frame-ancestors', 'worker-src', 'base-uri', 'form-action']) assert.deepEqual(directives.get(name), ["'none'"], name);
  });

  it('names no host, scheme or wildcard anywhere, so nothing can come from elsewhere', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) assert.ok(["'self'", "'none'"].includes(source) || (name === 'img-src' && source === 'data:'), `${name} ${source}`);
    }
  });

  it('is sent with every file and every refusal of the app:// protocol', async (t) => {
    const rendererDir = join(tempDir(t), 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>JuryBox</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(rendererDir, '..', 'secret.txt'), 'not for the window');
    const serve = appProtocolHandler(rendererDir);
    const page = await serve({ url: 'app://jurybox/index.html' });
    assert.equal(page.status, 200);
    assert.equal(await page.text(), '<!doctype html><title>JuryBox</title>');
    assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    const script = await serve({ url: 'app://jurybox/assets/app.js' });
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    for (const url of ['app://jurybox/missing.js', 'app://other/index.html', 'app://jurybox/..%2fsecret.txt', 'app://jurybox/%2e%2e/secret.txt']) {
      const refused = await serve({ url });
      assert.equal(refused.status, 404, url);
      assert.equal(refused.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
      assert.doesNotMatch(await refused.text(), /not for the window/);
    }
  });
});
