import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppUrl, windowOptions } from '../../electron/window-options.ts';

describe('desktop window', () => {
  it('runs the UI sandboxed, isolated and without Node, per the Electron security checklist', () => {
    const prefs = windowOptions('/app/preload.cjs', 'JuryBox').webPreferences ?? {};
    assert.equal(prefs.preload, '/app/preload.cjs');
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
  });

  it('treats only the app’s own origin as the app', () => {
    assert.equal(isAppUrl('app://jurybox/index.html#/contest'), true);
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://other/index.html', 'app://jurybox.evil/', 'not a url']) {
      assert.equal(isAppUrl(url), false, url);
    }
  });
});
