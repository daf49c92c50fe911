/**
 * Text that came from a file (a name, a title, a reason, a file name) shown so that it cannot act:
 * a terminal obeys control characters (ESC [2K erases a line, CR returns to its start) and the
 * bidi algorithm obeys overrides and isolates (U+202E turns a fingerprint around), while format
 * characters such as U+200B or U+FEFF make two different names look the same. Each of them is
 * shown as a visible escape instead, `\x1b` for C0, DEL and C1, `\u{202E}` for the rest.
 *
 * The set is Unicode's own: controls (Cc), format characters (Cf: bidi marks, overrides and
 * isolates, zero-width characters, the BOM, soft hyphen, tags), the line and paragraph
 * separators (Zl, Zp) and lone surrogates (Cs).
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** A hidden character as its visible escape: `\x1b`, `\u{202E}`. */
function escapeOf(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u{${cp.toString(16).toUpperCase().padStart(4, '0')}}`;
}

/** Whether `text` holds any character that would act rather than show. */
export function hasHidden(text: string): boolean {
  HIDDEN.lastIndex = 0;
  return HIDDEN.test(text);
}

/**
 * `text` with every hidden character written as its visible escape, except those in `keep` (the
 * CLI keeps '\n' in its own messages, whose line structure is ours; never in the data it fills in).
 * A backslash is left as typed: the point is that nothing acts unseen, not that escapes are unique.
 */
export function escapeHidden(text: string, keep = ''): string {
  return text.replace(HIDDEN, (ch) => (keep.includes(ch) ? ch : escapeOf(ch)));
}

/** One run of text to show: plain, or the escape of one hidden character (with its code point, for a tooltip). */
export type VisiblePart = { text: string; hidden: false } | { text: string; hidden: true; codePoint: string };

/** `text` cut into plain runs and hidden characters, for a UI that marks the latter. */
export function visibleParts(text: string): VisiblePart[] {
  const parts: VisiblePart[] = [];
  let at = 0;
  for (const match of text.matchAll(HIDDEN)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), hidden: false });
    const cp = match[0].codePointAt(0) ?? 0;
    parts.push({ text: escapeOf(match[0]), hidden: true, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hidden: false });
  return parts;
}

/** Letters of the right-to-left scripts: beside them, the bidi algorithm reorders digits and neutrals. */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

/**
 * Text from a file where only a string can stand (an HTML option, an attribute): its hidden characters
 * escaped, and, when it holds right-to-left letters, the whole isolated (U+2068 … U+2069), so that
 * they cannot reorder what follows it, a fingerprint above all.
 */
export function isolated(text: string): string {
  const shown = escapeHidden(text);
  return RIGHT_TO_LEFT.test(shown) ? `\u2068${shown}\u2069` : shown;
}
