import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStrictJson, StrictJsonError, type StrictJsonReason } from '../../shared/formats/strict-json.ts';

function refusal(text: string, maxDepth?: number): { reason: StrictJsonReason; offset: number } {
  try {
    parseStrictJson(text, maxDepth === undefined ? {} : { maxDepth });
  } catch (error) {
    if (error instanceof StrictJsonError) return { reason: error.reason, offset: error.offset };
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('strict JSON', () => {
  it('reads what JSON.parse reads, for valid JSON', () => {
    const text = ' {"a": [1, -2.5e3, 0, -0.125, true, false, null], "b": {"c": "d\\n\\u00e9\\ud83d\\ude00\\/"}, "e": ""}\r\n';
    assert.deepEqual(parseStrictJson(text), JSON.parse(text));
    for (const scalar of ['0', '"x"', 'null', '1E2', '-1e-400']) assert.deepEqual(parseStrictJson(scalar), JSON.parse(scalar));
  });

  it('refuses a key repeated in one object, pointing at the second one', () => {
    assert.deepEqual(refusal('{"a": 1, "a": 2}'), { reason: 'duplicate-key', offset: 9 });
    assert.equal(refusal('{"x": {"a": 1, "\\u0061": 2}}').reason, 'duplicate-key');
    assert.throws(() => parseStrictJson('{"k": 1, "k": 1}'), (error) => error instanceof StrictJsonError && error.key === 'k');
  });

  it('allows the same key in different objects', () => {
    assert.deepEqual(parseStrictJson('[{"a": 1}, {"a": 2}]'), [{ a: 1 }, { a: 2 }]);
  });

  it('refuses nesting deeper than the limit, and accepts nesting at the limit', () => {
    assert.doesNotThrow(() => parseStrictJson(nested(64)));
    assert.equal(refusal(nested(65)).reason, 'too-deep');
    assert.equal(refusal('{"a": {"b": [1]}}', 2).reason, 'too-deep');
    assert.deepEqual(parseStrictJson('{"a": {"b": 1}}', { maxDepth: 2 }), { a: { b: 1 } });
  });

  it('refuses a huge nesting without running out of stack', () => {
    assert.equal(refusal(nested(1_000_000)).reason, 'too-deep');
  });

  it('refuses numbers float64 cannot hold', () => {
    assert.equal(refusal('1e400').reason, 'number-range');
    assert.equal(refusal('[-1e400]').reason, 'number-range');
    assert.equal(refusal('1' + '0'.repeat(400)).reason, 'number-range');
  });

  it('refuses numbers outside the JSON grammar', () => {
    for (const text of ['01', '+1', '.5', '1.', '1e', '-', '0x10', 'NaN', 'Infinity', '1_000']) {
      const reason = refusal(text).reason;
      assert.ok(reason === 'syntax' || reason === 'trailing-data', `${text}: ${reason}`);
    }
  });

  it('refuses lone surrogates, escaped or raw', () => {
    assert.equal(refusal('"\\ud83d"').reason, 'lone-surrogate');
    assert.equal(refusal('"\\ude00"').reason, 'lone-surrogate');
    assert.equal(refusal('"\\ud83d\\u0041"').reason, 'lone-surrogate');
    assert.equal(refusal('"\\ud83dx"').reason, 'lone-surrogate');
    assert.equal(refusal('"\ud83d"').reason, 'lone-surrogate');
    assert.equal(parseStrictJson('"\ud83d\ude00"'), '😀');
  });

  it('refuses anything after the value', () => {
    assert.deepEqual(refusal('{} x'), { reason: 'trailing-data', offset: 3 });
    assert.equal(refusal('{}{}').reason, 'trailing-data');
    assert.equal(refusal('1 2').reason, 'trailing-data');
    assert.equal(refusal('null\u0000').reason, 'trailing-data');
  });

  it('refuses what RFC 8259 does not allow', () => {
    const bad = ['', ' ', '{', '[1,]', '{"a":1,}', "{'a':1}", '{a:1}', '"tab\there"', '"\\x41"', '"\\u12"', '[1 2]', '\ufeff{}', '{"a" 1}', 'tru', '"open', '/* c */ 1', '\u00a01'];
    for (const text of bad) assert.equal(refusal(text).reason, 'syntax', JSON.stringify(text));
  });

  it('keeps "__proto__" an own key and never touches a prototype', () => {
    const parsed = parseStrictJson('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') as Record<string, unknown>;
    assert.ok(Object.hasOwn(parsed, '__proto__'));
    assert.deepEqual(Object.keys(parsed), ['__proto__', 'constructor']);
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal((parsed as { polluted?: unknown }).polluted, undefined);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  });
});
