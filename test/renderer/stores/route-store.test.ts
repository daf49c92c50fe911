import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

// The route table lives in the renderer; it is plain code apart from its listener on window.
(globalThis as { window?: unknown }).window = { location: { hash: '' }, addEventListener: () => {} };
const { hrefOf, parseHash } = await import('../../../renderer/stores/route-store.ts');

describe('routes', () => {
  it('reads back every address it writes', () => {
    const routes = [
      { name: 'start' },
      { name: 'contest' },
      { name: 'nomination', nominationId: 'nom-1' },
      { name: 'entries', nominationId: 'nom-1', categoryId: null },
      { name: 'entries', nominationId: 'nom-1', categoryId: 'cat 2' },
      { name: 'entry', entryId: 'e.1' },
      { name: 'organise' },
      { name: 'editNomination', nominationId: null },
      { name: 'editNomination', nominationId: 'nom-1' },
      { name: 'editEntries', nominationId: null },
      { name: 'editEntry', entryId: 'e-1' },
      { name: 'editExperts' },
      { name: 'editExpert', expertId: null },
      { name: 'import', kind: 'experts' },
      { name: 'assignments', nominationId: 'n', categoryId: null },
      { name: 'publish' },
      { name: 'enrolments' },
      { name: 'mine' },
      { name: 'submit' },
      { name: 'key' },
      { name: 'intake' },
      { name: 'coverage', nominationId: null, categoryId: null },
      { name: 'coverage', nominationId: 'nom-1', categoryId: 'cat-2' },
      { name: 'results' },
      { name: 'group', nominationId: 'nom-1', categoryId: null },
      { name: 'group', nominationId: 'nom-1', categoryId: 'cat-2' },
      { name: 'marks', entryId: 'e-1' },
      { name: 'finalise' },
      { name: 'audit' },
      { name: 'venue' },
      { name: 'ceremony' },
    ] as const;
    for (const route of routes) assert.deepEqual(parseHash(hrefOf(route)), route);
  });

  it('takes an unknown address to the start screen', () => {
    assert.deepEqual(parseHash('#/nowhere'), { name: 'start' });
  });
});
