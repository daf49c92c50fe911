import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative } from 'node:path';
import { contentTypeOf } from '../security.ts';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads a file of the built UI by its URL path, or returns null. Paths that would leave the
 * folder (../, encoded or not) are refused, not resolved.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const path = normalize(join(root, wanted));
  const inside = relative(root, path);
  if (inside.startsWith('..') || isAbsolute(inside)) return null;
  try {
    return { body: await readFile(path), contentType: contentTypeOf(path) };
  } catch {
    return null;
  }
}
