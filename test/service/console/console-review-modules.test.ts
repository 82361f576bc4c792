/**
 * The review console's browser-free modules for issue 11 under Node: queue filters, age, the
 * histogram's bins, which keys are shortcuts, the event-stream parser, bulk review per item, and the
 * timeline lines of claims and take-overs.
 */
import { describe, expect, it } from 'vitest';

async function importWeb<T>(path: string): Promise<T> {
  return (await import(new URL(`../../../web/${path}`, import.meta.url).href)) as T;
}

interface QueueFiltersModule {
  defaultQueueFilters(): Record<string, string>;
  queueQuery(filters: Record<string, string>): Record<string, string>;
  activeFilterCount(filters: Record<string, string>): number;
}
interface FormatModule {
  formatAge(iso: string, now?: number): string;
}
interface HistogramModule {
  confidenceHistogram(decisions: Array<{ confidence: number; decision: string }>, bins?: number): Array<{ from: number; to: number; sent: number; drafted: number }>;
}
interface ShortcutsModule {
  shortcutAction(event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; target?: unknown }): string | null;
  SHORTCUTS: Array<{ key: string; action: string }>;
}
interface LiveUpdatesModule {
  parseEventStream(buffer: string): { events: Array<{ event: string; data: string }>; rest: string };
}
interface BulkReviewModule {
  runBulkReview(
    api: { post: (path: string, body: unknown) => Promise<unknown> },
    action: 'approve' | 'reject',
    items: Array<{ ticketId: string; draftId: string; draftHash: string }>,
    options?: { reason?: string; reviewer?: string },
  ): Promise<Array<{ ticketId: string; ok: boolean; code?: string; message?: string }>>;
}
interface EventSummaryModule {
  summarizeEvent(event: { type: string; data?: unknown }): string;
  eventTone(event: { type: string; data?: unknown }): string;
}

describe('queue filters', () => {
  it('asks /api/drafts only for what the reviewer chose', async () => {
    const { defaultQueueFilters, queueQuery, activeFilterCount } = await importWeb<QueueFiltersModule>('queue-filters.js');
    expect(queueQuery(defaultQueueFilters())).toEqual({});
    const chosen = { ...defaultQueueFilters(), q: ' refund ', source: 'zendesk', sort: 'oldest', includeTest: 'true', minConfidence: '' };
    expect(queueQuery(chosen)).toEqual({ q: 'refund', source: 'zendesk', sort: 'oldest', includeTest: 'true' });
    expect(activeFilterCount(chosen)).toBe(2);
  });

  it('says how long a ticket has waited in the largest unit that reads well', async () => {
    const { formatAge } = await importWeb<FormatModule>('format.js');
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(formatAge('2026-12-03T11:59:15Z', now)).toBe('45 s');
    expect(formatAge('2026-12-03T11:48:00Z', now)).toBe('12 min');
    expect(formatAge('2026-12-03T09:00:00Z', now)).toBe('3 h');
    expect(formatAge('2026-12-01T11:00:00Z', now)).toBe('2 d');
    expect(formatAge('2026-12-03T12:00:05Z', now)).toBe('0 s');
    expect(formatAge('not a time', now)).toBe('');
  });
});

describe('the confidence histogram', () => {
  it('counts sent and drafted decisions per tenth, with 1.0 in the last band', async () => {
    const { confidenceHistogram } = await importWeb<HistogramModule>('confidence-histogram.js');
    const bins = confidenceHistogram([
      { confidence: 0, decision: 'drafted' },
      { confidence: 0.09, decision: 'drafted' },
      { confidence: 0.45, decision: 'drafted' },
      { confidence: 0.9, decision: 'sent' },
      { confidence: 1, decision: 'sent' },
      { confidence: 0.95, decision: 'drafted' },
      { confidence: Number.NaN, decision: 'sent' },
    ]);
    expect(bins).toHaveLength(10);
    expect(bins.map((bin) => [bin.sent, bin.drafted])).toEqual([[0, 2], [0, 0], [0, 0], [0, 0], [0, 1], [0, 0], [0, 0], [0, 0], [0, 0], [2, 1]]);
    expect(bins[9]).toMatchObject({ from: 0.9, to: 1 });
  });
});

