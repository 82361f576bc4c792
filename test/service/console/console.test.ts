/**
 * The review console driven in Debian's chromium against the real service: sign-in, the queue,
 * approve with an edited text, reject with a reason, literal rendering of hostile ticket text,
 * inline 409s, the decisions search, the queue's refresh and its failed deliveries.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { getDecision } from '../../../src/service/store/repositories/decision-repository.js';
import { getOutboxForTicket, markOutboxFailed } from '../../../src/service/store/repositories/outbox-repository.js';
import { setTicketStatus } from '../../../src/service/store/repositories/ticket-repository.js';
import type { Ticket } from '../../../src/triage/types.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from '../support/test-services.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CANCEL_ID = 'T-cancel';
const LEGAL_ID = 'T-legal';
const XSS_ID = 'T-xss';
const SENT_ID = 'T-sent';
const STALE_ID = 'T-stale';
const CHANGED_ID = 'T-changed';
const EDITED_TEXT = 'Hi Ada,\n\nSorry to see you go. Your plan stays active until the end of this billing period.\n\nEdited by a human reviewer.';
// Two lines: plain text with markup in it, which triage reads as text with remnants (issue 9), so the
// <script> reaches the search_kb step and the timeline as well as the stored body.
const XSS_BODY =
  `Hello <img src=x onerror="window.__xss='img';alert('img')"> and <script>window.__xss='script';alert('script')</script>\n` +
  'please cancel my subscription <b>now</b>';

const auth = { authorization: `Bearer ${TEST_REVIEWER_TOKEN}` };

/**
 * What the callbacks run inside the page touch. The project's tsconfig has no DOM library (all
 * other code runs on Node), so these few globals are typed here instead of for every file.
 */
interface PageGlobals {
  location: { hash: string };
  sessionStorage: object;
  document: {
    activeElement: unknown;
    querySelector(selector: string): { textContent: string | null } | null;
    addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
  };
  __violations?: string[];
  __xss?: string;
}

function ticket(id: string, body: string): Ticket {
  return { id, source: 'generic', customerEmail: 'ada@example.com', body, receivedAt: new Date().toISOString() };
}

