/**
 * The review console's tools for a team, driven in Debian's chromium against the real service:
 * queue search, filters, sorting and age; keyboard shortcuts; bulk approve and reject with a report
 * per item; named reviewers and claims; the customer panel, helpdesk link and per-source wording;
 * live updates over server-sent events; the confidence histogram; the phone-width layout. Saves the
 * screenshots docs/console.md shows.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import type { Ticket } from '../../../src/triage/types.js';
import { createTestServices, type TestServices } from '../support/test-services.js';
import { browserMissing, CHROMIUM, CHROMIUM_ARGS, type PageGlobals } from './browser-support.js';

const ADA = 'ada-token-0123456789';
const BOB = 'bob-token-0123456789';
// docs/console.md's pictures are refreshed on request (UPDATE_SCREENSHOTS=1): a test run must not
// leave the work tree changed.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../../docs/console')
  : mkdtempSync(join(tmpdir(), 'triage-console-screenshots-'));
const HOUR = 3_600_000;

describe.skipIf(browserMissing)('the review console for a team', () => {
  let services: TestServices;
  let app: TriageApp;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  const opened: Array<{ page: Page; context?: BrowserContext }> = [];
  let pageErrors: string[] = [];

  async function seed(ticket: Partial<Ticket> & { id: string; body: string }, expected: 'sent' | 'drafted' = 'drafted') {
    const { outcome } = await processTicket(services.runtime, {
      source: 'generic',
      customerEmail: 'ada@example.com',
      receivedAt: new Date().toISOString(),
      ...ticket,
    });
    expect(outcome.decision, `${ticket.id} should be ${expected}`).toBe(expected);
  }

  async function api(path: string, method: 'GET' | 'POST' = 'GET', payload?: object, token = ADA) {
    const response = await app.inject({ method, url: path, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  }

  async function draftOf(ticketId: string) {
    const detail = await api(`/api/tickets/${encodeURIComponent(ticketId)}`);
    return detail.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
  }

  async function openPage(options: { token?: string; viewport?: { width: number; height: number }; fakeClock?: boolean; blockStream?: boolean } = {}): Promise<Page> {
    let pageContext = context;
    let own: BrowserContext | undefined;
    if (options.viewport || options.fakeClock) {
      own = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 900 } });
      own.setDefaultTimeout(15_000);
      pageContext = own;
    }
    const page = await pageContext.newPage();
    opened.push({ page, context: own });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      const page = globalThis as unknown as PageGlobals;
      const violations: string[] = [];
      page.__violations = violations;
      page.document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    if (options.blockStream) await page.route('**/api/events/stream', (route) => route.abort());
    if (options.fakeClock) {
      await page.clock.install({ time: new Date() });
      await page.clock.pauseAt(new Date(Date.now() + 1000));
    }
    await page.goto(`${baseUrl}/#token=${encodeURIComponent(options.token ?? ADA)}`);
    await page.locator('#app-nav').waitFor();
    return page;
  }

  const rowIds = (page: Page) => page.locator('#queue-body tr[data-ticket-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ticket-id')));

  async function settled(page: Page) {
    await page.locator('#queue-body[aria-busy="false"]').waitFor();
  }

  /** Types a queue filter and waits until the list shows exactly what the API answers for it. */
  async function expectQueue(page: Page, query: string, expected: string[]) {
    await expect.poll(() => rowIds(page), { timeout: 15_000 }).toEqual(expected);
    const fromApi = (await api(`/api/drafts${query}`)).drafts.map((row: { ticketId: string }) => row.ticketId);
    expect(fromApi).toEqual(expected);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    services = await createTestServices({
      environment: {
        REVIEWER_TOKENS: `Ada Lovelace:${ADA},bob:${BOB}`,
        ZENDESK_BASE_URL: 'https://acme.zendesk.com/api/v2',
        CONSOLE_STREAM_POLL_MS: '200',
      },
    });
    app = await buildApp(services);
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
    await seed({ id: 'T-linus-earlier', body: 'Where is my order A2001?', customerEmail: 'linus@example.com', receivedAt: ago(30) }, 'sent');
    await seed({ id: 'T-password', body: 'I forgot my password', receivedAt: ago(5) }, 'sent');
    await seed({ id: 'zendesk:501', source: 'zendesk', externalId: '501', customerEmail: 'linus@example.com', subject: 'Chargeback', body: 'My lawyer will hear about this chargeback', receivedAt: ago(2) });
    await seed({ id: 'hubspot:77', source: 'hubspot', externalId: '77', body: 'Please cancel my subscription', receivedAt: ago(1.5) });
    await seed({ id: 'cli:T-try', source: 'cli', body: 'I want to cancel my plan, it is too expensive' });
    await seed({ id: 'G-plan', body: 'I want to cancel my plan, it is too expensive', receivedAt: ago(0.5) });
    await seed({ id: 'G-cancel', body: 'Please cancel my subscription', receivedAt: ago(0.25) });
    for (const [index, body] of ['I want to cancel my membership today', 'Please close my account, I am leaving for another shop', 'Please cancel my subscription'].entries()) {
      await seed({ id: `G-bulk-${index + 1}`, body, customerEmail: 'grace@bigcorp.example' });
      await seed({ id: `G-reject-${index + 1}`, body, customerEmail: 'grace@bigcorp.example' });
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    context.setDefaultTimeout(15_000);
  });

  afterEach(async () => {
    for (const { page, context: own } of opened.splice(0)) {
      const violations = page.isClosed() ? [] : await page.evaluate(() => (globalThis as unknown as PageGlobals).__violations ?? ['the recorder did not load']);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
      await page.close();
      await own?.close();
    }
    const errors = pageErrors;
    pageErrors = [];
    expect(errors, 'uncaught errors or dialogs in the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await services?.cleanup();
  });

  it('searches, filters and sorts the queue, shows each ticket\'s age, and hides test tickets until asked', async () => {
    await api(`/api/tickets/${encodeURIComponent('zendesk:501')}/claim`, 'POST', {}, BOB);
    const page = await openPage();
    await settled(page);
    const all = await rowIds(page);
    expect(all).not.toContain('cli:T-try');
    expect(all.slice(-2)).toEqual(['hubspot:77', 'zendesk:501']);
    expect(await page.locator('#queue-hidden-test').textContent()).toBe('1 test ticket (CLI, eval) hidden.');
    expect(await page.locator('tr[data-ticket-id="zendesk:501"] .age').textContent()).toBe('2 h');
    expect(await page.locator('tr[data-ticket-id="G-plan"] .age').textContent()).toBe('30 min');
    expect(await page.locator('tr[data-ticket-id="zendesk:501"] .claim').textContent()).toBe('bob');
    await page.getByLabel('Sort').selectOption('oldest');
    await expect.poll(() => rowIds(page)).toEqual([...all].reverse());
    await page.screenshot({ path: `${SCREENSHOTS}/queue.png` });
    await page.getByLabel('Sort').selectOption('newest');

    await page.getByLabel('Show test tickets (CLI, eval)').check();
    await expect.poll(() => rowIds(page)).toContain('cli:T-try');

    await page.getByLabel('Search text').fill('chargeback');
    await expectQueue(page, '?q=chargeback&includeTest=true', ['zendesk:501']);
    await page.getByLabel('Search text').fill('');
    await page.getByLabel('Customer').fill('linus');
    await expectQueue(page, '?customer=linus&includeTest=true', ['zendesk:501']);
    await page.getByLabel('Customer').fill('');
    await page.getByLabel('Source').selectOption('hubspot');
    await expectQueue(page, '?source=hubspot&includeTest=true', ['hubspot:77']);
    await page.getByLabel('Source').selectOption('');
    await page.getByLabel('Age').selectOption('1h');
    await expectQueue(page, '?olderThan=1h&includeTest=true', ['hubspot:77', 'zendesk:501']);
    await page.getByLabel('Sort').selectOption('oldest');
    await expectQueue(page, '?olderThan=1h&sort=oldest&includeTest=true', ['zendesk:501', 'hubspot:77']);
    await page.locator('#queue-tag').fill('legal-review');
    await expectQueue(page, '?olderThan=1h&sort=oldest&tag=legal-review&includeTest=true', ['zendesk:501']);
    expect(await page.locator('#queue-filter-count').textContent()).toBe('2 filters on');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    // The intent the classifier gives most of the seeded drafts, and a cap at that intent's highest
    // confidence: the filters are what is tested here, not which intent a retrained model picks.
    const queued: { intent: string; confidence: number }[] = (await api('/api/drafts')).drafts;
    const counts = new Map<string, number>();
    for (const row of queued) counts.set(row.intent, (counts.get(row.intent) ?? 0) + 1);
    const intent = [...counts].sort((left, right) => right[1] - left[1])[0]![0];
    const cap = String(Math.max(...queued.filter((row) => row.intent === intent).map((row) => row.confidence)));
    await page.getByLabel('Intent').fill(intent);
    await page.getByLabel('Max confidence').fill(cap);
    await page.getByLabel('Sort').selectOption('confidence');
    const query = `?intent=${intent}&maxConfidence=${cap}&sort=confidence`;
    const expected = (await api(`/api/drafts${query}`)).drafts;
    expect(expected.length).toBeGreaterThan(1);
    await expectQueue(page, query, expected.map((row: { ticketId: string }) => row.ticketId));
    const shown = (await page.locator('#queue-body .confidence').allTextContents()).map(Number);
    expect(shown).toEqual([...shown].sort((left, right) => left - right));
    expect(Math.max(...shown)).toBeLessThanOrEqual(Number(cap));
  });

  it('moves with j and k, opens help with ?, edits with e, and approves with a and rejects with r on a ticket', async () => {
    const page = await openPage();
    await settled(page);
    await page.getByLabel('Source').selectOption('generic');
    await page.getByLabel('Customer').fill('ada@');
    await expect.poll(() => rowIds(page)).toEqual(['G-cancel', 'G-plan']);
    const order = await rowIds(page);
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.locator('#queue-body tr.is-current').getAttribute('data-ticket-id')).toBe(order[0]);
    await page.keyboard.press('j');
    expect(await page.locator('#queue-body tr.is-current').getAttribute('data-ticket-id')).toBe(order[1]);

    await page.keyboard.press('?');
    await page.locator('#shortcut-help').waitFor();
    expect(await page.locator('#shortcut-help dt').allTextContents()).toEqual(expect.arrayContaining(['j', 'k', 'a', 'r', 'e', '?']));
    await page.keyboard.press('Escape');
    await page.locator('#shortcut-help').waitFor({ state: 'hidden' });

    await page.keyboard.press('e');
    await page.waitForURL(new RegExp(`#/tickets/${order[1]}$`));
    await page.locator('#draft-text').waitFor();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id)).toBe('draft-text');
    // Typing in the editor is text, not shortcuts.
    await page.keyboard.type(' ja');
    expect(await page.locator('#draft-text').inputValue()).toMatch(/ ja$/);
    expect(page.url()).toContain(order[1]);

    await page.locator('h1').click();
    await page.keyboard.press('k');
    await page.waitForURL(new RegExp(`#/tickets/${order[0]}$`));
    await page.locator('#draft-text').waitFor();
    await page.locator('h1').click();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id)).toBe('reject-reason');
    await page.keyboard.press('Escape');
    await page.locator('h1').click();
    await page.keyboard.press('a');
    await page.locator('#sent-text').waitFor();
    const after = await api(`/api/tickets/${order[0]}`);
    expect(after.events.at(-1)).toMatchObject({ type: 'review-approved', data: { reviewer: 'Ada Lovelace', edited: false } });
  });

  it('bulk approves and rejects, each bound to its own draft, and reports a partial failure per item', async () => {
    // The page must keep what it loaded while the test changes a draft behind it: no stream, no timer.
    const page = await openPage({ fakeClock: true, blockStream: true });
    await settled(page);
    await page.getByLabel('Search text').fill('G-bulk');
    // The search waits for a pause in typing; the page's clock is stopped, so it is moved by hand.
    await page.clock.runFor(500);
    await expect.poll(() => rowIds(page)).toEqual(['G-bulk-3', 'G-bulk-2', 'G-bulk-1']);
    // Someone answers one of them after the page loaded it.
    const second = await draftOf('G-bulk-2');
    await api('/api/tickets/G-bulk-2/approve', 'POST', { draftId: second.id, draftHash: second.hash }, BOB);

    await page.getByLabel('Select every draft shown').check();
    expect(await page.locator('#bulk-count').textContent()).toBe('3 selected');
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await page.locator('#bulk-summary').waitFor();
    expect(await page.locator('#bulk-summary').textContent()).toBe('2 approved, 1 failed.');
    expect(await page.locator('#bulk-results li[data-ticket-id="G-bulk-2"]').getAttribute('data-code')).toBe('already_sent');
    expect(await page.locator('#bulk-results li.bulk-ok').count()).toBe(2);
    for (const ticketId of ['G-bulk-1', 'G-bulk-3']) {
      const detail = await api(`/api/tickets/${ticketId}`);
      const draft = detail.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
      expect(detail.events.at(-1)).toMatchObject({ type: 'review-approved', data: { reviewer: 'Ada Lovelace', draftId: draft.id, draftHash: draft.hash } });
    }
    await page.screenshot({ path: `${SCREENSHOTS}/bulk-report.png` });

    // The page holds an out-of-date hash for one draft, as after a re-draft: only that one is refused.
    await page.route('**/api/drafts?**', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      for (const row of body.drafts) if (row.ticketId === 'G-reject-2') row.draftHash = 'f'.repeat(32);
      await route.fulfill({ response, json: body });
    });
    await page.getByLabel('Search text').fill('G-reject');
    await page.clock.runFor(500);
    await expect.poll(() => rowIds(page)).toEqual(['G-reject-3', 'G-reject-2', 'G-reject-1']);
    await page.getByLabel('Select every draft shown').check();
    await page.getByRole('button', { name: 'Reject selected…' }).click();
    await page.getByLabel(/Why are you rejecting/).fill('Retention calls these customers.');
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    await page.locator('#bulk-summary').waitFor();
    expect(await page.locator('#bulk-summary').textContent()).toBe('2 rejected, 1 failed.');
    expect(await page.locator('#bulk-results li[data-ticket-id="G-reject-2"]').getAttribute('data-code')).toBe('draft_changed');
    expect((await api('/api/tickets/G-reject-2')).review).toBe('awaiting-review');
    expect((await api('/api/tickets/G-reject-1')).events.at(-1)).toMatchObject({ type: 'review-rejected', data: { reviewer: 'Ada Lovelace', reason: 'Retention calls these customers.' } });
  });

  it('names the signed-in reviewer, shows another reviewer\'s claim, and approves only after an explicit take-over', async () => {
    await api('/api/tickets/G-plan/claim', 'POST', {});
    const page = await openPage({ token: BOB });
    await expect.poll(() => page.locator('#reviewer-name').textContent()).toBe('bob');
    await settled(page);
    expect(await page.locator('tr[data-ticket-id="G-plan"] .claim').textContent()).toBe('Ada Lovelace');

    await page.locator('tr[data-ticket-id="G-plan"] .intent').click();
    await page.locator('#claimed-by-other').waitFor();
    expect(await page.locator('#claimed-by-other').textContent()).toContain('Ada Lovelace is working on this ticket');
    expect(await page.getByRole('button', { name: 'Send to the customer' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/claimed-by-other.png` });

    await page.getByRole('button', { name: 'Take over' }).click();
    await page.getByText('You are working on this ticket').waitFor();
    await page.getByRole('button', { name: 'Send to the customer' }).click();
    await page.locator('#sent-text').waitFor();
    const detail = await api('/api/tickets/G-plan');
    expect(detail.outbox.find((entry: { kind: string }) => entry.kind === 'send').approvedBy).toBe('bob');
    const reviewEvents = detail.events.filter((event: { type: string }) => event.type.startsWith('review-'));
    expect(reviewEvents.map((event: { type: string; data: object }) => [event.type, event.data])).toEqual([
      ['review-claimed', { reviewer: 'Ada Lovelace' }],
      ['review-claimed', { reviewer: 'bob', tookOverFrom: 'Ada Lovelace' }],
      ['review-approved', expect.objectContaining({ reviewer: 'bob', edited: false })],
    ]);
    expect(await page.locator('#timeline li[data-type="review-claimed"] .event-summary').last().textContent()).toBe('claimed by bob · taken over from Ada Lovelace');
  });

  it('shows the customer, their orders and earlier tickets, the Zendesk link, and says what approving does per source', async () => {
    const page = await openPage();
    await page.evaluate(() => ((globalThis as unknown as PageGlobals).location.hash = '#/tickets/zendesk%3A501'));
    await page.locator('#customer-panel').waitFor();
    expect(await page.locator('#customer-profile').textContent()).toContain('linus@example.com');
    expect(await page.locator('#customer-orders li').evaluateAll((items) => items.map((item) => item.getAttribute('data-order-id')))).toEqual(['A2001']);
    expect(await page.locator('#customer-tickets li').evaluateAll((items) => items.map((item) => item.getAttribute('data-ticket-id')))).toEqual(['T-linus-earlier']);
    expect(await page.locator('#helpdesk-link').getAttribute('href')).toBe('https://acme.zendesk.com/agent/tickets/501');
    expect(await page.locator('#helpdesk-link').getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.locator('#approve').textContent()).toBe('Send to the customer');
    expect(await page.locator('#ticket-age').textContent()).toBe(' (2 h ago)');
    await page.screenshot({ path: `${SCREENSHOTS}/ticket.png`, fullPage: true });

    await page.evaluate(() => ((globalThis as unknown as PageGlobals).location.hash = '#/tickets/hubspot%3A77'));
    await page.locator('#approve').waitFor();
    await expect.poll(() => page.locator('#approve').textContent()).toBe('Add as note');
    expect(await page.locator('#approve-explanation').textContent()).toContain('HubSpot does not email it to the customer');
    await page.getByRole('button', { name: 'Add as note' }).click();
    await page.locator('#sent-text').waitFor();
    expect(await page.locator('#reply-heading').textContent()).toBe('Reply added as a note on the helpdesk ticket');
  });

  it('shows a new draft and a new decision without a reload, over the live stream', async () => {
    // The page's clock is stopped, so its 10-second fallback refresh cannot run: only the stream can deliver.
    const page = await openPage({ fakeClock: true });
    await page.locator('#queue-live.is-live').waitFor();
    await settled(page);
    await seed({ id: 'G-live', body: 'Please cancel my subscription, I found a cheaper shop' });
    await page.locator('tr[data-ticket-id="G-live"]').waitFor();

    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.locator('#decision-results tr[data-ticket-id]').first().waitFor();
    expect(await page.locator('#decision-results tr[data-ticket-id="T-live-sent"]').count()).toBe(0);
    await seed({ id: 'T-live-sent', body: 'I forgot my password, please help' }, 'sent');
    await page.locator('#decision-results tr[data-ticket-id="T-live-sent"]').waitFor();
  });

  it('draws the confidence histogram of the decisions shown, and a bar narrows the search to its band', async () => {
    const page = await openPage();
    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.locator('#confidence-histogram').waitFor();
    const decisions = (await api('/api/decisions')).decisions as Array<{ confidence: number; decision: string }>;
    const bins = await page.locator('.histogram-bin').evaluateAll((items) => items.map((item) => [Number(item.getAttribute('data-sent')), Number(item.getAttribute('data-drafted'))]));
    expect(bins).toHaveLength(10);
    const expected = Array.from({ length: 10 }, () => [0, 0]);
    for (const decision of decisions) expected[Math.min(9, Math.floor(decision.confidence * 10))]![decision.decision === 'sent' ? 0 : 1]! += 1;
    expect(bins).toEqual(expected);
    expect(expected[9]![0]).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/decisions-histogram.png` });

    await page.locator('.histogram-bin[data-from="0.9"] button').click();
    await page.waitForURL(/minConfidence=0\.9&maxConfidence=1\.0/);
    await page.locator('#decision-results[aria-busy="false"] #decision-count').waitFor();
    const confidences = (await page.locator('#decision-results .confidence').allTextContents()).map(Number);
    expect(confidences.length).toBeGreaterThan(0);
    expect(confidences.every((value) => value >= 0.9)).toBe(true);
  });

  it('fits a phone: at 390 px nothing scrolls sideways and each row reads as a card', async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 } });
    await settled(page);
    await page.locator('#queue-body tr[data-ticket-id]').first().waitFor();
    const overflow = () => page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth);
    expect(await overflow()).toBeLessThanOrEqual(390);
    const row = page.locator('#queue-body tr[data-ticket-id]').first();
    const box = await row.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await row.locator('td.intent').evaluate((cell) => (globalThis as unknown as PageGlobals).getComputedStyle(cell, '::before').content)).toBe('"Intent"');
    await page.screenshot({ path: `${SCREENSHOTS}/queue-phone.png`, fullPage: false });
    // The search shows; the other filters fold away until asked for.
    expect(await page.getByLabel('Search text').isVisible()).toBe(true);
    expect(await page.getByLabel('Source').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'More filters' }).click();
    expect(await page.getByLabel('Source').isVisible()).toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(390);

    await row.locator('.intent').click();
    await page.locator('#draft-text').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.locator('#confidence-histogram').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(390);
  });
});
