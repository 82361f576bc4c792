/**
 * One ticket's memo of pure readings. A triage reads the same text several times over: the
 * independent view, the local model's plan and its decision classify the same mail; the gate and
 * the outbox check the same reply against the same sources. Inside `withTicketMemo` (one ticket's
 * triage), a function that goes through `memoised` computes once per distinct input; outside it,
 * every call computes as before.
 *
 * The memo lives exactly as long as the ticket's run (it is the run's async context), so nothing
 * is shared between tickets: a mail seen twice is read twice, and a bench that triages the same
 * tickets again measures what a new ticket costs. The key must hold every input the result
 * depends on (the text, and the options as text); the owner (a model instance, or a function's
 * own token) keeps the tables of different readers apart. What a memoised function returns is
 * shared by every caller of the run and must not be changed by any of them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

type Tables = Map<object, Map<string, unknown>>;

const scope = new AsyncLocalStorage<Tables>();

/** Runs one ticket's triage with a memo of its own (a nested call gets a fresh one). */
export function withTicketMemo<T>(run: () => T): T {
  return scope.run(new Map(), run);
}

/** `compute()` once per owner and key within the current ticket; every time outside a ticket. */
export function memoised<V>(owner: object, key: string, compute: () => V): V {
  const tables = scope.getStore();
  if (!tables) return compute();
  let table = tables.get(owner);
  if (!table) tables.set(owner, (table = new Map()));
  if (table.has(key)) return table.get(key) as V;
  const value = compute();
  table.set(key, value);
  return value;
}

/**
 * One object per owner for the current ticket, made by `create()` on first use; outside a ticket a
 * new one at every call. For tables a reader fills as it goes (sentence-readings.ts).
 */
export function perTicket<V>(owner: object, create: () => V): V {
  return memoised(owner, '', create);
}

/** Whether a ticket's memo is active here (for tests). */
export function inTicketMemo(): boolean {
  return scope.getStore() !== undefined;
}
