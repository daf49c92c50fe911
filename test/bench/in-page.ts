/**
 * What the benchmark runs inside the page, as plain JavaScript (this tree's TypeScript has no DOM
 * types). It times screens by the renderer's own performance marks: `jurybox:route` when the
 * address changes (renderer/stores/route-store.ts) and `jurybox:list-committed` when a list's rows
 * are in the DOM (renderer/components/LongList.tsx, with the list's name, the rows shown and the
 * total). `performance.mark` is wrapped so the bench sees each mark as it is placed, inside React's
 * commit, rather than later through a PerformanceObserver; "painted" is one frame after the mark
 * (requestAnimationFrame, then a message, which runs once that frame is drawn).
 *
 * A keystroke in the search box is timed from its keydown event's timestamp twice: to the frame
 * after its input event (the box shows the character) and to the frame after the filtered list's
 * commit (the list searches with a deferred value, so this may be a frame or more later).
 */
export const PAGE_SCRIPT = `
(() => {
  const afterNextFrame = (fn) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  });
  const frame = () => new Promise((resolve) => afterNextFrame(() => resolve(performance.now())));
  const apiTimings = () => performance.getEntriesByType('resource')
    .filter((r) => r.name.includes('/api/'))
    .map((r) => ({ channel: decodeURIComponent(r.name.split('/api/')[1] || ''), start: r.startTime, end: r.responseEnd }));

  const marks = [];
  const waiters = [];
  const placeMark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = placeMark(name, options);
    if (name.startsWith('jurybox:')) {
      const mark = { name, time: entry.startTime, detail: (options && options.detail) || null };
      marks.push(mark);
      for (const waiter of waiters.filter((w) => w.test(mark))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(mark);
      }
    }
    return entry;
  };
  const nextMark = (test, timeoutMs, what) => new Promise((resolve, reject) => {
    const seen = marks.find(test);
    if (seen) return resolve(seen);
    const waiter = { test, resolve };
    waiters.push(waiter);
    setTimeout(() => {
      const i = waiters.indexOf(waiter);
      if (i < 0) return;
      waiters.splice(i, 1);
      reject(new Error('no mark ' + what + ' within ' + timeoutMs + ' ms'));
    }, timeoutMs);
  });
  const committed = (list, total, after) => (m) =>
    m.name === 'jurybox:list-committed' && m.time >= after && m.detail && m.detail.list === list && (total === null || m.detail.total === total);
  // From \`start\` to the list's commit (of \`total\` entries) and to the frame after it.
  const listRender = async (start, list, total) => {
    const mark = await nextMark(committed(list, total, start), 120000, list + ' list of ' + total);
    const painted = await frame();
    const api = apiTimings().map((a) => ({ ...a, start: a.start - start, end: a.end - start }));
    const scripts = performance.getEntriesByType('resource').filter((r) => r.name.includes('/assets/') && r.name.endsWith('.js'));
    const scriptsMs = scripts.length === 0 ? null : Math.max(...scripts.map((r) => r.responseEnd)) - start;
    return { renderedMs: mark.time - start, paintedMs: painted - start, rows: mark.detail.rows, total: mark.detail.total, api, scriptsMs };
  };

  const keys = { pending: null, samples: [] };
  document.addEventListener('keydown', (event) => {
    if (event.target && event.target.type === 'search') keys.pending = event.timeStamp;
  }, true);
  document.addEventListener('input', () => {
    if (keys.pending === null) return;
    const start = keys.pending;
    keys.pending = null;
    let inputMs = null;
    afterNextFrame(() => (inputMs = performance.now() - start));
    nextMark(committed('mine', null, start), 30000, 'of the filtered list').then(
      () => afterNextFrame(() => keys.samples.push({
        ms: performance.now() - start,
        inputMs,
        shown: document.querySelectorAll('.entry-list li').length,
        status: (document.querySelector('p[role=status]') || {}).textContent || '',
      })),
      (error) => keys.samples.push({ ms: Number.NaN, inputMs, shown: 0, status: String(error) }),
    );
  }, true);

  window.__bench = {
    keys,
    route: async (hash, list, total) => {
      performance.clearResourceTimings();
      const asked = performance.now();
      location.hash = hash;
      const route = await nextMark((m) => m.name === 'jurybox:route' && m.time >= asked, 10000, 'of the route ' + hash);
      return listRender(route.time, list, total);
    },
    cold: null,
    // Opened at its address: from navigation start (time 0).
    watchCold: (list, total) => {
      window.__bench.cold = listRender(0, list, total);
    },
  };
})();
`;
