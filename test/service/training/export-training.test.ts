/**
 * Learning from reviewers: approvals, edits and rejections through the API (with the reviewer's
 * intent correction) come out of `triage export-training` as labelled examples, and only the
 * right ones become training examples.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { exportReviewedExamples } from '../../../src/service/training/export-reviewed-examples.js';
import { parseReviewedExamples, reviewedTrainingExamples } from '../../../src/triage/local-model/reviewed-examples.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from '../support/test-services.js';

const auth = { authorization: `Bearer ${TEST_REVIEWER_TOKEN}` };

describe('export-training', () => {
  let services: TestServices;
  let app: TriageApp;
  let folder: string;

  async function drafted(id: string, body: string, subject?: string) {
    await processTicket(services.runtime, { id, source: 'cli', customerEmail: 'linus@example.com', subject, body, receivedAt: new Date().toISOString() });
    const detail = (await app.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: auth })).json();
    const draft = detail.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
    expect(draft, `${id} is drafted`).toBeDefined();
    return { id, draftId: draft.id as string, draftHash: draft.hash as string, intent: detail.outcome.intent as string };
  }

  async function review(id: string, action: 'approve' | 'reject', payload: Record<string, unknown>) {
    return app.inject({ method: 'POST', url: `/api/tickets/${id}/${action}`, headers: auth, payload });
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'export-training-'));
    services = await createTestServices();
    app = await buildApp(services);
    const approved = await drafted('T-approved', 'Please cancel my subscription now');
    const edited = await drafted('T-edited', 'I want to talk to a real person about my delivery', 'Where is my parcel');
    const corrected = await drafted('T-corrected', 'Under the GDPR send me a copy of my personal data');
    const rejected = await drafted('T-rejected', 'My lawyer says the last invoice is wrong');
    await drafted('T-unreviewed', 'Please cancel my subscription, it is too expensive');

    expect((await review(approved.id, 'approve', { draftId: approved.draftId, draftHash: approved.draftHash })).statusCode).toBe(202);
    expect(
      (await review(edited.id, 'approve', { draftId: edited.draftId, draftHash: edited.draftHash, text: 'Hi, a colleague will call you today.', intent: 'track_order', reviewer: 'maria' }))
        .statusCode,
    ).toBe(202);
    expect((await review(corrected.id, 'reject', { reason: 'wrong article', intent: 'delete_account' })).statusCode).toBe(200);
    expect((await review(rejected.id, 'reject', { reason: 'needs legal' })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await services.cleanup();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses an intent the classifier does not know, on approve and reject', async () => {
    const ticket = await drafted('T-bad-intent', 'Please cancel my account today');
    const approve = await review(ticket.id, 'approve', { draftId: ticket.draftId, draftHash: ticket.draftHash, intent: 'make_coffee' });
    expect(approve.statusCode).toBe(400);
    expect(approve.json().error.code).toBe('unknown_intent');
    expect((await review(ticket.id, 'reject', { reason: 'x', intent: 'make_coffee' })).json().error.code).toBe('unknown_intent');
  });

  it('exports each reviewed draft with its outcome, intent, final reply, tags and reason', async () => {
    const examples = await exportReviewedExamples(services.runtime.store.db);
    const byId = new Map(examples.map((example) => [example.ticketId, example]));
    expect([...byId.keys()].sort()).toEqual(['T-approved', 'T-corrected', 'T-edited', 'T-rejected']);
    expect(byId.get('T-approved')).toMatchObject({ outcome: 'approved', intentSource: 'model', text: 'Please cancel my subscription now', reviewer: 'reviewer' });
    expect(byId.get('T-approved')?.tags).toContain('retention');
    expect(byId.get('T-approved')?.reply).toBeTruthy();
    expect(byId.get('T-edited')).toMatchObject({
      outcome: 'edited',
      intent: 'track_order',
      intentSource: 'reviewer',
      reply: 'Hi, a colleague will call you today.',
      text: 'Where is my parcel\nI want to talk to a real person about my delivery',
      reviewer: 'maria',
    });
    expect(byId.get('T-corrected')).toMatchObject({ outcome: 'rejected', intent: 'delete_account', intentSource: 'reviewer', reason: 'wrong article' });
    expect(byId.get('T-corrected')?.reply).toBeUndefined();
    expect(byId.get('T-rejected')).toMatchObject({ outcome: 'rejected', intentSource: 'model', reason: 'needs legal' });
  });

  it('training takes approved and edited drafts, and rejected ones only with a corrected intent', async () => {
    const examples = reviewedTrainingExamples(await exportReviewedExamples(services.runtime.store.db));
    expect(examples.map((example) => example.intent).sort()).toEqual(
      [(await exportReviewedExamples(services.runtime.store.db)).find((example) => example.ticketId === 'T-approved')!.intent, 'delete_account', 'track_order'].sort(),
    );
    // The reviewer's correction is what trains; the approved "cancel my subscription" may read as delete_account too.
    expect(examples.filter((example) => example.intent === 'delete_account').map((example) => example.text)).toContain(
      'Under the GDPR send me a copy of my personal data',
    );
  });

  it('the CLI writes the JSONL to a file, filtered by --since, and refuses a bad time', async () => {
    const output = join(folder, 'reviewed.jsonl');
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (text: string) => (stdout += text),
      stderr: (text: string) => (stderr += text),
      readStdin: () => new Uint8Array(),
      stderrIsTty: false,
      environment: { DATABASE_URL: services.config.DATABASE_URL },
    };
    expect(await runCli(['export-training', '--since', '30d', '--output', output], io)).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/wrote 4 reviewed example\(s\) to .*: 1 approved, 1 edited, 2 rejected; 2 intent correction\(s\)/);
    const written = parseReviewedExamples(readFileSync(output, 'utf8'), output);
    expect(written.map((example) => example.ticketId).sort()).toEqual(['T-approved', 'T-corrected', 'T-edited', 'T-rejected']);

    stdout = '';
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await runCli(['export-training', '--since', future], io)).toBe(0);
    expect(stdout).toBe('');
    expect(await runCli(['export-training', '--since', 'yesterday'], io)).toBe(2);
  });
});
