import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

// A window with an address, history and listeners: what the route store reads and writes.
type Listener = (event: unknown) => void;
const listeners = new Map<string, Listener[]>();
const location = { hash: '#/entry/e-1' };
const replaced: string[] = [];
const fire = (type: string, event: unknown = {}) => listeners.get(type)?.forEach((l) => l(event));
class FakeElement {
  readonly attrs: Record<string, string>;
  constructor(attrs: Record<string, string>) {
    this.attrs = attrs;
  }
  closest(selector: string) {
    return selector === 'a[href^="#/"]' && this.attrs.href?.startsWith('#/') ? this : null;
  }
  hasAttribute(name: string) {
    return name in this.attrs;
  }
  getAttribute(name: string) {
    return this.attrs[name] ?? null;
  }
}
Object.assign(globalThis, {
  Element: FakeElement,
  window: {
    location: {
      get hash() {
        return location.hash;
      },
      // Setting the address fires hashchange afterwards, as a browser does.
      set hash(value: string) {
        location.hash = value;
        queueMicrotask(() => fire('hashchange'));
      },
    },
    history: { replaceState: (_s: unknown, _t: string, url: string) => (replaced.push(url), (location.hash = url)) },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
  },
});
const { guardLeaving, navigate, useRouteStore } = await import('../../../renderer/stores/route-store.ts');
type Route = ReturnType<typeof useRouteStore.getState>['route'];

const here = () => useRouteStore.getState().route;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** A guard that records where it was asked to let the user go, and answers when told. */
function askingGuard() {
  const asked: Route[] = [];
  let answer: (leave: boolean) => void = () => {};
  const remove = guardLeaving((to) => {
    asked.push(to);
    return new Promise((resolve) => (answer = resolve));
  });
  return { asked, answer: (leave: boolean) => answer(leave), remove };
}
function click(href: string, extra: Record<string, unknown> = {}) {
  const event = { button: 0, defaultPrevented: false, target: new FakeElement({ href }), preventDefault: () => (event.defaultPrevented = true), ...extra };
  fire('click', event);
  return event;
}

describe('leaving a screen that guards its unsaved work', () => {
  it('stays when the guard says no, and asks one question at a time', async () => {
    const guard = askingGuard();
    navigate({ name: 'mine' });
    navigate({ name: 'contest' });
    assert.deepEqual(guard.asked, [{ name: 'mine' }], 'the second move waits for no second question');
    guard.answer(false);
    await settle();
    assert.deepEqual(here(), { name: 'entry', entryId: 'e-1' });
    assert.equal(location.hash, '#/entry/e-1');
    guard.remove();
  });

  it('goes when the guard says yes, without asking again on the way', async () => {
    const guard = askingGuard();
    navigate({ name: 'mine' });
    guard.answer(true);
    await settle();
    await settle();
    assert.equal(location.hash, '#/mine');
    assert.deepEqual(here(), { name: 'mine' });
    assert.equal(guard.asked.length, 1);
    guard.remove();
    navigate({ name: 'entry', entryId: 'e-1' });
    await settle();
  });

  it('holds an in-app link until the guard answers, and leaves other clicks alone', async () => {
    const guard = askingGuard();
    assert.equal(click('#/contest', { ctrlKey: true }).defaultPrevented, false, 'a new tab leaves nothing');
    assert.equal(click('https://example.org/').defaultPrevented, false);
    assert.equal(click('#/contest').defaultPrevented, true);
    assert.deepEqual(guard.asked, [{ name: 'contest' }]);
    assert.equal(location.hash, '#/entry/e-1');
    guard.answer(false);
    await settle();
    assert.deepEqual(here(), { name: 'entry', entryId: 'e-1' });
    guard.remove();
  });

  it('puts the address back after Back or a typed address, and asks', async () => {
    const guard = askingGuard();
    location.hash = '#/contest';
    fire('hashchange');
    assert.equal(location.hash, '#/entry/e-1', 'the address shows the screen still open');
    assert.deepEqual(replaced.at(-1), '#/entry/e-1');
    assert.deepEqual(guard.asked, [{ name: 'contest' }]);
    assert.deepEqual(here(), { name: 'entry', entryId: 'e-1' });
    guard.answer(true);
    await settle();
    await settle();
    assert.deepEqual(here(), { name: 'contest' });
    guard.remove();
  });

  it('moves at once when no screen guards', async () => {
    navigate({ name: 'submit' });
    await settle();
    assert.deepEqual(here(), { name: 'submit' });
  });
});
