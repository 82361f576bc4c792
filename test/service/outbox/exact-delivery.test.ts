/**
 * The customer gets exactly what was decided or approved (issue 8, item 8): the outbox shows and
 * audits a scrubbed copy, but delivers the exact text, sealed at rest and wiped once delivered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel, toolCall } from '../../../src/agentao/index.js';
import { createOutboxCipher } from '../../../src/service/outbox/outbox-cipher.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { listAuditEvents } from '../../../src/service/store/repositories/audit-repository.js';
import { getOutboxForTicket, readSealedText } from '../../../src/service/store/repositories/outbox-repository.js';
import { getTicket } from '../../../src/service/store/repositories/ticket-repository.js';
import type { Ticket } from '../../../src/triage/types.js';
import { auth, startDeliveryStack, type DeliveryStack } from './support/delivery-stack.js';

const OWN_EMAIL_REPLY =
  'Hi Ada,\n\nTo reset your password, go to the sign-in page, press Forgot password and enter ada@example.com: ' +
  'the link arrives at that address within a few minutes.\n\nBest regards,\nThe Northwind Support Team';

/** A model that looks the customer up, reads the KB, and sends a reply naming her own email. */
function ownEmailModel(): ScriptedModel {
  return new ScriptedModel([
    { toolCalls: [toolCall('get_customer_profile', { email: 'ada@example.com' })] },
    { toolCalls: [toolCall('search_kb', { query: 'forgot password reset' })] },
    { toolCalls: [toolCall('send_reply', { text: OWN_EMAIL_REPLY, confidence: 0.99, intent: 'recover_password' })] },
    'done',
  ]);
}

function genericTicket(id: string, body: string): Ticket {
  return { id: `generic:${id}`, source: 'generic', externalId: id, customerEmail: 'ada@example.com', subject: 'Help', body, receivedAt: new Date().toISOString() };
}

function databaseBytes(stack: DeliveryStack): string {
  const file = stack.services.config.DATABASE_URL.slice('sqlite:'.length);
  // The WAL holds recent writes until a checkpoint: both files are "the database on disk".
  return [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path).toString('latin1')).join('');
}

