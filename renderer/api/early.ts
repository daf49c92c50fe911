import type { Channel } from '../../shared/api/channels.ts';
import type { Input, Output } from '../../shared/api/contract.ts';
import type { Route } from '../stores/route-store.ts';
import { entriesListKey, shownAtFirst } from '../lists.ts';
import { call } from './client.ts';

/**
 * Data for the screen the page opens at, asked for at start-up together with what workspace is open,
 * rather than once that answer has come and the screen has rendered: a reload of a list of 10,000
 * entries waits for one round trip instead of two. The screen takes it once; the first change of
 * route drops what was not taken, as it could be stale by then.
 */
const early = new Map<string, Promise<unknown>>();
const keyOf = (channel: Channel, input: unknown): string => `${channel} ${JSON.stringify(input)}`;
const callAny = call as (channel: Channel, input: unknown) => Promise<unknown>;

function ask<C extends Channel>(channel: C, input: Input<C>): void {
  const answer = callAny(channel, input);
  // Not taken when no workspace is open (the start screen shows instead), so its failure is nobody's.
  answer.catch(() => undefined);
  early.set(keyOf(channel, input), answer);
}

/** Starts the calls the screen of `route` begins with. */
export function askEarly(route: Route): void {
  if (route.name === 'entries') {
    const { nominationId, categoryId } = route;
    ask('scoring:entries', { nominationId, categoryId, first: shownAtFirst(entriesListKey(nominationId, categoryId)) });
  }
}

/** The answer asked for at start-up, if there is one for this call, else a new call. */
export function callOrTake<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const key = keyOf(channel, input);
  const answer = early.get(key);
  early.delete(key);
  return (answer ?? callAny(channel, input)) as Promise<Output<C>>;
}

window.addEventListener('hashchange', () => early.clear());
