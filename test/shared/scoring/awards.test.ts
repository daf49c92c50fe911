import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { awardEntries, awardsOfGroup } from '../../../shared/scoring/awards.ts';

const ranked = (rows: [string, number, number][]) => rows.map(([entryId, place, normalised]) => ({ entryId, place, normalised }));
const awardsOf = (map: ReturnType<typeof awardEntries>) => [...map].map(([id, a]) => `${id}:${a === null ? '-' : a.kind === 'place' ? a.place : 'L'}`);

describe('awards', () => {
  it('give prize places 1 to n, shared places shared, and nothing else without laureates', () => {
    const got = awardEntries(ranked([['a', 1, 90], ['b', 2, 80], ['c', 2, 80], ['d', 4, 70], ['e', 5, 60]]), { places: 3, laureates: { kind: 'none' } });
    assert.deepEqual(awardsOf(got), ['a:1', 'b:2', 'c:2', 'd:-', 'e:-']);
  });

  it('name the next n as laureates, and whoever shares the last laureate’s place too', () => {
    const got = awardEntries(ranked([['a', 1, 90], ['b', 2, 80], ['c', 3, 75], ['d', 3, 75], ['e', 5, 60], ['f', 6, 50]]), { places: 2, laureates: { kind: 'count', count: 1 } });
    assert.deepEqual(awardsOf(got), ['a:1', 'b:2', 'c:L', 'd:L', 'e:-', 'f:-']);
  });

  it('name every entry at or above the threshold after the places, and all of the rest when the count exceeds them', () => {
    const list = ranked([['a', 1, 90], ['b', 2, 70], ['c', 3, 69.999999], ['d', 4, 10]]);
    assert.deepEqual(awardsOf(awardEntries(list, { places: 1, laureates: { kind: 'threshold', score: 70 } })), ['a:1', 'b:L', 'c:-', 'd:-']);
    assert.deepEqual(awardsOf(awardEntries(list, { places: 1, laureates: { kind: 'count', count: 10 } })), ['a:1', 'b:L', 'c:L', 'd:L']);
  });

  it('use a category’s own awards, else the nomination’s', () => {
    const nomination = { awards: { places: 3, laureates: { kind: 'none' as const } }, categories: [{ id: 'big', awards: { places: 1, laureates: { kind: 'none' as const } } }, { id: 'small', awards: null }] };
    assert.equal(awardsOfGroup(nomination, 'big').places, 1);
    assert.equal(awardsOfGroup(nomination, 'small').places, 3);
    assert.equal(awardsOfGroup(nomination, null).places, 3);
  });
});