// Skipped on a developer machine without chromium; never in CI, where a missing browser must fail the run.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the review console in a browser', () => {
  let services: TestServices;
  let app: TriageApp;
  let baseUrl: string;
  let browser: Browser;
  // One context for the suite; each test gets its own page, and sessionStorage is per page.
  let sharedContext: BrowserContext;
  let clockContext: BrowserContext | undefined;
  let openedPage: Page | undefined;
  let dialogs: string[] = [];
  let pageErrors: string[] = [];

  async function seed(id: string, body: string, expected: 'sent' | 'drafted') {
    const { outcome } = await processTicket(services.runtime, ticket(id, body));
    expect(outcome.decision, `${id} should be ${expected}`).toBe(expected);
    return outcome;
  }

  async function api(path: string) {
    const response = await app.inject({ method: 'GET', url: path, headers: auth });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  /** A fresh page; hostile ticket text must not reach the test as a dialog, an error or a CSP violation. */
  async function openPage(options: { fakeClock?: boolean } = {}): Promise<Page> {
    let context = sharedContext;
    if (options.fakeClock) {
      // The fake clock belongs to a context, so it gets one of its own.
      clockContext = await browser.newContext({ viewport: { width: 1366, height: 860 } });
      clockContext.setDefaultTimeout(10_000);
      context = clockContext;
    }
    const page = await context.newPage();
    openedPage = page;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript(() => {
      const page = globalThis as unknown as PageGlobals;
      const violations: string[] = [];
      page.__violations = violations;
      page.document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    if (options.fakeClock) {
      // Paused from the first script on, so only runFor() moves the page's timers.
      await page.clock.install({ time: new Date('2026-11-02T09:00:00Z') });
      await page.clock.pauseAt(new Date('2026-11-02T09:00:01Z'));
    }
    return page;
  }

  async function signedIn(page: Page, hash = '#/queue') {
    await page.goto(`${baseUrl}/#token=${encodeURIComponent(TEST_REVIEWER_TOKEN)}`);
    await page.locator('#app-nav').waitFor();
    if (hash !== '#/queue') await page.evaluate((target) => ((globalThis as unknown as PageGlobals).location.hash = target), hash);
  }

  function queueRow(page: Page, ticketId: string) {
    return page.locator(`#queue-body tr[data-ticket-id="${ticketId}"]`);
  }

  beforeAll(async () => {
    services = await createTestServices();
    app = await buildApp(services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await seed(SENT_ID, 'I forgot my password', 'sent');
    await seed(LEGAL_ID, 'My lawyer says I have a right to my data under GDPR. Send me everything you hold about me.', 'drafted');
    await seed(XSS_ID, XSS_BODY, 'drafted');
    await seed(CHANGED_ID, 'My lawyer will hear about this chargeback', 'drafted');
    await seed(STALE_ID, 'I want to cancel my plan, it is too expensive', 'drafted');
    // Seeded last so it is the newest draft, at the top of the queue.
    await seed(CANCEL_ID, 'Please cancel my subscription', 'drafted');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    sharedContext = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    sharedContext.setDefaultTimeout(10_000);
  });

  afterEach(async () => {
    const page = openedPage;
    const violations = page && !page.isClosed() ? await page.evaluate(() => (globalThis as unknown as PageGlobals).__violations ?? ['the recorder did not load']) : [];
    await page?.close();
    await clockContext?.close();
    openedPage = undefined;
    clockContext = undefined;
    const errors = pageErrors;
    const opened = dialogs;
    pageErrors = [];
    dialogs = [];
    expect(errors, 'uncaught errors in the page').toEqual([]);
    expect(opened, 'dialogs opened by the page').toEqual([]);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await services?.cleanup();
  });

  it('a wrong token shows the sign-in message; the right one opens the queue, newest first', async () => {
    const page = await openPage();
    await page.goto(baseUrl);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'self'");

    await page.getByLabel('Reviewer token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const message = page.locator('#sign-in-message [role="alert"]');
    await message.waitFor();
    expect(await message.textContent()).toContain('not accepted (401)');
    expect(await page.locator('#app-nav').isHidden()).toBe(true);
    await page.screenshot({ path: '/tmp/console-sign-in.png' });

    await page.getByLabel('Reviewer token').fill(TEST_REVIEWER_TOKEN);
    await page.getByLabel(/Your name/).fill('Grace Reviewer');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await queueRow(page, CANCEL_ID).waitFor();
    expect(await page.evaluate(() => Object.values((globalThis as unknown as PageGlobals).sessionStorage))).toContain(TEST_REVIEWER_TOKEN);

    const ids = await page.locator('#queue-body tr[data-ticket-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ticket-id')));
    expect(ids).toEqual([CANCEL_ID, STALE_ID, CHANGED_ID, XSS_ID, LEGAL_ID]);
    const row = queueRow(page, CANCEL_ID);
    await row.locator('.ticket-line:not(.muted)').waitFor();
    expect(await row.locator('.ticket-line').textContent()).toBe('Please cancel my subscription');
    expect(await row.locator('.chip').allTextContents()).toEqual(['retention']);
    expect(await row.locator('.confidence').textContent()).toMatch(/^0\.\d\d$/);
    // The intent the model stored, whichever it is: the console shows it, it does not pick it.
    expect(await row.locator('.intent').textContent()).toBe((await getDecision(services.runtime.store.db, CANCEL_ID))?.intent);
    expect(await page.locator('#queue-count').textContent()).toBe('5');
    await page.screenshot({ path: '/tmp/console-queue.png' });
  });

  it('a #token= link signs in once and is removed from the address bar', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/#token=${encodeURIComponent(TEST_REVIEWER_TOKEN)}`);
    await queueRow(page, CANCEL_ID).waitFor();
    expect(page.url()).toBe(`${baseUrl}/`);
    await page.reload();
    await queueRow(page, CANCEL_ID).waitFor();
    expect(page.url()).not.toContain('token');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Reviewer token').waitFor();
    expect(await page.evaluate(() => Object.values((globalThis as unknown as PageGlobals).sessionStorage))).not.toContain(TEST_REVIEWER_TOKEN);
  });

  it('a token that stops working sends the reviewer back to the sign-in form', async () => {
    const page = await openPage();
    await page.goto(`${baseUrl}/#token=wrong-token`);
    const message = page.locator('#sign-in-message [role="alert"]');
    await message.waitFor();
    expect(await message.textContent()).toContain('not accepted');
    expect(page.url()).toBe(`${baseUrl}/`);
  });

  it('opens a draft from the queue with the keyboard, shows why it drafted, and approves the edited text', async () => {
    const page = await openPage();
    await signedIn(page);
    await queueRow(page, CANCEL_ID).getByRole('link', { name: CANCEL_ID }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#draft-text').waitFor();
    expect(page.url()).toContain(`#/tickets/${CANCEL_ID}`);

    expect(await page.locator('#ticket-body').textContent()).toBe('Please cancel my subscription');
    expect(await page.locator('#outcome-tags .chip').allTextContents()).toEqual(['retention']);
    const reasons = await page.locator('#outcome-reasons li').allTextContents();
    expect(reasons.some((reason) => reason.includes('retention'))).toBe(true);
    expect(await page.getByRole('heading', { name: 'Why did it draft this?' }).isVisible()).toBe(true);

    const detail = await api(`/api/tickets/${CANCEL_ID}`);
    const draft = detail.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
    expect(await page.locator('#draft-text').inputValue()).toBe(draft.text);

    // The timeline: one line per stored event, with the permission engine's verdict and reason.
    expect(await page.locator('#timeline > li').count()).toBe(detail.events.length);
    const permission = page.locator('#timeline li[data-type="permission-decision"]').first();
    expect(await permission.locator('.event-summary').textContent()).toMatch(/^get_customer_profile: allow · by mode · tool "get_customer_profile" is read-only/);
    expect(await page.locator('#timeline li[data-type="agent-end"] .event-summary').textContent()).toContain('stop: answer');
    await permission.locator('summary').click();
    expect(JSON.parse((await permission.locator('pre').textContent()) ?? '')).toMatchObject({ toolName: 'get_customer_profile', decision: 'allow' });
    await page.screenshot({ path: '/tmp/console-ticket.png', fullPage: true });

    const draftsBefore = Number(await page.locator('#queue-count').textContent());
    await page.locator('#draft-text').fill(EDITED_TEXT);
    expect(await page.locator('#draft-edited').textContent()).toContain('Edited');
    await page.getByRole('button', { name: 'Send to the customer' }).click();
    await page.locator('#sent-text').waitFor();
    expect(await page.locator('#announcer').textContent()).toContain(`Approved ticket ${CANCEL_ID}`);
    expect(await page.locator('#sent-text').textContent()).toBe(EDITED_TEXT);
    expect(await page.locator('#ticket-badges').textContent()).toContain('approved');
    await page.waitForFunction(
      (expected) => (globalThis as unknown as PageGlobals).document.querySelector('#queue-count')?.textContent === expected,
      String(draftsBefore - 1),
    );

    const after = await api(`/api/tickets/${CANCEL_ID}`);
    expect(after.status).toBe('sent');
    const send = after.outbox.find((entry: { kind: string }) => entry.kind === 'send');
    expect(send).toMatchObject({ kind: 'send', text: EDITED_TEXT, public: true, approvedBy: 'reviewer' });
    expect(after.events.at(-1)).toMatchObject({ type: 'review-approved', data: { edited: true, draftId: draft.id, draftHash: draft.hash } });
    await page.screenshot({ path: '/tmp/console-ticket-approved.png' });

    await page.getByRole('link', { name: '← Back to the queue' }).click();
    await page.locator('#queue-body[aria-busy="false"] tr[data-ticket-id]').first().waitFor();
    expect(await queueRow(page, CANCEL_ID).count()).toBe(0);
  });

  it('rejects a draft only with a reason, and records the reason', async () => {
    const page = await openPage();
    // Signed in through the form with a name this time: the name goes into the audit trail.
    await page.goto(`${baseUrl}/#/tickets/${LEGAL_ID}`);
    await page.getByLabel('Reviewer token').fill(TEST_REVIEWER_TOKEN);
    await page.getByLabel(/Your name/).fill('Grace Hopper');
    await page.getByLabel(/Your name/).press('Enter');
    await page.locator('#draft-text').waitFor();
    expect(await page.locator('#outcome-tags .chip').allTextContents()).toContain('legal-review');

    await page.getByRole('button', { name: 'Reject…' }).click();
    const reason = page.getByLabel(/Why are you rejecting/);
    expect(await reason.evaluate((field) => field === (globalThis as unknown as PageGlobals).document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Reject draft' }).click();
    expect(await page.locator('#review-error [role="alert"]').textContent()).toContain('Give a reason');
    expect((await api(`/api/tickets/${LEGAL_ID}`)).review).toBe('awaiting-review');

    // Escape closes the reason form and gives focus back to the button that opened it.
    await reason.press('Escape');
    expect(await page.locator('#reject-form').isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: 'Reject…' }).evaluate((button) => button === (globalThis as unknown as PageGlobals).document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await reason.evaluate((field) => field === (globalThis as unknown as PageGlobals).document.activeElement)).toBe(true);
    await reason.fill('Legal must answer GDPR access requests themselves.');
    await page.getByRole('button', { name: 'Reject draft' }).click();
    await page.getByRole('heading', { name: 'Draft (rejected)' }).waitFor();
    expect(await page.locator('.notice').textContent()).toContain('Legal must answer GDPR access requests themselves.');

    const after = await api(`/api/tickets/${LEGAL_ID}`);
    expect(after.review).toBe('rejected');
    expect(after.outbox.find((entry: { kind: string }) => entry.kind === 'draft').status).toBe('rejected');
    expect(after.events.at(-1)).toMatchObject({ type: 'review-rejected', data: { reviewer: 'reviewer', declaredName: 'Grace Hopper', reason: 'Legal must answer GDPR access requests themselves.' } });
    expect(await page.locator('#timeline li[data-type="review-rejected"] .event-summary').textContent()).toContain('reason: Legal must answer');
  });

  it('shows markup in a ticket as text and never runs it', async () => {
    const page = await openPage();
    await signedIn(page);
    const row = queueRow(page, XSS_ID);
    await row.locator('.ticket-line:not(.muted)').waitFor();
    expect(await row.locator('.ticket-line').textContent()).toContain('<img src=x onerror=');

    await row.locator('.intent').click();
    await page.locator('#ticket-body').waitFor();
    const stored = (await api(`/api/tickets/${XSS_ID}`)).ticket.body as string;
    expect(stored).toContain('<script>');
    expect(await page.locator('#ticket-body').textContent()).toBe(stored);
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__xss)).toBeUndefined();
    // The search_kb step echoes the text into the timeline too; open every event to render it all.
    await page.screenshot({ path: '/tmp/console-ticket-markup.png' });
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await page.locator('#timeline').textContent()).toContain('<script>');
    expect(await page.locator('main img, main script').count()).toBe(0);
  });

  it('shows a 409 from a stale page inline and reloads on request', async () => {
    const page = await openPage();
    await signedIn(page, `#/tickets/${STALE_ID}`);
    await page.locator('#draft-text').waitFor();
    // Someone else approves while this page is open.
    const detail = await api(`/api/tickets/${STALE_ID}`);
    const draft = detail.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
    const other = await app.inject({ method: 'POST', url: `/api/tickets/${STALE_ID}/approve`, headers: auth, payload: { draftId: draft.id, draftHash: draft.hash } });
    expect(other.statusCode).toBe(202);

    await page.locator('#draft-text').fill('A second answer that must not go out.');
    await page.getByRole('button', { name: 'Send to the customer' }).click();
    const error = page.locator('#review-error [role="alert"]');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('already_sent');
    expect(await error.textContent()).toContain('already been answered');
    await error.getByRole('button', { name: 'Reload ticket' }).click();
    await page.locator('#sent-text').waitFor();
    expect(await page.locator('#sent-text').textContent()).toBe(draft.text);
  });

  it('does not send a draft that changed since the page loaded, and says to reload', async () => {
    const page = await openPage();
    // The page gets a draft whose hash no longer matches the stored one, as after a re-draft.
    await page.route(`**/api/tickets/${CHANGED_ID}`, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      for (const entry of body.outbox) if (entry.kind === 'draft') entry.hash = 'f'.repeat(32);
      await route.fulfill({ response, json: body });
    });
    await signedIn(page, `#/tickets/${CHANGED_ID}`);
    await page.locator('#draft-text').waitFor();
    await page.getByRole('button', { name: 'Send to the customer' }).click();
    const error = page.locator('#review-error [role="alert"]');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('draft_changed');
    expect(await error.textContent()).toContain('Reload the ticket');
    expect((await api(`/api/tickets/${CHANGED_ID}`)).outbox.some((entry: { kind: string }) => entry.kind === 'send')).toBe(false);

    await page.unroute(`**/api/tickets/${CHANGED_ID}`);
    await error.getByRole('button', { name: 'Reload ticket' }).click();
    await page.locator('#review-error:empty').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Send to the customer' }).click();
    await page.locator('#sent-text').waitFor();
    expect((await api(`/api/tickets/${CHANGED_ID}`)).status).toBe('sent');
  });

  it('finds the sent ticket with confidence 0.85-1.0 in the last 7 days and opens it', async () => {
    const page = await openPage();
    await signedIn(page);
    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.getByLabel('Min confidence').fill('0.85');
    await page.getByLabel('Max confidence').fill('1.0');
    await page.getByLabel('Since').fill('7d');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/#\/decisions\?minConfidence=0\.85&maxConfidence=1\.0&since=7d$/);
    await page.locator('#decision-results[aria-busy="false"] #decision-count').waitFor();
    const expected = (await api('/api/decisions?minConfidence=0.85&maxConfidence=1.0&since=7d')).decisions.map((row: { ticketId: string }) => row.ticketId);
    expect(expected).toContain(SENT_ID);
    const listed = await page.locator('#decision-results tr[data-ticket-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ticket-id')));
    expect(listed).toEqual(expected);
    expect(await page.locator('#decision-count').textContent()).toContain('confidence 0.85–1.0');
    await page.screenshot({ path: '/tmp/console-decisions.png' });

    await page.locator(`#decision-results tr[data-ticket-id="${SENT_ID}"] .intent`).click();
    await page.locator('#sent-text').waitFor();
    expect(page.url()).toContain(`#/tickets/${SENT_ID}`);
    expect(await page.locator('#ticket-body').textContent()).toBe('I forgot my password');
    expect(await page.locator('#reply-heading').textContent()).toBe('Reply sent to the customer');
    expect(await page.locator('#reply-meta').textContent()).toMatch(/^Sent automatically/);

    // Back returns to the same search, filters filled in.
    await page.goBack();
    await page.locator('#decision-results tr[data-ticket-id]').first().waitFor();
    expect(await page.getByLabel('Min confidence').inputValue()).toBe('0.85');
    expect(await page.getByLabel('Since').inputValue()).toBe('7d');

    await page.getByLabel('Since').fill('yesterday');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const error = page.locator('#decision-results [role="alert"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('"yesterday" is not a time');
  });

  it('without the live stream, the queue picks up new drafts on the refresh button and every 10 seconds', async () => {
    const page = await openPage({ fakeClock: true });
    // The live stream is down (a proxy that buffers, say): polling is the fallback.
    await page.route('**/api/events/stream', (route) => route.abort());
    await signedIn(page);
    await page.locator('#queue-body[aria-busy="false"] tr[data-ticket-id]').first().waitFor();

    await seed('T-refresh-button', 'Please close my account, I am leaving for another shop', 'drafted');
    expect(await queueRow(page, 'T-refresh-button').count()).toBe(0);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await queueRow(page, 'T-refresh-button').waitFor();

    await seed('T-refresh-timer', 'I want to cancel my membership today', 'drafted');
    await page.clock.runFor(9_000);
    expect(await queueRow(page, 'T-refresh-timer').count()).toBe(0);
    await page.clock.runFor(1_000);
    await queueRow(page, 'T-refresh-timer').waitFor();
    const ids = await page.locator('#queue-body tr[data-ticket-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ticket-id')));
    expect(ids.slice(0, 2)).toEqual(['T-refresh-timer', 'T-refresh-button']);
  });

  it('lists a reply the outbox gave up on with its reason, and its retry button re-arms it', async () => {
    const id = 'T-undelivered';
    await seed(id, 'I forgot my password', 'sent');
    const db = services.runtime.store.db;
    const [entry] = await getOutboxForTicket(db, id);
    // As the dispatcher leaves it after the last attempt.
    await markOutboxFailed(db, entry!.id, 'generic POST /reply failed with status 503 (retryable).');
    await setTicketStatus(db, id, 'delivery_failed');

    const page = await openPage();
    await signedIn(page);
    const row = page.locator(`#delivery-failures tr[data-ticket-id="${id}"]`);
    await row.waitFor();
    expect(await row.locator('.failure-reason').textContent()).toBe('generic POST /reply failed with status 503 (retryable).');
    expect(await page.locator('#queue-count').textContent()).toBe(String((await api('/api/drafts')).drafts.length));
    await page.screenshot({ path: '/tmp/console-delivery-failures.png' });

    await row.getByRole('button', { name: 'Retry delivery' }).click();
    await page.locator('#delivery-failures').waitFor({ state: 'hidden' });
    const view = await api(`/api/tickets/${id}`);
    expect(view.status).toBe('sent');
    expect(view.outbox[0]).toMatchObject({ id: entry!.id, status: 'pending' });
  });
});
