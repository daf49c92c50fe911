import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { createDispatcher } from '../../../electron/api/dispatch.ts';
import { Session } from '../../../electron/api/session.ts';
import { startHost, type RunningHost } from '../../../electron/host/server.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../electron/security.ts';
import { AppData } from '../../../electron/services/app-data.ts';
import { KeyStore } from '../../../electron/services/keys/key-store.ts';
import { tempDir } from '../../helpers/temp.ts';

const SMALL_CAP = 64 * 1024;

async function host(t: TestContext): Promise<RunningHost> {
  const dir = tempDir(t);
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>JuryBox</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  const session = new Session({ appData: new AppData(join(dir, 'home')), keyStore: new KeyStore(join(dir, 'home', 'keys')), version: '1.2.3' });
  const running = await startHost({ dispatch: createDispatcher(session.handlers()), rendererDir, maxBodyBytes: SMALL_CAP });
  t.after(async () => {
    await running.close();
    session.close();
  });
  return running;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests control every header (fetch would set Host itself). */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (running: RunningHost, channel: string, body: string, headers: Record<string, string> = {}) =>
  send(running.port, `/api/${channel}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${running.token}`, ...headers } });

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints an address with a long random token', async (t) => {
    const running = await host(t);
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    const other = await host(t);
    assert.notEqual(other.token, running.token);
  });

  it('answers 401 to an API call without the token or with a wrong one', async (t) => {
    const running = await host(t);
    const without = await send(running.port, '/api/app:info', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    assert.equal(without.status, 401);
    assert.equal(JSON.parse(without.body).error.code, 'error.unauthorized');
    const wrong = await api(running, 'app:info', '{}', { Authorization: `Bearer ${'x'.repeat(running.token.length)}` });
    assert.equal(wrong.status, 401);
  });

  it('serves the API with the token', async (t) => {
    const running = await host(t);
    const answer = await api(running, 'app:info', '{}');
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), { ok: true, value: { version: '1.2.3', canPickFiles: false, canOpenWindows: false } });
  });

  it('refuses requests that name another host (DNS rebinding)', async (t) => {
    const running = await host(t);
    const answer = await send(running.port, '/', { headers: { Host: `evil.example:${running.port}` } });
    assert.equal(answer.status, 421);
  });

  it('refuses bodies over the cap, bodies that are not JSON, and the wrong content type', async (t) => {
    const running = await host(t);
    assert.equal((await api(running, 'app:info', 'x'.repeat(SMALL_CAP + 1))).status, 413);
    assert.equal((await api(running, 'app:info', '{not json')).status, 400);
    assert.equal((await api(running, 'app:info', '{}', { 'Content-Type': 'text/plain' })).status, 415);
    assert.equal((await api(running, 'nothing:here', '{}')).status, 404);
  });

  it('serves the UI with the CSP and other security headers', async (t) => {
    const running = await host(t);
    const page = await send(running.port, '/');
    assert.equal(page.status, 200);
    assert.match(page.body, /<title>JuryBox<\/title>/);
    assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.equal(page.headers['permissions-policy'], SECURITY_HEADERS['Permissions-Policy']);
    assert.match(page.headers['permissions-policy'] as string, /camera=\(\), microphone=\(\), geolocation=\(\)/);
    const script = await send(running.port, '/assets/app.js');
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
  });

  it('sends the same headers with every answer, API replies and refusals included', async (t) => {
    const running = await host(t);
    const answers = {
      script: await send(running.port, '/assets/app.js'),
      missing: await send(running.port, '/nothing.js'),
      rebinding: await send(running.port, '/', { headers: { Host: 'evil.example' } }),
      api: await api(running, 'app:info', '{}'),
      unauthorized: await api(running, 'app:info', '{}', { Authorization: 'Bearer no' }),
    };
    for (const [name, answer] of Object.entries(answers)) {
      for (const [header, value] of Object.entries(SECURITY_HEADERS)) assert.equal(answer.headers[header.toLowerCase()], value, `${name}: ${header}`);
    }
  });

  it('never serves a file outside the UI folder', async (t) => {
    const running = await host(t);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const answer = await send(running.port, path);
      assert.equal(answer.status, 404, path);
      assert.doesNotMatch(answer.body, /not for the browser/);
    }
  });
});
