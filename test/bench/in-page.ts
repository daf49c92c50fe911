/**
 * What the benchmark runs inside the page, as plain JavaScript (this tree's TypeScript has no DOM
 * types). The renderer sets no performance marks of its own, so these place them from outside:
 * `bench:route-start` when the address changes, `bench:list-rendered` when the list's rows are in
 * the DOM (a MutationObserver), `bench:list-painted` one frame later (requestAnimationFrame, then a
 * message, which runs once that frame is drawn). A keystroke is timed from its keydown event's
 * timestamp to the frame after the input event (React renders a discrete event's update before the
 * task ends, so that frame shows the filtered list).
 */
export const PAGE_SCRIPT = `
(() => {
  const afterNextFrame = (fn) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  });
  const apiTimings = () => performance.getEntriesByType('resource')
    .filter((r) => r.name.includes('/api/'))
    .map((r) => ({ channel: decodeURIComponent(r.name.split('/api/')[1] || ''), start: r.startTime, end: r.responseEnd }));
  const whenRows = (selector, expected, start, resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the list did not render: ' + document.querySelectorAll(selector).length + ' of ' + expected + ' rows'));
    }, 120000);
    const check = () => {
      if (document.querySelectorAll(selector).length < expected) return;
      observer.disconnect();
      clearTimeout(timer);
      const rendered = performance.now();
      performance.mark('bench:list-rendered');
      afterNextFrame(() => {
        performance.mark('bench:list-painted');
        resolve({ renderedMs: rendered - start, paintedMs: performance.now() - start, api: apiTimings().map((a) => ({ ...a, start: a.start - start, end: a.end - start })) });
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
    check();
  };
  const keys = { pending: null, samples: [] };
  document.addEventListener('keydown', (event) => {
    if (event.target && event.target.type === 'search') keys.pending = event.timeStamp;
  }, true);
  document.addEventListener('input', () => {
    if (keys.pending === null) return;
    const start = keys.pending;
    keys.pending = null;
    afterNextFrame(() => keys.samples.push({
      ms: performance.now() - start,
      shown: document.querySelectorAll('.entry-list li').length,
      status: (document.querySelector('p[role=status]') || {}).textContent || '',
    }));
  }, true);
  window.__bench = {
    keys,
    route: (hash, selector, expected) => new Promise((resolve, reject) => {
      performance.clearResourceTimings();
      const start = performance.now();
      performance.mark('bench:route-start');
      whenRows(selector, expected, start, resolve, reject);
      location.hash = hash;
    }),
    cold: null,
    watchCold: (selector, expected) => {
      window.__bench.cold = new Promise((resolve, reject) => whenRows(selector, expected, 0, resolve, reject));
    },
  };
})();
`;
