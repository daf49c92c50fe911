import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

// The stores are plain code apart from their listeners on window.
(globalThis as { window?: unknown }).window = { location: { hash: '' }, addEventListener: () => {} };
const { useNoticeStore, say } = await import('../../../renderer/stores/notice-store.ts');
const { useRouteStore } = await import('../../../renderer/stores/route-store.ts');
type Route = ReturnType<typeof useRouteStore.getState>['route'];

const go = (next: { route: Route }) => useRouteStore.setState(next);
const shown = () => useNoticeStore.getState().status?.key ?? null;

describe('status lines', () => {
  it('go along to the screen the same action opened, and no further', (t) => {
    t.mock.timers.enable({ apis: ['Date', 'setTimeout'] });
    say('org.saved');
    go({ route: { name: 'editEntries', nominationId: null } });
    assert.equal(shown(), 'org.saved', 'saved, then the list: the list says so');
    t.mock.timers.tick(2000);
    go({ route: { name: 'publish' } });
    assert.equal(shown(), null, 'the next screen does not');
  });

  it('stay on their own screen while it is open, and leave with it', (t) => {
    t.mock.timers.enable({ apis: ['Date', 'setTimeout'] });
    say('org.saved');
    t.mock.timers.tick(3000);
    assert.equal(shown(), 'org.saved');
    go({ route: { name: 'import', kind: 'entries' } });
    assert.equal(shown(), null);
  });
});
