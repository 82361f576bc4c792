/**
 * The console's browser-free modules under Node: event summaries, formatting, routes, the session
 * and #token= handling, the API client against the real service, the ticket cache, and the page's
 * module preload list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { WEB_DIRECTORY } from '../../../src/service/routes/console/console-routes.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from '../support/test-services.js';

// The console is plain JavaScript for the browser (no build step), so its modules are loaded by
// URL and typed here with just what the tests use.
async function importWeb<T>(path: string): Promise<T> {
  return (await import(new URL(`../../../web/${path}`, import.meta.url).href)) as T;
}

interface AuditEvent {
  seq?: number;
  type: string;
  ts?: string;
  data?: unknown;
}
interface EventSummaryModule {
  summarizeEvent(event: AuditEvent): string;
  eventTone(event: AuditEvent): 'deny' | 'error' | 'review' | 'normal';
}
interface FormatModule {
  firstLine(text: unknown, maxLength?: number): string;
  truncate(text: unknown, maxLength: number): string;
  formatConfidence(value: unknown): string;
  confidenceBand(value: unknown, threshold?: number): string;
  formatTime(iso: string): string;
  formatDuration(milliseconds: unknown): string;
  tagClass(tag: string): string;
}
interface ApiErrorShape extends Error {
  status: number;
  code: string;
}
interface ApiClient {
  get(path: string, query?: Record<string, string | number | undefined>): Promise<any>;
  post(path: string, body: unknown): Promise<any>;
}
interface ApiClientModule {
  ApiError: new (status: number, code: string, message: string) => ApiErrorShape;
  createApiClient(options: { getToken: () => string | null; onUnauthorized?: (error: ApiErrorShape) => void; fetch?: typeof fetch; baseUrl?: string }): ApiClient;
  ticketPath(ticketId: string, action?: string): string;
}
interface SessionModule {
  createSession(storage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void }): {
    getToken(): string | null;
    setToken(token: string | null): void;
    getReviewer(): string | null;
    setReviewer(name: string | null): void;
    signOut(): void;
  };
  takeTokenFromFragment(
    location: { hash: string; pathname: string; search: string },
    history: { state: unknown; replaceState(state: unknown, title: string, url?: string | URL | null): void },
  ): string | null;
}
interface ErrorMessagesModule {
  describeApiError(error: { code?: string; message?: string; status?: number }): string;
  needsReload(error: { code?: string }): boolean;
}
interface TicketCacheModule {
  createTicketCache(api: { get(path: string): Promise<any> }, options?: { concurrency?: number }): { get(ticketId: string): Promise<any>; clear(): void };
}
interface ConsoleModule {
  parseRoute(hash: string): { name: string; ticketId?: string; query?: URLSearchParams };
}

describe('event summaries', async () => {
  const { summarizeEvent, eventTone } = await importWeb<EventSummaryModule>('event-summary.js');

  it('names the tool, the permission verdict, who decided and why', () => {
    const event = {
      type: 'permission-decision',
      data: { toolName: 'send_reply', decision: 'deny', outcome: 'deny', reason: 'confidence 0.30 is below 0.90', source: 'decide' },
    };
    expect(summarizeEvent(event)).toBe('send_reply: deny · by decide · confidence 0.30 is below 0.90');
    expect(eventTone(event)).toBe('deny');
  });

  it('shows both halves of an ask that the confirmer settled', () => {
    const event = { type: 'permission-decision', data: { toolName: 'send_reply', decision: 'ask', outcome: 'deny', reason: 'headless', source: 'confirm' } };
    expect(summarizeEvent(event)).toBe('send_reply: ask → deny · by confirm · headless');
    expect(eventTone(event)).toBe('deny');
    expect(eventTone({ type: 'permission-decision', data: { decision: 'ask', outcome: 'allow' } })).toBe('normal');
  });

  it('summarises tool calls, model calls and how the run stopped', () => {
    expect(summarizeEvent({ type: 'tool-call-start', data: { toolName: 'search_kb', args: { query: 'cancel', limit: 3 } } })).toBe('search_kb(query: "cancel", limit: 3)');
    expect(summarizeEvent({ type: 'tool-call-end', data: { toolName: 'get_order_status', status: 'error', error: 'order not found', durationMs: 2.25 } })).toBe(
      'get_order_status: error · order not found · 2.3 ms',
    );
    expect(eventTone({ type: 'tool-call-end', data: { status: 'error' } })).toBe('error');
    expect(
      summarizeEvent({ type: 'model-call-end', data: { finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, toolCalls: [{ name: 'search_kb' }, { name: 'get_customer_profile' }], durationMs: 1200 } }),
    ).toBe('finish: tool-calls · calls search_kb, get_customer_profile · 1.2 s');
    expect(summarizeEvent({ type: 'model-call-end', data: { finishReason: 'stop', content: 'intent=refund decision=drafted', toolCalls: [] } })).toBe(
      'finish: stop · “intent=refund decision=drafted”',
    );
    expect(summarizeEvent({ type: 'agent-end', data: { stopReason: 'doom-loop', iterations: 4, durationMs: 35 } })).toBe('stop: doom-loop · 4 iterations · 35 ms');
    expect(eventTone({ type: 'agent-end', data: { stopReason: 'doom-loop' } })).toBe('error');
    expect(eventTone({ type: 'agent-end', data: { stopReason: 'answer' } })).toBe('normal');
  });

  it('summarises reviewer actions and failures', () => {
    expect(summarizeEvent({ type: 'review-approved', data: { reviewer: 'grace', edited: true } })).toBe('approved by grace · text edited');
    expect(summarizeEvent({ type: 'review-rejected', data: { reviewer: 'grace', reason: 'wrong tone' } })).toBe('rejected by grace · reason: wrong tone');
    expect(eventTone({ type: 'review-rejected', data: {} })).toBe('review');
    expect(summarizeEvent({ type: 'triage-failed', data: { attempts: 3, reason: 'model timed out' } })).toBe('triage failed after 3 attempt(s) · model timed out');
    expect(eventTone({ type: 'triage-failed', data: {} })).toBe('error');
  });

  it('falls back to the fields of an unknown event, on one bounded line', () => {
    expect(summarizeEvent({ type: 'something-new', data: { agentId: 'a-1', phase: 'x', count: 2 } })).toBe('phase: "x", count: 2');
    const long = summarizeEvent({ type: 'error', data: { phase: 'model', message: `line one\nline two ${'x'.repeat(500)}` } });
    expect(long).not.toContain('\n');
    expect(long.length).toBeLessThanOrEqual(220);
    expect(long.endsWith('…')).toBe(true);
    expect(summarizeEvent({ type: 'turn-end', data: null })).toBe('turn ?: 0 tool calls');
  });
});

describe('formatting', async () => {
  const format = await importWeb<FormatModule>('format.js');

  it('takes the first non-empty line and cuts it', () => {
    expect(format.firstLine('\n\n  Please cancel my plan  \nThanks')).toBe('Please cancel my plan');
    expect(format.firstLine('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(format.firstLine(undefined)).toBe('');
  });

  it('formats confidences and bands them around the threshold', () => {
    expect(format.formatConfidence(0.4391)).toBe('0.44');
    expect(format.formatConfidence(Number.NaN)).toBe('–');
    expect([0.95, 0.9, 0.89, 0.6, 0.59].map((value) => format.confidenceBand(value))).toEqual(['high', 'high', 'medium', 'medium', 'low']);
    expect(format.confidenceBand('0.9')).toBe('unknown');
  });

  it('keeps milliseconds in event times and formats durations', () => {
    expect(format.formatTime('2026-11-02T09:15:07.042Z')).toMatch(/:07\.042$/);
    expect(format.formatTime('not a time')).toBe('not a time');
    expect(format.formatDuration(0.4)).toBe('0.4 ms');
    expect(format.formatDuration(2400)).toBe('2.4 s');
  });

  it('gives known tags their own chip class and never builds a class from other tag text', () => {
    expect(format.tagClass('retention')).toBe('chip chip-retention');
    expect(format.tagClass('x onmouseover=alert(1)')).toBe('chip');
  });
});

describe('routes', async () => {
  const { parseRoute } = await importWeb<ConsoleModule>('console.js');

  it('maps hashes to views, decoding ticket ids', () => {
    expect(parseRoute('')).toEqual({ name: 'queue' });
    expect(parseRoute('#/queue')).toEqual({ name: 'queue' });
    expect(parseRoute('#/tickets/generic%3AG-1')).toEqual({ name: 'ticket', ticketId: 'generic:G-1' });
    expect(parseRoute('#/tickets/%E0%A4%A')).toEqual({ name: 'queue' });
    const decisions = parseRoute('#/decisions?minConfidence=0.85&since=7d');
    expect(decisions.name).toBe('decisions');
    expect(Object.fromEntries(decisions.query ?? [])).toEqual({ minConfidence: '0.85', since: '7d' });
  });
});

describe('session and #token= links', async () => {
  const { createSession, takeTokenFromFragment } = await importWeb<SessionModule>('session.js');

  function memoryStorage() {
    const values = new Map<string, string>();
    return {
      values,
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    };
  }

  it('keeps the token and the reviewer name, trims them, and forgets the token on sign-out', () => {
    const storage = memoryStorage();
    const session = createSession(storage);
    session.setToken('  secret-token ');
    session.setReviewer('Grace');
    expect(session.getToken()).toBe('secret-token');
    session.signOut();
    expect(session.getToken()).toBeNull();
    expect(session.getReviewer()).toBe('Grace');
    session.setToken('   ');
    expect(storage.values.size).toBe(1);
  });

  it('treats storage that refuses access as an empty session', () => {
    const session = createSession({
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    });
    expect(() => session.setToken('x')).not.toThrow();
    expect(session.getToken()).toBeNull();
  });

  it('takes the token from the fragment once and removes it from the address', () => {
    const replaced: string[] = [];
    const history = { state: null, replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void replaced.push(String(url)) };
    expect(takeTokenFromFragment({ hash: '#token=abc%20def', pathname: '/', search: '?x=1' }, history)).toBe('abc def');
    expect(replaced).toEqual(['/?x=1']);
    expect(takeTokenFromFragment({ hash: '#/queue', pathname: '/', search: '' }, history)).toBeNull();
    expect(takeTokenFromFragment({ hash: '#token=', pathname: '/', search: '' }, history)).toBeNull();
    expect(replaced).toEqual(['/?x=1', '/']);
  });
});

describe('API error messages', async () => {
  const { describeApiError, needsReload } = await importWeb<ErrorMessagesModule>('error-messages.js');

  it('tells the reviewer to reload after a conflict, and passes other messages through', () => {
    expect(describeApiError({ code: 'draft_changed', status: 409 })).toMatch(/changed since you opened it.*Reload/);
    expect(needsReload({ code: 'draft_changed' })).toBe(true);
    expect(needsReload({ code: 'already_sent' })).toBe(true);
    expect(needsReload({ code: 'bad_time' })).toBe(false);
    expect(describeApiError({ code: 'bad_time', status: 400, message: '"x" is not a time' })).toBe('The request was refused: "x" is not a time');
    expect(describeApiError({ code: 'unavailable', status: 503, message: 'safe to retry' })).toBe('safe to retry');
  });
});

describe('the API client against the service', async () => {
  const { ApiError, createApiClient, ticketPath } = await importWeb<ApiClientModule>('api-client.js');
  let services: TestServices;
  let app: TriageApp;
  let baseUrl: string;

  beforeAll(async () => {
    services = await createTestServices();
    app = await buildApp(services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app.close();
    await services.cleanup();
  });

  it('sends the bearer token and leaves empty filters out of the query', async () => {
    const client = createApiClient({ getToken: () => TEST_REVIEWER_TOKEN, baseUrl });
    expect(await client.get('/api/decisions', { minConfidence: '0.85', tag: '', decision: undefined })).toEqual({ decisions: [] });
    expect(await client.get('/api/drafts')).toEqual({ drafts: [], hiddenTest: 0 });
  });

  it('turns error bodies into ApiErrors and reports a 401 to the sign-in handler', async () => {
    const unauthorized: ApiErrorShape[] = [];
    const client = createApiClient({ getToken: () => 'wrong', baseUrl, onUnauthorized: (error) => unauthorized.push(error) });
    const error = await client.get('/api/drafts').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(unauthorized).toHaveLength(1);

    const signedIn = createApiClient({ getToken: () => TEST_REVIEWER_TOKEN, baseUrl, onUnauthorized: (caught) => unauthorized.push(caught) });
    await expect(signedIn.get('/api/decisions', { since: 'yesterday' })).rejects.toMatchObject({ status: 400, code: 'bad_time' });
    await expect(signedIn.post(ticketPath('no such:ticket', 'approve'), { draftId: 'd', draftHash: 'h' })).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(unauthorized).toHaveLength(1);
  });

  it('reports an unreachable service as such', async () => {
    const client = createApiClient({ getToken: () => 'x', baseUrl: 'http://127.0.0.1:9' });
    await expect(client.get('/api/drafts')).rejects.toMatchObject({ status: 0, code: 'unreachable' });
  });

  it('encodes ticket ids into paths', () => {
    expect(ticketPath('generic:G-1/2', 'reject')).toBe('/api/tickets/generic%3AG-1%2F2/reject');
  });
});

describe('the ticket cache', async () => {
  const { createTicketCache } = await importWeb<TicketCacheModule>('ticket-cache.js');

  it('fetches each ticket once, at most `concurrency` at a time, and retries failures later', async () => {
    let running = 0;
    let peak = 0;
    const calls: string[] = [];
    const releases: Array<() => void> = [];
    const api = {
      get(path: string) {
        calls.push(path);
        running += 1;
        peak = Math.max(peak, running);
        return new Promise<any>((resolve, reject) => {
          releases.push(() => {
            running -= 1;
            if (path.endsWith('broken')) reject(new Error('boom'));
            else resolve({ ticket: { id: decodeURIComponent(path.split('/').at(-1) ?? ''), body: 'text' } });
          });
        });
      },
    };
    const cache = createTicketCache(api, { concurrency: 2 });
    const ids = ['a', 'b', 'c', 'broken', 'a'];
    const results = ids.map((id) => cache.get(id).catch((error: Error) => error.message));
    await Promise.resolve();
    expect(calls).toHaveLength(2);
    while (releases.length > 0) {
      releases.shift()?.();
      // Let the freed slot start the next request before releasing again.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await Promise.all(results)).map((result) => (typeof result === 'string' ? result : result.id))).toEqual(['a', 'b', 'c', 'boom', 'a']);
    expect(calls).toEqual(['/api/tickets/a', '/api/tickets/b', '/api/tickets/c', '/api/tickets/broken']);
    expect(peak).toBe(2);

    const again = cache.get('broken').catch(() => 'failed again');
    releases.shift()?.();
    expect(await again).toBe('failed again');
    expect(calls.filter((path) => path.endsWith('broken'))).toHaveLength(2);
  });
});

describe('the page', () => {
  const html = readFileSync(join(WEB_DIRECTORY, 'index.html'), 'utf8');

  it('declares a Content-Security-Policy that only allows its own origin', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self';[^"]*">/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('preloads every module it imports, so the browser does not discover them level by level', () => {
    const modules = (function walk(folder: string): string[] {
      return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(folder, entry.name)) : entry.name.endsWith('.js') ? [relative(WEB_DIRECTORY, join(folder, entry.name))] : [],
      );
    })(WEB_DIRECTORY).filter((path) => path !== 'console.js');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
    expect(preloaded.sort()).toEqual(modules.sort());
  });

  it('builds no markup from strings in any module', () => {
    for (const file of readdirSync(WEB_DIRECTORY, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.js'))) {
      const source = readFileSync(join(WEB_DIRECTORY, file), 'utf8');
      expect(source, file).not.toMatch(/\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write|new Function|\beval\(/);
    }
  });
});