describe('the customer receives exactly the approved text', () => {
  let stack: DeliveryStack;
  afterEach(async () => {
    await stack?.close();
  });

  it('a reply naming the customer\'s own email arrives with the email, not a masked placeholder', async () => {
    stack = await startDeliveryStack({ model: ownEmailModel() });
    const ticket = genericTicket('OWN-1', 'I forgot my password, how do I reset it?');
    const { outcome } = await processTicket(stack.services.runtime, ticket);
    const db = stack.services.runtime.store.db;

    if (outcome.decision === 'drafted') {
      // Whatever the send guard decides, the text that leaves is the one decided: approved unedited.
      const view = (await stack.app.inject({ method: 'GET', url: `/api/tickets/${encodeURIComponent(ticket.id)}`, headers: auth })).json();
      const draft = view.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
      const approved = await stack.app.inject({ method: 'POST', url: `/api/tickets/${encodeURIComponent(ticket.id)}/approve`, headers: auth, payload: { draftId: draft.id, draftHash: draft.hash } });
      expect(approved.statusCode).toBe(202);
    } else {
      await stack.dispatcher.dispatch(ticket.id);
    }

    const replies = stack.helpdesk.created().filter((request) => request.body.ticketId === ticket.id && request.body.public);
    expect(replies.map((request) => request.body.text)).toEqual([OWN_EMAIL_REPLY]);
    // What the console and the audit trail show stays scrubbed.
    const send = (await getOutboxForTicket(db, ticket.id)).find((entry) => entry.kind === 'send');
    expect(send?.text).not.toContain('ada@example.com');
    expect(send?.text).toContain('Forgot password');
    expect(JSON.stringify(await listAuditEvents(db, ticket.id))).not.toContain('ada@example.com');
  });

  it('a reviewer\'s edit is delivered as typed (phone and address unmasked), and shown scrubbed', async () => {
    stack = await startDeliveryStack();
    const ticket = genericTicket('EDIT-1', 'I want to cancel my subscription, it is too expensive.');
    const { outcome } = await processTicket(stack.services.runtime, ticket);
    expect(outcome.decision).toBe('drafted');
    const edited =
      'Hi Ada,\n\nI am sorry to see you go. Call me on +1 415 555 0199 or write to billing.desk@northwind.example ' +
      'and I will close the account at 12 Harbour Lane, Bristol BS1 4QA today.\n\nBest regards,\nSam';
    const view = (await stack.app.inject({ method: 'GET', url: `/api/tickets/${encodeURIComponent(ticket.id)}`, headers: auth })).json();
    const draft = view.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
    const approved = await stack.app.inject({
      method: 'POST',
      url: `/api/tickets/${encodeURIComponent(ticket.id)}/approve`,
      headers: auth,
      payload: { draftId: draft.id, draftHash: draft.hash, text: edited },
    });
    expect(approved.statusCode).toBe(202);

    const replies = stack.helpdesk.created().filter((request) => request.body.ticketId === ticket.id && request.body.public);
    expect(replies.map((request) => request.body.text)).toEqual([edited]);
    const db = stack.services.runtime.store.db;
    const send = (await getOutboxForTicket(db, ticket.id)).find((entry) => entry.kind === 'send');
    expect(send).toMatchObject({ status: 'delivered', approvedBy: 'reviewer' });
    expect(send?.text).not.toContain('555 0199');
    // The binding still holds: the same approval again is refused.
    const again = await stack.app.inject({
      method: 'POST',
      url: `/api/tickets/${encodeURIComponent(ticket.id)}/approve`,
      headers: auth,
      payload: { draftId: draft.id, draftHash: draft.hash, text: edited },
    });
    expect(again.statusCode).toBe(409);
    expect(stack.helpdesk.created().filter((request) => request.body.ticketId === ticket.id && request.body.public)).toHaveLength(1);
  });

  it('a mask the reviewer kept from the shown draft goes out as the value it stood for; the rest as typed', async () => {
    stack = await startDeliveryStack();
    const ticket = genericTicket('MASK-1', 'Please cancel my subscription.');
    await processTicket(stack.services.runtime, ticket);
    const db = stack.services.runtime.store.db;
    // A draft that names the customer's email, as a model's draft may: sealed exact, shown scrubbed.
    const draft = (await getOutboxForTicket(db, ticket.id))[0]!;
    const exactDraft = 'Hi Ada,\n\nWe will confirm the cancellation to ada@example.com.\n\nBest regards';
    await db.updateTable('outbox').set({ sealed_text: stack.services.runtime.outboxCipher.seal(exactDraft, ticket.id) }).where('id', '=', draft.id).execute();
    const view = (await stack.app.inject({ method: 'GET', url: `/api/tickets/${encodeURIComponent(ticket.id)}`, headers: auth })).json();
    const shown = view.outbox[0];
    const edited = 'Hi Ada,\n\nDone: we will confirm the cancellation to [email:***@example.com] today. Or call +1 415 555 0101.\n\nSam';
    const approved = await stack.app.inject({
      method: 'POST',
      url: `/api/tickets/${encodeURIComponent(ticket.id)}/approve`,
      headers: auth,
      payload: { draftId: shown.id, draftHash: shown.hash, text: edited },
    });
    expect(approved.statusCode).toBe(202);
    const replies = stack.helpdesk.created().filter((request) => request.body.ticketId === ticket.id && request.body.public);
    expect(replies.map((request) => request.body.text)).toEqual([edited.replace('[email:***@example.com]', 'ada@example.com')]);
  });

  it('a mask that stood for two values is refused with a clear message, and nothing is sent', async () => {
    stack = await startDeliveryStack();
    const ticket = genericTicket('MASK-2', 'Please cancel my subscription.');
    await processTicket(stack.services.runtime, ticket);
    const db = stack.services.runtime.store.db;
    const draft = (await getOutboxForTicket(db, ticket.id))[0]!;
    const exactDraft = 'Hi Ada, we wrote to ada@example.com and to billing@example.com.';
    await db.updateTable('outbox').set({ sealed_text: stack.services.runtime.outboxCipher.seal(exactDraft, ticket.id) }).where('id', '=', draft.id).execute();
    const shown = (await stack.app.inject({ method: 'GET', url: `/api/tickets/${encodeURIComponent(ticket.id)}`, headers: auth })).json().outbox[0];
    const response = await stack.app.inject({
      method: 'POST',
      url: `/api/tickets/${encodeURIComponent(ticket.id)}/approve`,
      headers: auth,
      payload: { draftId: shown.id, draftHash: shown.hash, text: 'Hi Ada, we wrote to [email:***@example.com].' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'ambiguous_mask', message: expect.stringContaining('[email:***@example.com]') });
    expect(stack.helpdesk.created().filter((request) => request.body.ticketId === ticket.id && request.body.public)).toEqual([]);
  });

  it('an approval that names another draft or a changed hash still sends nothing', async () => {
    stack = await startDeliveryStack();
    const ticket = genericTicket('BIND-1', 'Please cancel my subscription.');
    await processTicket(stack.services.runtime, ticket);
    const view = (await stack.app.inject({ method: 'GET', url: `/api/tickets/${encodeURIComponent(ticket.id)}`, headers: auth })).json();
    const draft = view.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
    for (const payload of [
      { draftId: draft.id, draftHash: '0'.repeat(32), text: 'Hi, anything.' },
      { draftId: 'another-draft', draftHash: draft.hash, text: 'Hi, anything.' },
    ]) {
      const response = await stack.app.inject({ method: 'POST', url: `/api/tickets/${encodeURIComponent(ticket.id)}/approve`, headers: auth, payload });
      expect(response.json().error.code).toBe('draft_changed');
    }
    expect(stack.helpdesk.created().filter((request) => request.body.ticketId === ticket.id && request.body.public)).toEqual([]);
  });

  it('the database file never holds the reply\'s plaintext PII, and the sealed text is wiped once delivered', async () => {
    stack = await startDeliveryStack();
    const ticket = genericTicket('DISK-1', 'Please cancel my subscription.');
    await processTicket(stack.services.runtime, ticket);
    const db = stack.services.runtime.store.db;
    const phone = '+1 415 555 0142';
    const privateEmail = 'sam.reviewer.private@northwind.example';
    const edited = `Hi Ada,\n\nCall ${phone} or write to ${privateEmail}.\n\nBest regards,\nSam`;
    const view = (await stack.app.inject({ method: 'GET', url: `/api/tickets/${encodeURIComponent(ticket.id)}`, headers: auth })).json();
    const draft = view.outbox.find((entry: { kind: string }) => entry.kind === 'draft');

    // Hold delivery so the stored, not-yet-delivered state can be looked at.
    const holdStack = stack;
    holdStack.services.dispatch = async () => undefined;
    await stack.app.inject({ method: 'POST', url: `/api/tickets/${encodeURIComponent(ticket.id)}/approve`, headers: auth, payload: { draftId: draft.id, draftHash: draft.hash, text: edited } });
    const send = (await getOutboxForTicket(db, ticket.id)).find((entry) => entry.kind === 'send')!;
    const sealed = await readSealedText(db, send.id);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(phone);
    expect(await readSealedText(db, draft.id)).toBeNull();
    for (const secret of [phone, privateEmail]) expect(databaseBytes(stack)).not.toContain(secret);

    await stack.dispatcher.dispatch(ticket.id);
    expect(stack.helpdesk.created().map((request) => request.body.text)).toContain(edited);
    expect(await readSealedText(db, send.id)).toBeNull();
    await checkpoint(stack);
    for (const secret of [phone, privateEmail]) expect(databaseBytes(stack)).not.toContain(secret);
  });
});

describe('a key that does not open the sealed reply', () => {
  let stack: DeliveryStack;
  afterEach(async () => {
    await stack?.close();
  });

  it('fails the entry with a reason naming the key, sends nothing (no scrubbed fallback), and a retry with the right key delivers it once', async () => {
    stack = await startDeliveryStack({ model: ownEmailModel() });
    const ticket = genericTicket('KEY-1', 'I forgot my password, how do I reset it?');
    const { outcome } = await processTicket(stack.services.runtime, ticket);
    const db = stack.services.runtime.store.db;
    const kind = outcome.decision === 'sent' ? 'send' : 'draft';

    const wrongKey = stack.newDispatcher({ cipher: createOutboxCipher(Buffer.alloc(32, 9)) });
    const [result] = await wrongKey.dispatch(ticket.id);
    expect(result).toMatchObject({ outcome: 'failed' });
    expect(result?.error).toMatch(/OUTBOX_ENCRYPTION_KEY/);
    expect(stack.helpdesk.requests.filter((request) => request.body.ticketId === ticket.id)).toEqual([]);
    const entry = (await getOutboxForTicket(db, ticket.id)).find((candidate) => candidate.kind === kind)!;
    expect(entry).toMatchObject({ status: 'failed' });
    expect(entry.lastError).toMatch(/cannot be decrypted/);
    expect((await getTicket(db, ticket.id))?.status).toBe('delivery_failed');

    const retried = await stack.app.inject({ method: 'POST', url: `/api/tickets/${encodeURIComponent(ticket.id)}/retry-delivery`, headers: auth });
    expect(retried.statusCode).toBe(202);
    const delivered = stack.helpdesk.created().filter((request) => request.body.ticketId === ticket.id);
    expect(delivered.map((request) => request.body.text)).toEqual([OWN_EMAIL_REPLY]);
  });

  it('a dispatcher without any key fails a sealed entry rather than sending its scrubbed copy', async () => {
    stack = await startDeliveryStack({ model: ownEmailModel() });
    const ticket = genericTicket('KEY-2', 'I forgot my password, how do I reset it?');
    await processTicket(stack.services.runtime, ticket);
    const [result] = await stack.newDispatcher({ cipher: undefined }).dispatch(ticket.id);
    expect(result).toMatchObject({ outcome: 'failed' });
    expect(result?.error).toMatch(/no outbox key/);
    expect(stack.helpdesk.requests.filter((request) => request.body.ticketId === ticket.id)).toEqual([]);
  });
});

async function checkpoint(stack: DeliveryStack): Promise<void> {
  const { sql } = await import('kysely');
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(stack.services.runtime.store.db);
}
