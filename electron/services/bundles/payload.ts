import { Id } from '../../../shared/domain/contest.ts';
import { ResultBundle } from '../../../shared/formats/payloads.ts';
import { parsePayload, type OpenedEnvelope } from '../signing/envelope.ts';

/**
 * A bundle's payload read fast, with exactly the outcome of parsePayload(envelope, ResultBundle):
 * the same value for every payload it accepts, the same refusal (from parsePayload itself) for
 * every other. A bundle holds up to a million marks; the strict parser builds each object through
 * a Map and zod checks each one through its object schema, which took most of an import's time.
 *
 * The fast path parses with JSON.parse and checks the marks by hand, then gives up (and the strict
 * path runs) on anything it is not sure of. It accepts a text only when the strict parser would
 * read it as the same value:
 * - same grammar: JSON.parse and parseStrictJson both take RFC 8259, nothing else;
 * - no \u escape anywhere, so no lone surrogate (the text is valid UTF-8, which has none raw);
 * - every number finite (JSON.parse turns 1e400 into Infinity, the strict parser refuses it);
 * - the exact shape of a bundle, three levels deep (the depth limit is 64);
 * - no key given twice: JSON.parse keeps the last, silently, so the colons of the text are counted.
 *   Outside strings a colon ends a key and nothing else; inside, without \u escapes, each colon of
 *   the text is one of the string. So colons(text) = members kept + colons in the strings kept,
 *   unless a member was dropped, which leaves the left side larger.
 */
export function parseResultBundle(envelope: OpenedEnvelope, file: string): ResultBundle {
  return fastResultBundle(envelope.payload) ?? parsePayload(envelope, ResultBundle, file);
}

// As envelope.ts decodes: fatal on bad UTF-8, and a byte-order mark kept (so that it is refused).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const MAX_MARKS = 1_000_000;
const MAX_COMMENT = 5_000;

/** The bundle when the fast path is sure of it, otherwise null. */
export function fastResultBundle(payload: Uint8Array): ResultBundle | null {
  let text: string;
  let value: unknown;
  try {
    text = utf8.decode(payload);
    if (text.includes('\\u')) return null;
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || !Array.isArray(value.marks)) return null;
  const marks = checkMarks(value.marks);
  if (!marks) return null;
  // Everything but the marks is small: zod checks it, with the marks taken out (checked above).
  const rest = ResultBundle.safeParse({ ...value, marks: [] });
  if (!rest.success) return null;
  const bundle: ResultBundle = { ...rest.data, marks: marks.list };
  if (countColons(text) !== membersOf(value) + marks.colons + colonsOutsideMarks(value)) return null;
  return bundle;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const MARK_KEYS = ['entryId', 'criterionId', 'value', 'comment'];

/** Exactly the four keys of a mark, in the order zod's object schema gives them. */
function canonicalKeys(m: Record<string, unknown>): boolean {
  let i = 0;
  for (const key in m) {
    if (!Object.hasOwn(m, key) || key !== MARK_KEYS[i]) return false;
    i += 1;
  }
  return i === MARK_KEYS.length;
}

/**
 * The marks as zod's object schema would give them, or null when any is not plainly valid or two
 * share an entry and criterion. A mark whose keys come in schema order is zod's output as it is:
 * no copy is made (a million objects made here, alive until the bundle is stored, would be
 * allocated straight into the old generation once V8 sees them survive, and grow the heap).
 */
function checkMarks(items: unknown[]): { list: ResultBundle['marks']; colons: number } | null {
  if (items.length > MAX_MARKS) return null;
  const ids = new Set<string>();
  const seen = new Map<string, Set<string>>();
  let colons = 0;
  for (const m of items) {
    if (!isRecord(m) || !canonicalKeys(m)) return null;
    const { entryId, criterionId, value, comment } = m;
    if (typeof entryId !== 'string' || typeof criterionId !== 'string' || typeof value !== 'number' || typeof comment !== 'string') return null;
    if (!Number.isFinite(value) || comment.length > MAX_COMMENT || !isId(entryId, ids) || !isId(criterionId, ids)) return null;
    const given = seen.get(entryId);
    if (given?.has(criterionId)) return null;
    if (given) given.add(criterionId);
    else seen.set(entryId, new Set([criterionId]));
    if (comment.includes(':')) colons += colonsIn(comment);
  }
  return { list: items as ResultBundle['marks'], colons };
}

/** Id's own check, once per distinct id of the bundle (a few hundred ids make its million marks). */
function isId(text: string, known: Set<string>): boolean {
  if (known.has(text)) return true;
  if (!Id.safeParse(text).success) return false;
  known.add(text);
  return true;
}

/** Members of every object in the bundle: the top level, the package, each mark (four) and each item of the other lists. */
function membersOf(value: Record<string, unknown>): number {
  let n = Object.keys(value).length + Object.keys(value.package as object).length + (value.marks as unknown[]).length * 4;
  for (const list of ['entryComments', 'conflicts', 'abstentions'] as const) for (const item of value[list] as object[]) n += Object.keys(item).length;
  return n;
}

const colonsIn = (text: string): number => text.split(':').length - 1;

/** Colons inside the strings of the bundle, marks aside: keys are fixed names, so only values count. */
function colonsOutsideMarks(value: Record<string, unknown>): number {
  let n = 0;
  const strings = (item: Record<string, unknown>) => {
    for (const v of Object.values(item)) if (typeof v === 'string') n += colonsIn(v);
  };
  strings(value);
  strings(value.package as Record<string, unknown>);
  for (const list of ['entryComments', 'conflicts', 'abstentions'] as const) for (const item of value[list] as Record<string, unknown>[]) strings(item);
  return n;
}

function countColons(text: string): number {
  let n = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) n += 1;
  return n;
}
