import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ceremonyDisplay, ceremonyWindowOptions, isAppUrl, windowOptions } from '../../electron/window-options.ts';

describe('desktop window', () => {
  it('runs the UI sandboxed, isolated and without Node, per the Electron security checklist', () => {
    const prefs = windowOptions('/app/preload.cjs', 'JuryBox').webPreferences ?? {};
    assert.equal(prefs.preload, '/app/preload.cjs');
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.experimentalFeatures, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.navigateOnDragDrop, false, 'a file dropped on the window is handled by the page, never opened in its place');
  });

  it('treats only the app’s own origin as the app', () => {
    assert.equal(isAppUrl('app://jurybox/index.html#/contest'), true);
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://other/index.html', 'app://jurybox.evil/', 'not a url']) {
      assert.equal(isAppUrl(url), false, url);
    }
  });

  it('puts the ceremony full screen on another display when there is one, with the same sandbox', () => {
    const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
    const projector = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };
    assert.equal(ceremonyDisplay([laptop, projector], 1), projector);
    assert.equal(ceremonyDisplay([laptop, projector], 2), laptop);
    assert.equal(ceremonyDisplay([laptop], 1), laptop);
    const options = ceremonyWindowOptions('/app/preload.cjs', 'JuryBox', projector);
    assert.equal(options.fullscreen, true);
    assert.equal(options.x, 1440);
    assert.deepEqual(options.webPreferences, windowOptions('/app/preload.cjs', 'JuryBox').webPreferences);
  });
});