describe('keyboard shortcuts', () => {
  it('maps keys to actions, but not while typing or with a modifier', async () => {
    const { shortcutAction, SHORTCUTS } = await importWeb<ShortcutsModule>('keyboard-shortcuts.js');
    expect(SHORTCUTS.map((shortcut) => shortcut.key)).toEqual(expect.arrayContaining(['j', 'k', 'a', 'r', 'e', '?']));
    expect(shortcutAction({ key: 'j', target: { tagName: 'BODY' } })).toBe('next');
    expect(shortcutAction({ key: 'a', target: { tagName: 'A' } })).toBe('approve');
    expect(shortcutAction({ key: '?', target: { tagName: 'INPUT', type: 'checkbox' } })).toBe('help');
    expect(shortcutAction({ key: 'a', target: { tagName: 'TEXTAREA' } })).toBeNull();
    expect(shortcutAction({ key: 'j', target: { tagName: 'INPUT', type: 'search' } })).toBeNull();
    expect(shortcutAction({ key: 'r', target: { tagName: 'SELECT' } })).toBeNull();
    expect(shortcutAction({ key: 'r', target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
    expect(shortcutAction({ key: 'a', ctrlKey: true, target: { tagName: 'BODY' } })).toBeNull();
    expect(shortcutAction({ key: 'z', target: { tagName: 'BODY' } })).toBeNull();
  });
});

describe('the event-stream parser', () => {
  it('returns complete events and keeps a partial one for the next chunk', async () => {
    const { parseEventStream } = await importWeb<LiveUpdatesModule>('live-updates.js');
    const first = parseEventStream('retry: 5000\nevent: ready\ndata: {"reviewer":"ada"}\n\n: keep-alive\n\nevent: changed\ndata: {"parts":');
    expect(first.events).toEqual([{ event: 'ready', data: '{"reviewer":"ada"}' }]);
    const second = parseEventStream(`${first.rest}["decisions"]}\r\n\r\ndata: one\ndata: two\n\n`);
    expect(second.events).toEqual([
      { event: 'changed', data: '{"parts":["decisions"]}' },
      { event: 'message', data: 'one\ntwo' },
    ]);
    expect(second.rest).toBe('');
  });
});

describe('bulk review', () => {
  it('sends one request per ticket with its own draft binding and reports each failure', async () => {
    const { runBulkReview } = await importWeb<BulkReviewModule>('bulk-review.js');
    const calls: Array<{ path: string; body: unknown }> = [];
    const api = {
      post: async (path: string, body: unknown) => {
        calls.push({ path, body });
        if (path.includes('T-2')) throw Object.assign(new Error('the approval does not match the current draft'), { code: 'draft_changed', status: 409 });
        return {};
      },
    };
    const items = [
      { ticketId: 'T-1', draftId: 'd1', draftHash: 'h1' },
      { ticketId: 'T-2', draftId: 'd2', draftHash: 'h2' },
      { ticketId: 'T-3', draftId: 'd3', draftHash: 'h3' },
    ];
    const approved = await runBulkReview(api, 'approve', items, { reviewer: 'ada' });
    expect(approved).toEqual([
      { ticketId: 'T-1', ok: true },
      { ticketId: 'T-2', ok: false, code: 'draft_changed', message: 'the approval does not match the current draft' },
      { ticketId: 'T-3', ok: true },
    ]);
    expect(calls.map((call) => [call.path, call.body])).toEqual([
      ['/api/tickets/T-1/approve', { draftId: 'd1', draftHash: 'h1', reviewer: 'ada' }],
      ['/api/tickets/T-2/approve', { draftId: 'd2', draftHash: 'h2', reviewer: 'ada' }],
      ['/api/tickets/T-3/approve', { draftId: 'd3', draftHash: 'h3', reviewer: 'ada' }],
    ]);
    calls.length = 0;
    await runBulkReview(api, 'reject', items.slice(0, 1), { reason: 'wrong tone' });
    expect(calls).toEqual([{ path: '/api/tickets/T-1/reject', body: { reason: 'wrong tone', reviewer: undefined, draftId: 'd1', draftHash: 'h1' } }]);
  });
});

describe('timeline lines for claims', () => {
  it('names who claimed, released or took over, and the typed name behind the shared token', async () => {
    const { summarizeEvent, eventTone } = await importWeb<EventSummaryModule>('event-summary.js');
    expect(summarizeEvent({ type: 'review-claimed', data: { reviewer: 'bob', tookOverFrom: 'ada' } })).toBe('claimed by bob · taken over from ada');
    expect(summarizeEvent({ type: 'review-released', data: { reviewer: 'bob' } })).toBe('released by bob');
    expect(summarizeEvent({ type: 'review-rejected', data: { reviewer: 'reviewer', declaredName: 'Grace', reason: 'no' } })).toBe('rejected by reviewer (Grace) · reason: no');
    expect(eventTone({ type: 'review-claimed', data: {} })).toBe('review');
  });
});
