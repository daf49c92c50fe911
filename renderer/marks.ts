/**
 * Places a performance mark (the benchmark times screens by the renderer's own marks), dropping the
 * earlier ones of its name: one per keystroke or route would otherwise pile up in the page's
 * timeline for as long as it stays open.
 */
export function markOnce(name: 'jurybox:route' | 'jurybox:list-committed', detail: unknown): void {
  performance.clearMarks(name);
  performance.mark(name, { detail });
}
