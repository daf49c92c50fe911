/**
 * The Content-Security-Policy both hosts send with the UI (and build/build.ts puts into index.html).
 * Scripts and styles come only from the app itself; nothing is fetched from anywhere else, ever (the
 * app works offline by design). default-src is 'none', stricter than 'self': whatever is not listed
 * (frames, media, manifests) is refused. Style attributes set by React go through the CSSOM, which
 * style-src does not restrict.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Workers would fall back to script-src; the UI starts none.
  "worker-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers sent with every response of the UI, in both hosts. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // The browser host's counterpart of the desktop app's permission handler: nothing the UI never asks
  // for, and full screen (the ceremony) for the app's own page only.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), display-capture=(), usb=(), serial=(), hid=(), midi=(), payment=(), fullscreen=(self)',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const contentTypeOf = (path: string): string => CONTENT_TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
