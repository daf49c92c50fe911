import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seeded } from '../../../shared/random.ts';
import { snapToScale } from '../../../shared/scoring/scale.ts';
import { openPackage } from '../package/contest-package.ts';
import { createExpertWorkspace } from '../expert/packages.ts';
import { needsComment, submit } from '../expert/submit.ts';
import { unlockKeyFile } from '../signing/key-file.ts';

/**
 * Two demo projects every expert marks alike, so the demo has a tie for the chair to settle (the
 * project nomination has no tie-break chain).
 */
export const DEMO_TWINS = ['entry-proj-sign', 'entry-proj-post'] as const;
const TWIN_QUALITY = 0.93;

const LOW_MARK_COMMENT = 'Демо-комментарий: по этому критерию заявка заметно слабее других.';

/**
 * Writes one signed result bundle per demo expert into `dir`, made the way an expert makes one: a
 * workspace opened from the contest package, marks given through the scoring service, the bundle
 * signed with the expert's enrolled key. Marks are plausible and varied: each entry has a quality,
 * each expert a severity, each mark a little noise; low marks carry the required comment.
 */
export function writeDemoBundles(options: { packagePath: string; keysDir: string; dir: string; passphrase: string; seed: number; now: string }): string[] {
  const pkg = openPackage(options.packagePath);
  const random = seeded(options.seed);
  const quality = new Map(pkg.payload.contest.entries.map((e) => [e.id, 0.35 + random() * 0.55]));
  for (const id of DEMO_TWINS) quality.set(id, TWIN_QUALITY);
  const [twin, copy] = DEMO_TWINS;
  const work = mkdtempSync(join(tmpdir(), 'jurybox-demo-'));
  mkdirSync(options.dir, { recursive: true });
  const written: string[] = [];
  try {
    for (const expert of pkg.payload.contest.experts) {
      const severity = (random() - 0.5) * 0.24;
      const keyFile = join(options.keysDir, expert.role === 'chair' ? 'chair.key' : `expert-${expert.id}.key`);
      const ws = createExpertWorkspace(join(work, `${expert.id}.sqlite`), pkg, expert.id, options.now);
      try {
        const given = new Map<string, number>();
        for (const item of ws.myEntries()) {
          if (item.status === 'conflict') continue;
          const detail = ws.entry(item.id);
          for (const c of detail.criteria) {
            const share = Math.min(1, Math.max(0, (quality.get(item.id) ?? 0.6) + severity + (random() - 0.5) * 0.2));
            const twinValue = item.id === copy ? given.get(`${twin}/${c.id}`) : undefined;
            const value = twinValue ?? snapToScale(c.scale.min + share * (c.scale.max - c.scale.min), c.scale);
            given.set(`${item.id}/${c.id}`, value);
            ws.setMark({ entryId: item.id, criterionId: c.id, value });
            if (needsComment(c, value)) ws.commentMark({ entryId: item.id, criterionId: c.id, comment: LOW_MARK_COMMENT });
          }
        }
        const key = unlockKeyFile(readFileSync(keyFile, 'utf8'), { passphrase: options.passphrase }, keyFile);
        const path = join(options.dir, `${expert.id}.jbresult`);
        submit(ws, key, { path, draft: false, now: options.now });
        written.push(path);
      } finally {
        ws.close();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return written;
}
