import type { RankedEntry, VenueGroup } from '../../../shared/domain/venue.ts';

/**
 * The ceremony as a sequence of steps, one key press each: an opening, then every nomination ×
 * category in contest order — its title, then its awards one press at a time, laureates first and
 * the winner last — and a closing. Pure, so the order of the evening is tested without a browser.
 */

/** One press's worth of awards: one place (entries sharing it together), or laureates. */
export interface Reveal {
  award: { kind: 'place'; place: number } | { kind: 'laureate' };
  entries: RankedEntry[];
}

export type Step =
  | { kind: 'opening' }
  /** A group's slide with the first `shown` of its reveals on screen (0: its title alone). */
  | { kind: 'group'; group: number; reveals: Reveal[]; shown: number }
  | { kind: 'closing' };

/**
 * Up to this many laureates are revealed one press each, so each has a moment on stage as the
 * prize winners do. More than that (a score threshold can make a dozen) appear in one press as a
 * list, the way a host reads them out: a dozen presses before the prizes would stall the evening.
 */
export const LAUREATES_ONE_BY_ONE = 3;

/**
 * A group's reveals in the order of the evening: laureates (the lowest-ranked first, or all in one
 * press when there are many), then the places from the lowest to the first; entries sharing a place
 * are revealed together. Entries without an award are never revealed.
 */
export function revealsOf(group: Pick<VenueGroup, 'ranked'>): Reveal[] {
  const laureates = group.ranked.filter((e) => e.award?.kind === 'laureate');
  const places = [...new Set(group.ranked.flatMap((e) => (e.award?.kind === 'place' ? [e.award.place] : [])))].sort((a, b) => b - a);
  const reveals: Reveal[] =
    laureates.length > LAUREATES_ONE_BY_ONE
      ? [{ award: { kind: 'laureate' }, entries: laureates }]
      : laureates.toReversed().map((entry) => ({ award: { kind: 'laureate' }, entries: [entry] }));
  for (const place of places) {
    reveals.push({ award: { kind: 'place', place }, entries: group.ranked.filter((e) => e.award?.kind === 'place' && e.award.place === place) });
  }
  return reveals;
}

/** Every step of the ceremony, from the opening to the closing. */
export function stepsOf(view: { groups: readonly Pick<VenueGroup, 'ranked'>[] }): Step[] {
  const steps: Step[] = [{ kind: 'opening' }];
  view.groups.forEach((group, index) => {
    const reveals = revealsOf(group);
    for (let shown = 0; shown <= reveals.length; shown++) steps.push({ kind: 'group', group: index, reveals, shown });
  });
  steps.push({ kind: 'closing' });
  return steps;
}

/** The reveal just made on a step (the one to emphasise and announce), if any. */
export function newestOf(step: Step): Reveal | null {
  return step.kind === 'group' && step.shown > 0 ? (step.reveals[step.shown - 1] ?? null) : null;
}

export type Action = 'next' | 'previous' | 'first' | 'last' | 'scores' | 'fullscreen' | 'window' | 'hints' | 'language' | 'escape' | 'quit';

/** Keys by `key`: the ones a presenter's clicker sends (PageDown, PageUp) are among them. */
const BY_KEY: Record<string, Action> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  Enter: 'next',
  ' ': 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Backspace: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'escape',
};

/** Letters by `code` (the key's place), so that S is S on a Russian layout too, where it types «ы». */
const BY_CODE: Record<string, Action> = {
  KeyS: 'scores',
  KeyF: 'fullscreen',
  KeyW: 'window',
  KeyH: 'hints',
  KeyL: 'language',
  KeyQ: 'quit',
};

export interface KeyPress {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** What a key press does in the ceremony; null: leave it to the browser (Ctrl+R, Alt+Tab, F11…). */
export function actionOf(press: KeyPress): Action | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  // Shift+Space goes back, as in slide software.
  if (press.key === ' ' && press.shiftKey) return 'previous';
  return BY_KEY[press.key] ?? BY_CODE[press.code] ?? null;
}

/** The step a moving action leads to from `index` among `count` steps; other actions stay put. */
export function moveTo(action: Action, index: number, count: number): number {
  const last = Math.max(0, count - 1);
  switch (action) {
    case 'next':
      return Math.min(index + 1, last);
    case 'previous':
      return Math.max(index - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return last;
    default:
      return index;
  }
}

/** Where the ceremony stood, kept for this tab so that a reload returns to the same step. */
export interface Position {
  /** The results file it belongs to: another file starts from the opening. */
  digest: string;
  step: number;
  scores: boolean;
  hints: boolean;
}

/** The position kept for `digest`, with the step brought within `count` steps; the start otherwise. */
export function positionFrom(saved: string | null, digest: string, count: number): Position {
  const start: Position = { digest, step: 0, scores: false, hints: true };
  if (!saved) return start;
  try {
    const value = JSON.parse(saved) as Partial<Position> | null;
    if (value?.digest !== digest || typeof value.step !== 'number' || !Number.isInteger(value.step)) return start;
    return { digest, step: Math.min(Math.max(value.step, 0), Math.max(0, count - 1)), scores: value.scores === true, hints: value.hints !== false };
  } catch {
    return start;
  }
}
