import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RankedEntry } from '../../../../shared/domain/venue.ts';
import { actionOf, LAUREATES_ONE_BY_ONE, moveTo, newestOf, positionFrom, revealsOf, stepsOf, type KeyPress, type Reveal } from '../../../../renderer/screens/venue/slides.ts';

type Award = RankedEntry['award'];

/** A ranked entry: only the title and the award matter to the order of the ceremony. */
function entry(title: string, award: Award, place = 1): RankedEntry {
  return { entryId: title, title, organisation: '', region: '', applicationNo: null, place, score: 50, normalised: 50, evaluations: 3, decidedBy: 'score', tiedWith: [], award };
}
const placeAward = (place: number): Award => ({ kind: 'place', place });
const laureate: Award = { kind: 'laureate' };

/** A reveal as "award: titles", for readable comparisons. */
const said = (r: Reveal): string => `${r.award.kind === 'place' ? r.award.place : 'L'}: ${r.entries.map((e) => e.title).join(', ')}`;

const press = (key: string, code = '', more: Partial<KeyPress> = {}): KeyPress => ({ key, code, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...more });

describe('the order of the ceremony', () => {
  it('reveals laureates first, the lowest-ranked first, then third, second and the winner last', () => {
    const ranked = [entry('A', placeAward(1)), entry('B', placeAward(2)), entry('C', placeAward(3)), entry('D', laureate), entry('E', laureate), entry('F', null)];
    assert.deepEqual(revealsOf({ ranked }).map(said), ['L: E', 'L: D', '3: C', '2: B', '1: A']);
  });

  it(`reveals more than ${LAUREATES_ONE_BY_ONE} laureates in one press, in ranking order`, () => {
    const laureates = ['D', 'E', 'F', 'G'].map((t) => entry(t, laureate));
    assert.deepEqual(revealsOf({ ranked: [entry('A', placeAward(1)), ...laureates] }).map(said), ['L: D, E, F, G', '1: A']);
  });

  it('reveals entries sharing a place together', () => {
    const ranked = [entry('A', placeAward(1)), entry('B', placeAward(1)), entry('C', placeAward(3))];
    assert.deepEqual(revealsOf({ ranked }).map(said), ['3: C', '1: A, B']);
  });

  it('reveals nothing in a group without ranked entries or without awards', () => {
    assert.deepEqual(revealsOf({ ranked: [] }), []);
    assert.deepEqual(revealsOf({ ranked: [entry('A', null)] }), []);
  });

  it('opens, gives every group its title and one step per reveal, and closes', () => {
    const groups = [{ ranked: [entry('A', placeAward(1)), entry('B', placeAward(2))] }, { ranked: [] }, { ranked: [entry('C', placeAward(1)), entry('D', laureate)] }];
    const steps = stepsOf({ groups });
    const shape = steps.map((s) => (s.kind === 'group' ? `${s.group}/${s.shown}` : s.kind));
    assert.deepEqual(shape, ['opening', '0/0', '0/1', '0/2', '1/0', '2/0', '2/1', '2/2', 'closing']);
    assert.equal(newestOf(steps[3]!)?.entries[0]?.title, 'A');
    assert.equal(newestOf(steps[6]!)?.entries[0]?.title, 'D');
    assert.equal(newestOf(steps[1]!), null);
    assert.equal(newestOf(steps[0]!), null);
  });
});

describe('keys', () => {
  it('moves on with →, Space, PageDown and Enter, and back with ←, PageUp, Backspace and Shift+Space', () => {
    for (const key of ['ArrowRight', ' ', 'PageDown', 'Enter']) assert.equal(actionOf(press(key)), 'next', key);
    for (const key of ['ArrowLeft', 'PageUp', 'Backspace']) assert.equal(actionOf(press(key)), 'previous', key);
    assert.equal(actionOf(press(' ', 'Space', { shiftKey: true })), 'previous');
    assert.equal(actionOf(press('Home')), 'first');
    assert.equal(actionOf(press('End')), 'last');
    assert.equal(actionOf(press('Escape')), 'escape');
  });

  it('reads letters by their place, so they work on a Russian layout', () => {
    assert.equal(actionOf(press('ы', 'KeyS')), 'scores');
    assert.equal(actionOf(press('а', 'KeyF')), 'fullscreen');
    assert.equal(actionOf(press('W', 'KeyW', { shiftKey: true })), 'window');
    assert.equal(actionOf(press('h', 'KeyH')), 'hints');
    assert.equal(actionOf(press('l', 'KeyL')), 'language');
    assert.equal(actionOf(press('q', 'KeyQ')), 'quit');
  });

  it('leaves the browser its shortcuts and other keys', () => {
    assert.equal(actionOf(press('r', 'KeyR', { ctrlKey: true })), null);
    assert.equal(actionOf(press('ArrowLeft', 'ArrowLeft', { altKey: true })), null);
    assert.equal(actionOf(press('F11', 'F11')), null);
    assert.equal(actionOf(press('x', 'KeyX')), null);
  });

  it('stops at the first and the last step', () => {
    assert.equal(moveTo('next', 3, 10), 4);
    assert.equal(moveTo('next', 9, 10), 9);
    assert.equal(moveTo('previous', 0, 10), 0);
    assert.equal(moveTo('last', 2, 10), 9);
    assert.equal(moveTo('first', 7, 10), 0);
    assert.equal(moveTo('scores', 7, 10), 7);
  });
});

describe('the position kept over a reload', () => {
  it('returns to the step kept for the same results file', () => {
    const saved = JSON.stringify({ digest: 'abc', step: 5, scores: true, hints: false });
    assert.deepEqual(positionFrom(saved, 'abc', 10), { digest: 'abc', step: 5, scores: true, hints: false });
  });

  it('starts from the opening for another file, nothing kept, or something unreadable', () => {
    const start = { digest: 'abc', step: 0, scores: false, hints: true };
    assert.deepEqual(positionFrom(JSON.stringify({ digest: 'other', step: 5 }), 'abc', 10), start);
    assert.deepEqual(positionFrom(null, 'abc', 10), start);
    assert.deepEqual(positionFrom('{not json', 'abc', 10), start);
    assert.deepEqual(positionFrom('null', 'abc', 10), start);
  });

  it('keeps the step within the ceremony', () => {
    assert.equal(positionFrom(JSON.stringify({ digest: 'abc', step: 42 }), 'abc', 10).step, 9);
    assert.equal(positionFrom(JSON.stringify({ digest: 'abc', step: -3 }), 'abc', 10).step, 0);
  });
});
