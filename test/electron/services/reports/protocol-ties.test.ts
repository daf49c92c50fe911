import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { mergedPayload, standingFromFiles, writeMerged } from '../../../../electron/services/chair/merge.ts';
import { bundleFiles } from '../../../../electron/cli/commands/merge.ts';
import { openPackage } from '../../../../electron/services/package/contest-package.ts';
import { renderResults } from '../../../../electron/services/reports/render.ts';
import { unlockKeyFile } from '../../../../electron/services/signing/key-file.ts';
import { openResultsFile, type VenueResults } from '../../../../electron/services/venue/results-file.ts';
import { translate, type Lang } from '../../../../shared/i18n/index.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { demoResults } from './demo-results.ts';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
const skip = poppler ? false : 'pdftotext (poppler-utils) is not installed';

/** The protocol's text as pdftotext reads it back, on one line. */
async function protocolText(t: TestContext, results: VenueResults, lang: Lang): Promise<string> {
  const path = join(tempDir(t), `protocol-${lang}.pdf`);
  writeFileSync(path, await renderResults(results, 'pdf', { lang, present: null }));
  const run = spawnSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.replace(/\s+/g, ' ');
}

describe('the protocol on ties', { skip }, () => {
  const demo = demoResults();

  /** The demo's results signed with the project nomination's tie left open, as `merge` once signed them. */
  function signedWithOpenTie(t: TestContext): VenueResults {
    const { dir, files } = demo();
    const pkg = openPackage(files.package);
    const { bundles } = standingFromFiles([pkg], bundleFiles([join(dir, 'bundles')]));
    const key = unlockKeyFile(readFileSync(join(files.keys, 'chair.key'), 'utf8'), { passphrase: 'demo' }, 'chair.key');
    const payload = mergedPayload({ packages: [pkg], bundles, confirmedKeys: new Map(), ties: [] }, { name: 'Председатель', publicKey: key.publicKey }, '2026-09-30T12:00:00.000Z');
    const path = writeMerged(payload, key, join(tempDir(t), 'open.jbmerged')).path;
    const results = openResultsFile(path);
    assert.equal(results.view.groups.flatMap((g) => g.unresolvedTies).length, 1);
    return results;
  }

  for (const lang of ['ru', 'en'] as const) {
    it(`says a tie is open, by group, place and names, and never that no decision was needed (${lang})`, async (t) => {
      const text = await protocolText(t, signedWithOpenTie(t), lang);
      assert.ok(!text.includes(translate(lang, 'report.ties.none')), 'the protocol says no decision was needed');
      const titles = ['Мобильный МФЦ в почтовых отделениях (демо)', 'Услуги на русском жестовом языке (демо)'].map((text) => translate(lang, 'report.quoted', { text })).join(', ');
      const open = translate(lang, 'report.ties.open', { group: 'Лучший проект МФЦ', place: '1', titles });
      assert.ok(text.includes(open), `the protocol says «${open}»:\n${text}`);
      assert.ok(text.includes(translate(lang, 'report.ties.openIntro')));
    });
  }

  it('lists the chair’s decision where the tie was decided, and says nothing is open', async (t) => {
    const text = await protocolText(t, demo().results, 'ru');
    assert.ok(!text.includes(translate('ru', 'report.ties.none')));
    assert.ok(text.includes(translate('ru', 'report.ties.intro')));
    assert.ok(!text.includes('Равенство не решено'));
  });
});
