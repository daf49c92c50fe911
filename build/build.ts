// Builds what is stale: the renderer (Vite) and the Electron main process and preload (esbuild).
// Usage: node build/build.ts [renderer|electron ...] [--force]
// A target is rebuilt only when the hash of its inputs differs from the one stamped in its output,
// so `npm start`, `npm test` and `jurybox serve` can call it every time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../electron/security.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const distDir = join(root, 'dist');

interface Target {
  name: 'renderer' | 'electron';
  inputs: string[];
  out: string;
  build(): Promise<void>;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((d) => d.name !== 'node_modules' && !d.name.startsWith('.'))
    .flatMap((d) => filesUnder(join(path, d.name)));
}

/** A hash of every input's path and bytes: unlike mtimes, it survives a fresh clone. */
function hashOf(inputs: string[]): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(filesUnder).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const common = ['shared', 'package-lock.json', 'build/build.ts', 'electron/security.ts'].map((p) => join(root, p));

/**
 * The CSP also travels inside index.html, so it holds however the page is loaded; both hosts send it
 * as a header too. frame-ancestors is header-only (a meta tag cannot carry it).
 */
export const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

const targets: Target[] = [
  {
    name: 'renderer',
    inputs: [join(root, 'renderer'), ...common],
    out: join(distDir, 'renderer'),
    async build() {
      const { build } = await import('vite');
      const { default: react } = await import('@vitejs/plugin-react');
      await build({
        root: join(root, 'renderer'),
        base: './',
        configFile: false,
        logLevel: 'warn',
        plugins: [
          react(),
          {
            name: 'jurybox-csp',
            transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy }, injectTo: 'head-prepend' }],
          },
        ],
        build: { outDir: join(distDir, 'renderer'), emptyOutDir: true, target: 'es2023', modulePreload: { polyfill: false } },
      });
    },
  },
  {
    name: 'electron',
    inputs: [join(root, 'electron'), ...common],
    out: join(distDir, 'electron'),
    async build() {
      const esbuild = await import('esbuild');
      const shared = { bundle: true, platform: 'node', target: 'node22', logLevel: 'warning', legalComments: 'none' } as const;
      await esbuild.build({
        ...shared,
        entryPoints: [join(root, 'electron/main.ts')],
        outfile: join(distDir, 'electron/main.mjs'),
        format: 'esm',
        // better-sqlite3 loads its native binary from its own folder, so it stays a real dependency.
        external: ['electron', 'better-sqlite3'],
        banner: { js: "import { createRequire as __jbRequire } from 'node:module'; const require = __jbRequire(import.meta.url);" },
      });
      // The thread that judges result bundles during a large import (electron/services/bundles/judge-ahead.ts looks for it next to main.mjs).
      await esbuild.build({
        ...shared,
        entryPoints: [join(root, 'electron/services/bundles/judge-worker.ts')],
        outfile: join(distDir, 'electron/judge-worker.mjs'),
        format: 'esm',
        external: ['electron', 'better-sqlite3'],
        banner: { js: "import { createRequire as __jbRequire } from 'node:module'; const require = __jbRequire(import.meta.url);" },
      });
      // A sandboxed preload may require nothing but 'electron': everything else is bundled, as CommonJS.
      await esbuild.build({
        ...shared,
        entryPoints: [join(root, 'electron/preload.ts')],
        outfile: join(distDir, 'electron/preload.cjs'),
        format: 'cjs',
        external: ['electron'],
      });
    },
  },
];

/** Builds the named targets (all by default) whose inputs changed; returns the names built. */
export async function buildStale(names: string[] = [], options: { force?: boolean } = {}): Promise<string[]> {
  const built: string[] = [];
  for (const target of targets.filter((t) => names.length === 0 || names.includes(t.name))) {
    const stampFile = join(target.out, '.build-stamp');
    const hash = hashOf(target.inputs);
    if (!options.force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) continue;
    process.stderr.write(`Building ${target.name}…\n`);
    await target.build();
    mkdirSync(target.out, { recursive: true });
    writeFileSync(stampFile, hash);
    built.push(target.name);
  }
  return built;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  await buildStale(args.filter((a) => !a.startsWith('--')), { force: args.includes('--force') });
}
