import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResultBundle } from '../../../shared/formats/payloads.ts';
import { judgeBundle } from '../../../electron/services/bundles/judge.ts';
import { checkBundleContent } from '../../../electron/services/bundles/rules.ts';
import { judgeContext } from '../../../electron/services/chair/intake.ts';
import { checkSignature, parsePayload, readEnvelope } from '../../../electron/services/signing/envelope.ts';
import { publicKeyFromBase64 } from '../../../electron/services/signing/keys.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { now, summarise, type Summary } from '../stats.ts';

export interface VerifyResult {
  bundles: number;
  accepted: number;
  firstRefusal: string | null;
  /** judgeBundle per file (read from disk, envelope, signature, payload, content rules), one file at a time. */
  perBundle: Summary;
  /** The same steps called one by one on the first files, to say where a bundle's time goes. */
  split: { files: number; readEnvelope: number; checkSignature: number; parsePayload: number; checkBundleContent: number; judgeBundle: number };
}

const SPLIT_FILES = 50;

/**
 * Verifies every bundle file the way the chair's import judges it (judgeBundle with the chair's
 * packages and keys), streaming: one file in memory at a time.
 */
export function verifyPhase(args: { chairPath: string; bundlesDir: string }): VerifyResult {
  const ws = Workspace.open(args.chairPath);
  try {
    const ctx = judgeContext(ws.db);
    const files = readdirSync(args.bundlesDir).filter((f) => f.endsWith('.jbresult')).sort();
    const times: number[] = [];
    let accepted = 0;
    let firstRefusal: string | null = null;
    const split = { files: 0, readEnvelope: 0, checkSignature: 0, parsePayload: 0, checkBundleContent: 0, judgeBundle: 0 };
    const pkg = ctx.packages.at(-1);
    const roster = new Map((pkg?.payload.roster ?? []).map((r) => [r.expertId, publicKeyFromBase64(r.publicKey)]));
    for (const [i, file] of files.entries()) {
      const start = now();
      const bytes = readFileSync(join(args.bundlesDir, file));
      const verdict = judgeBundle(ctx, bytes, file);
      const ms = now() - start;
      times.push(ms);
      if (verdict.status === 'accepted') accepted += 1;
      else firstRefusal ??= `${file}: ${verdict.reason?.code ?? verdict.status} ${JSON.stringify(verdict.reason?.params ?? {})}`;
      if (i < SPLIT_FILES && pkg && verdict.expertId) {
        const key = roster.get(verdict.expertId);
        if (!key) continue;
        split.files += 1;
        split.judgeBundle += ms;
        let t = now();
        const envelope = readEnvelope(bytes, file, 'result');
        split.readEnvelope += now() - t;
        t = now();
        checkSignature(envelope, key, file);
        split.checkSignature += now() - t;
        t = now();
        const bundle = parsePayload(envelope, ResultBundle, file);
        split.parsePayload += now() - t;
        t = now();
        checkBundleContent(bundle, pkg.payload.contest, file);
        split.checkBundleContent += now() - t;
      }
      if ((i + 1) % 100 === 0) process.stderr.write(`  verify: ${i + 1} of ${files.length}\n`);
    }
    return { bundles: files.length, accepted, firstRefusal, perBundle: summarise(times), split };
  } finally {
    ws.close();
  }
}
