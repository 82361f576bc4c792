/**
 * The reviewer API behind the console: named reviewers in the audit trail and the outbox, claims
 * and take-overs, the queue's filters and sorting, the customer context and the live stream.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import type { Ticket } from '../../../src/triage/types.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from '../support/test-services.js';

const ADA = 'ada-token-0123456789';
const BOB = 'bob-token-0123456789';

function as(token: string) {
  return { authorization: `Bearer ${token}` };
}

describe('the reviewer API for the console', () => {
  let services: TestServices;
  let app: TriageApp;

  beforeEach(async () => {
    services = await createTestServices({
      environment: { REVIEWER_TOKENS: `Ada Lovelace:${ADA},bob:${BOB}`, ZENDESK_BASE_URL: 'https://acme.zendesk.com/api/v2', CONSOLE_STREAM_POLL_MS: '100' },
    });
    app = await buildApp(services);
  });

  afterEach(async () => {
    await app.close();
    await services.cleanup();
  });

  async function seed(ticket: Partial<Ticket> & { id: string; body: string }) {
    const { outcome } = await processTicket(services.runtime, {
      source: 'generic',
      customerEmail: 'ada@example.com',
      receivedAt: new Date().toISOString(),
      ...ticket,
    });
    return outcome;
  }

  async function get(path: string, token = ADA) {
    const response = await app.inject({ method: 'GET', url: path, headers: as(token) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  function post(path: string, payload: unknown, token = ADA) {
    return app.inject({ method: 'POST', url: path, headers: as(token), payload: payload as object });
  }

  async function draftOf(ticketId: string) {
    const detail = await get(`/api/tickets/${ticketId}`);
    return detail.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
  }

  it('knows each named reviewer and the shared token, and refuses others', async () => {
    expect(await get('/api/me')).toEqual({ reviewer: 'Ada Lovelace', shared: false });
    expect(await get('/api/me', BOB)).toEqual({ reviewer: 'bob', shared: false });
    expect(await get('/api/me', TEST_REVIEWER_TOKEN)).toEqual({ reviewer: 'reviewer', shared: true });
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: as('nobody-0123456789') })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/canary/reports', headers: as(BOB) })).statusCode).toBe(200);
  });

  it('records the authenticated reviewer, not the name in the body, in the audit trail and the outbox', async () => {
    await seed({ id: 'T-named', body: 'Please cancel my subscription' });
    const draft = await draftOf('T-named');
    const approved = await post('/api/tickets/T-named/approve', { draftId: draft.id, draftHash: draft.hash, reviewer: 'Someone Else', text: 'Edited reply.' });
    expect(approved.statusCode, approved.body).toBe(202);
    const detail = await get('/api/tickets/T-named');
    expect(detail.outbox.find((entry: { kind: string }) => entry.kind === 'send').approvedBy).toBe('Ada Lovelace');
    expect(detail.events.at(-1)).toMatchObject({ type: 'review-approved', data: { reviewer: 'Ada Lovelace', edited: true } });
    expect(detail.events.at(-1).data.declaredName).toBeUndefined();

    await seed({ id: 'T-shared', body: 'I want to cancel my plan, it is too expensive' });
    const rejected = await post('/api/tickets/T-shared/reject', { reason: 'Retention handles it.', reviewer: 'Grace' }, TEST_REVIEWER_TOKEN);
    expect(rejected.statusCode).toBe(200);
    expect((await get('/api/tickets/T-shared')).events.at(-1)).toMatchObject({ type: 'review-rejected', data: { reviewer: 'reviewer', declaredName: 'Grace' } });
  });

  it('a claim by someone else is shown and blocks approve and reject until taken over', async () => {
    await seed({ id: 'T-claim', body: 'Please cancel my subscription' });
    const claimed = await post('/api/tickets/T-claim/claim', {}, BOB);
    expect(claimed.json()).toMatchObject({ claimedBy: 'bob' });
    expect((await get('/api/drafts')).drafts.find((row: { ticketId: string }) => row.ticketId === 'T-claim').claimedBy).toBe('bob');

    expect((await post('/api/tickets/T-claim/claim', {})).json().error.code).toBe('claimed_by_other');
    expect((await post('/api/tickets/T-claim/release', {})).statusCode).toBe(409);
    const draft = await draftOf('T-claim');
    const blocked = await post('/api/tickets/T-claim/approve', { draftId: draft.id, draftHash: draft.hash });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ code: 'claimed_by_other', message: expect.stringContaining('bob is working on this ticket') });
    expect((await post('/api/tickets/T-claim/reject', { reason: 'no' })).json().error.code).toBe('claimed_by_other');

    const approved = await post('/api/tickets/T-claim/approve', { draftId: draft.id, draftHash: draft.hash, takeOver: true });
    expect(approved.statusCode).toBe(202);
    const events = (await get('/api/tickets/T-claim')).events;
    expect(events.map((event: { type: string }) => event.type)).toContain('review-claimed');
    expect(events.at(-1)).toMatchObject({ type: 'review-approved', data: { reviewer: 'Ada Lovelace', tookOverFrom: 'bob' } });
  });

  it('take-over and release of a claim are explicit and audited', async () => {
    await seed({ id: 'T-take', body: 'Please cancel my subscription' });
    await post('/api/tickets/T-take/claim', {}, BOB);
    const taken = await post('/api/tickets/T-take/claim', { takeOver: true });
    expect(taken.json()).toMatchObject({ claimedBy: 'Ada Lovelace', tookOverFrom: 'bob' });
    expect((await post('/api/tickets/T-take/release', {})).json()).toEqual({ ticketId: 'T-take', claimedBy: null });
    const types = (await get('/api/tickets/T-take')).events.map((event: { type: string; data: { reviewer?: string } }) => `${event.type}:${event.data.reviewer}`);
    expect(types.slice(-3)).toEqual(['review-claimed:bob', 'review-claimed:Ada Lovelace', 'review-released:Ada Lovelace']);
    expect((await post('/api/tickets/T-missing/claim', {})).statusCode).toBe(404);
  });

  it('filters, searches and sorts the queue, hiding CLI and eval tickets unless asked', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await seed({ id: 'T-old', body: 'My lawyer will hear about this chargeback', receivedAt: hourAgo, customerEmail: 'linus@example.com', source: 'zendesk', externalId: '77' });
    await seed({ id: 'T-new', body: 'Please cancel my subscription', subject: 'Leaving' });
    await seed({ id: 'T-cli', body: 'I want to cancel my plan, it is too expensive', source: 'cli' });
    const ids = async (query = '') => (await get(`/api/drafts${query}`)).drafts.map((row: { ticketId: string }) => row.ticketId);

    expect(await ids()).toEqual(['T-new', 'T-old']);
    expect((await get('/api/drafts')).hiddenTest).toBe(1);
    expect(await ids('?includeTest=true')).toEqual(['T-cli', 'T-new', 'T-old']);
    expect(await ids('?source=cli')).toEqual(['T-cli']);
    expect(await ids('?sort=oldest')).toEqual(['T-old', 'T-new']);
    expect(await ids('?q=CHARGEBACK')).toEqual(['T-old']);
    expect(await ids('?q=leaving')).toEqual(['T-new']);
    expect(await ids('?customer=linus')).toEqual(['T-old']);
    expect(await ids('?source=zendesk')).toEqual(['T-old']);
    expect(await ids('?olderThan=30m')).toEqual(['T-old']);
    expect(await ids('?tag=retention')).toEqual(['T-new']);
    // Whatever intent the classifier gives T-new, filtering by it finds T-new, never the hidden CLI ticket.
    const newIntent = (await get('/api/drafts')).drafts.find((row: { ticketId: string }) => row.ticketId === 'T-new').intent;
    expect(await ids(`?intent=${newIntent}`)).toContain('T-new');
    expect(await ids(`?intent=${newIntent}`)).not.toContain('T-cli');

    const rows = (await get('/api/drafts?includeTest=true&sort=confidence')).drafts;
    const confidences = rows.map((row: { confidence: number }) => row.confidence);
    expect(confidences).toEqual([...confidences].sort((left, right) => left - right));
    const low = confidences[0];
    expect(await ids(`?includeTest=true&maxConfidence=${low}`)).toEqual(rows.filter((row: { confidence: number }) => row.confidence <= low).map((row: { ticketId: string }) => row.ticketId));
    expect(rows[0]).toMatchObject({ draftId: expect.any(String), draftHash: expect.stringMatching(/^[0-9a-f]{32}$/), source: expect.any(String) });
    expect(rows[0].body).toBeUndefined();

    const bad = await app.inject({ method: 'GET', url: '/api/drafts?olderThan=yesterday', headers: as(ADA) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('not an age');
  });

  it('gives the customer, their orders and earlier tickets, the helpdesk link and the approve wording', async () => {
    await seed({ id: 'T-first', body: 'Where is my order A1001?', receivedAt: new Date(Date.now() - 86_400_000).toISOString() });
    await seed({ id: 'zendesk:81', body: 'Please cancel my subscription', source: 'zendesk', externalId: '81' });
    const context = await get(`/api/tickets/${encodeURIComponent('zendesk:81')}/context`);
    expect(context.customer).toMatchObject({ email: 'ada@example.com', plan: 'pro' });
    expect(context.orders.map((order: { id: string }) => order.id).sort()).toEqual(['A1001', 'A1002']);
    expect(context.earlierTickets.map((ticket: { id: string }) => ticket.id)).toEqual(['T-first']);
    expect(context.helpdesk).toEqual({ helpdesk: 'Zendesk', url: 'https://acme.zendesk.com/agent/tickets/81' });
    expect(context.replyChannel).toMatchObject({ delivery: 'public-reply', approveLabel: 'Send to the customer' });

    await seed({ id: 'hubspot:5', body: 'Please cancel my subscription', source: 'hubspot', externalId: '5', customerEmail: 'nobody@example.org' });
    const hubspot = await get(`/api/tickets/${encodeURIComponent('hubspot:5')}/context`);
    expect(hubspot).toMatchObject({ customer: null, orders: [], earlierTickets: [], helpdesk: null, replyChannel: { delivery: 'note', approveLabel: 'Add as note' } });
  });

  it('streams a change when a draft arrives and when a reviewer decides, and only to signed-in readers', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/events/stream`;
    expect((await fetch(url)).status).toBe(401);

    const abort = new AbortController();
    const response = await fetch(url, { headers: as(ADA), signal: abort.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += value;
      }
    })().catch(() => undefined);
    await vi.waitFor(() => expect(received).toContain('event: ready'), { timeout: 20_000 });

    await seed({ id: 'T-live', body: 'Please cancel my subscription' });
    await vi.waitFor(() => expect(received).toMatch(/event: changed\ndata: \{"parts":\[[^\]]*"decisions"/), { timeout: 20_000 });
    received = '';
    await post('/api/tickets/T-live/reject', { reason: 'not now' });
    await vi.waitFor(() => expect(received).toMatch(/event: changed\ndata: \{"parts":\[[^\]]*"outbox"/), { timeout: 20_000 });
    abort.abort();
    await pump;
  });

  it('ends open streams when the server closes, so shutdown does not wait on a console', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/events/stream`;
    const response = await fetch(url, { headers: as(ADA) });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain('event: ready');
    await app.close();
    // The server ended the response: the reader reaches its end instead of waiting forever.
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});
