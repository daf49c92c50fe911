import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../security.ts';
import { errorPayload } from '../../shared/errors.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { logError } from '../services/log.ts';
import { readStatic } from './static-files.ts';

/** Larger request bodies are refused before they are read whole: a 64 MiB contest package in base64, and some room. */
export const MAX_BODY_BYTES = 96 * 1024 * 1024;

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Fixed token for tests; by default a fresh random one per start. */
  token?: string;
  /** Request bodies over this many bytes are refused (MAX_BODY_BYTES unless given). */
  maxBodyBytes?: number;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function sameToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser host: the same API as the desktop app, over `POST /api/<channel>`, and the built UI.
 * It binds 127.0.0.1 only; every API call must carry the session token; requests naming another
 * host (DNS rebinding) are refused.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let allowedHosts = new Set<string>();

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: errorPayload('error.unknownChannel', { channel }) });
    if (!sameToken(req.headers.authorization, token)) return sendJson(res, 401, { ok: false, error: errorPayload('error.unauthorized') });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: errorPayload('error.invalidInput', { channel, issues: 'expected application/json' }) });
    }
    let input: unknown;
    try {
      const body = await readBody(req, limit);
      input = body === '' ? {} : JSON.parse(body);
    } catch (error) {
      const issues = error instanceof BodyTooLarge ? `the request is over ${limit} bytes` : 'the body is not valid JSON';
      return sendJson(res, error instanceof BodyTooLarge ? 413 : 400, { ok: false, error: errorPayload('error.invalidInput', { channel, issues }) });
    }
    const reply = await options.dispatch(channel, input);
    sendJson(res, !reply.ok && reply.error.code === 'error.unknownChannel' ? 404 : 200, reply);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    const file = await readStatic(options.rendererDir, path);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    // Hashed asset names change with their content, so only index.html must never be cached.
    const cache: Record<string, string> = path.startsWith('/assets/') ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {};
    send(res, 200, req.method === 'HEAD' ? '' : file.body, file.contentType, cache);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logError('host', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: errorPayload('error.internal', { message: String(error) }) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
