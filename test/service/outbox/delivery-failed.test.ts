/**
 * A reply the outbox could not deliver is visible (issue 14, item 6): the ticket says
 * `delivery_failed`, the review queue lists it with the reason, approve explains itself, a restart
 * does not silently retry it, /metrics counts it, and a reviewer's retry delivers it exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel, toolCall } from '../../../src/agentao/index.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { getTicket } from '../../../src/service/store/repositories/ticket-repository.js';
import type { Ticket } from '../../../src/triage/types.js';
import { auth, startDeliveryStack, type DeliveryStack } from './support/delivery-stack.js';

const REPLY = 'Hi Ada,\n\nTo reset your password, go to the sign-in page and press Forgot password.\n\nBest regards,\nThe Northwind Support Team';

function sendingModel(): ScriptedModel {
  return new ScriptedModel([
    { toolCalls: [toolCall('get_customer_profile', { email: 'ada@example.com' })] },
    { toolCalls: [toolCall('search_kb', { query: 'forgot password reset' })] },
    { toolCalls: [toolCall('send_reply', { text: REPLY, confidence: 0.99, intent: 'recover_password' })] },
    'done',
  ]);
}

function genericTicket(id: string, body: string): Ticket {
  return { id: `generic:${id}`, source: 'generic', externalId: id, customerEmail: 'ada@example.com', subject: 'Help', body, receivedAt: new Date().toISOString() };
}

const path = (ticketId: string, action = '') => `/api/tickets/${encodeURIComponent(ticketId)}${action}`;

describe.each(['sqlite', 'postgres'] as const)('a delivery the outbox gave up on (%s)', (dialect) => {
  let stack: DeliveryStack;
  afterEach(async () => {
    await stack?.close();
  });

  /** Triages the ticket and fails every delivery attempt (maxAttempts 2) with a 500. */
  async function failedTicket(id: string, body: string): Promise<{ ticketId: string; decision: string }> {
    const ticket = genericTicket(id, body);
    const { outcome } = await processTicket(stack.services.runtime, ticket);
    stack.helpdesk.failNext(2, 500);
    const first = await stack.dispatcher.dispatch(ticket.id);
    expect(first.map((result) => result.outcome)).toEqual(['retry-later']);
    const second = await stack.dispatcher.dispatchPending();
    expect(second.filter((result) => result.ticketId === ticket.id).map((result) => result.outcome)).toEqual(['failed']);
    return { ticketId: ticket.id, decision: outcome.decision };
  }

  it('is delivery_failed in the API, listed with its reason, refused by approve, counted in /metrics, not retried by a restart', async () => {
    stack = await startDeliveryStack({ model: sendingModel(), maxAttempts: 2, dialect });
    const { ticketId, decision } = await failedTicket('FAIL-1', 'I forgot my password, how do I reset it?');
    expect(decision).toBe('sent');

    const view = await stack.app.inject({ method: 'GET', url: path(ticketId), headers: auth });
    expect(view.json()).toMatchObject({ status: 'delivery_failed', review: 'delivery-failed' });
    expect(view.json().outbox[0]).toMatchObject({ kind: 'send', status: 'failed', lastError: expect.stringContaining('status 500') });

    const queue = (await stack.app.inject({ method: 'GET', url: '/api/delivery-failures', headers: auth })).json();
    expect(queue.failures).toEqual([
      expect.objectContaining({ ticketId, kind: 'send', ticketStatus: 'delivery_failed', reason: expect.stringContaining('status 500') }),
    ]);

    const approve = await stack.app.inject({ method: 'POST', url: path(ticketId, '/approve'), headers: auth, payload: { draftId: 'x', draftHash: 'y' } });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error).toMatchObject({ code: 'delivery_failed', message: expect.stringContaining('retry the delivery') });

    const metrics = (await stack.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('triage_outbox_deliveries_failed_total{kind="send"} 1');
    expect(metrics).toContain('triage_outbox_entries{status="failed"} 1');

    // A restarted process's sweep leaves it alone: a failed entry waits for a person.
    await stack.newDispatcher().dispatchPending();
    expect(stack.helpdesk.created().filter((request) => request.body.ticketId === ticketId)).toEqual([]);
  });

  it('a reviewer\'s retry re-arms the same entry and delivers it once; a second retry is refused', async () => {
    stack = await startDeliveryStack({ model: sendingModel(), maxAttempts: 2, dialect });
    const { ticketId } = await failedTicket('FAIL-2', 'I forgot my password, how do I reset it?');
    const before = (await stack.app.inject({ method: 'GET', url: path(ticketId), headers: auth })).json().outbox;

    expect((await stack.app.inject({ method: 'POST', url: path(ticketId, '/retry-delivery') })).statusCode).toBe(401);
    const retried = await stack.app.inject({ method: 'POST', url: path(ticketId, '/retry-delivery'), headers: auth, payload: { reviewer: 'sam' } });
    expect(retried.statusCode).toBe(202);
    expect(retried.json()).toEqual({ ticketId, status: 'retrying', outboxIds: [before[0].id] });

    const after = (await stack.app.inject({ method: 'GET', url: path(ticketId), headers: auth })).json();
    expect(after.status).toBe('sent');
    expect(after.outbox).toEqual([expect.objectContaining({ id: before[0].id, status: 'delivered' })]);
    expect(after.events.map((event: { type: string }) => event.type)).toContain('delivery-retried');
    expect(stack.helpdesk.created().filter((request) => request.body.ticketId === ticketId).map((request) => request.body.text)).toEqual([REPLY]);

    const again = await stack.app.inject({ method: 'POST', url: path(ticketId, '/retry-delivery'), headers: auth });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('not_failed');
    const metrics = (await stack.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('triage_outbox_entries{status="failed"} 0');
    expect(metrics).toContain('triage_outbox_entries{status="delivered"} 1');
  });

  it('a failed internal note of a drafted ticket is delivery_failed too, and its retry leaves the ticket drafted', async () => {
    stack = await startDeliveryStack({ maxAttempts: 2, dialect });
    const { ticketId, decision } = await failedTicket('FAIL-3', 'I want to cancel my subscription, it is too expensive.');
    expect(decision).toBe('drafted');
    expect((await getTicket(stack.services.runtime.store.db, ticketId))?.status).toBe('delivery_failed');
    const retried = await stack.app.inject({ method: 'POST', url: path(ticketId, '/retry-delivery'), headers: auth });
    expect(retried.statusCode).toBe(202);
    expect((await getTicket(stack.services.runtime.store.db, ticketId))?.status).toBe('drafted');
    expect(stack.helpdesk.created().filter((request) => request.body.ticketId === ticketId && !request.body.public)).toHaveLength(1);
  });

  it('when only the internal note of an answered ticket fails, the ticket stays sent and the note is still listed', async () => {
    stack = await startDeliveryStack({ maxAttempts: 2, dialect });
    const ticket = genericTicket('NOTE-1', 'I want to cancel my subscription, it is too expensive.');
    await processTicket(stack.services.runtime, ticket);
    const draft = (await stack.app.inject({ method: 'GET', url: path(ticket.id), headers: auth })).json().outbox[0];
    // The note fails twice (given up); the approved reply fails once, then goes through after it.
    stack.helpdesk.failNext(2, 500);
    const approved = await stack.app.inject({ method: 'POST', url: path(ticket.id, '/approve'), headers: auth, payload: { draftId: draft.id, draftHash: draft.hash, text: 'Hi Ada, done.' } });
    expect(approved.statusCode).toBe(202);
    stack.helpdesk.failNext(1, 500);
    await stack.dispatcher.dispatchPending();
    expect((await getTicket(stack.services.runtime.store.db, ticket.id))?.status).toBe('sent');
    const queue = (await stack.app.inject({ method: 'GET', url: '/api/delivery-failures', headers: auth })).json();
    expect(queue.failures).toEqual([expect.objectContaining({ ticketId: ticket.id, kind: 'draft', ticketStatus: 'sent' })]);
    expect(stack.helpdesk.created().filter((request) => request.body.ticketId === ticket.id).map((request) => request.body.public)).toEqual([true]);
  });

  it('retry on a ticket without a failed delivery answers 409, on an unknown one 404', async () => {
    stack = await startDeliveryStack({ model: sendingModel(), dialect });
    const ticket = genericTicket('OK-1', 'I forgot my password');
    await processTicket(stack.services.runtime, ticket);
    await stack.dispatcher.dispatch(ticket.id);
    expect((await stack.app.inject({ method: 'POST', url: path(ticket.id, '/retry-delivery'), headers: auth })).statusCode).toBe(409);
    expect((await stack.app.inject({ method: 'POST', url: path('generic:nope', '/retry-delivery'), headers: auth })).statusCode).toBe(404);
  });
});
