/**
 * Every path a ticket's text takes through the triage grows linearly with the text. Code that
 * rescans the text from each position is quadratic: one 64,000-character word froze the service
 * for seconds. Quadrupling the input multiplies a linear path's work by about 4 and a quadratic
 * one's by 16 or more, so the test compares 4 KiB with 16 KiB by counting the work
 * (characters scanned by regexes and string searches, support/work-meter.ts), never by timing it:
 * the count is the same on an idle and on a busy machine. Backtracking inside one regex execution
 * is not counted; docs/scrubbing.md has the rule that keeps it out.
 *
 * Kept in its own file, apart from each module's tests, so it runs against whatever version of the
 * normaliser, classifier, escalation matrix, scrubber, reply rules and KB search the branch holds.
 */
import { describe, expect, it } from 'vitest';
import { findInjectionSignals, findTicketEchoes } from '../../src/triage/injection-signals.js';
import { detectEscalation } from '../../src/triage/escalation.js';
import { buildSession, triageTicket } from '../../src/triage/pipeline.js';
import { checkReplyRules } from '../../src/triage/reply-rules.js';
import { scrubText } from '../../src/triage/scrubber.js';
import { assessSend, DEFAULT_ALLOWED_LINK_HOSTS } from '../../src/triage/send-guard.js';
import { tokenise } from '../../src/triage/local-model/text-features.js';
import { extractOrderIds } from '../../src/triage/local-model/order-ids.js';
import { renderTicketPrompt } from '../../src/triage/ticket-prompt.js';
import { growthOf, measureWorkAsync, repeatTo } from './support/work-meter.js';
import { ticket, triageDeps } from './triage-fixtures.js';

const SMALL = 4 * 1024;
const LARGE = 16 * 1024;
/** 4x the input; linear is about 4x the work, quadratic about 16x. */
const MAX_GROWTH = 6;

/** One repeated unit each, cut to the exact size. */
const PATHOLOGICAL: Record<string, string> = {
  'one long word': 'a',
  'a run of @': '@',
  'a run of dots': '.',
  'a run of digits': '7',
  'a run of spaces': ' ',
  'a run of dashes': '-',
  'a run of >': '>',
  'a run of newlines': '\n',
  'a@a. repeated': 'a@a.',
  'one long URL': 'https://example.com/a/',
  'digits and dots': '1.',
  'digits and commas': '1,',
  'euro amounts': '€1',
  'percentages': '1%',
  'digits and spaces': '1 ',
  'letters and digits': 'ab12',
  'contractions without the apostrophe': 'dontn',
  'base64-like run': 'aB1+',
  'quotes and words': '"ab ',
  'sk- prefixes': 'sk-',
  'money signs': '$ ',
};

const deps = triageDeps();
const allowedLinkHosts = [...DEFAULT_ALLOWED_LINK_HOSTS];

const PATHS: Record<string, (text: string) => unknown> = {
  'text normaliser': (text) => tokenise(text),
  classifier: (text) => deps.classifier.predict(text),
  escalation: (text) => detectEscalation({ text }),
  scrubber: (text) => scrubText(text),
  'reply rules': (text) =>
    checkReplyRules({ reply: text, ticketText: text, allowedEmails: ['ada@example.com'], allowedOrderIds: [], allowedLinkHosts }),
  'injection signals': (text) => findInjectionSignals(text, { customerEmails: ['ada@example.com'], ownHosts: allowedLinkHosts }),
  'ticket echoes': (text) => findTicketEchoes(text, text),
  'KB search': (text) => deps.kb.search(text, { limit: 3 }),
  'order ids': (text) => extractOrderIds(text),
  'ticket prompt': (text) => renderTicketPrompt({ id: 'T-1', customerEmail: 'ada@example.com', body: text }),
  // The whole independent view and the whole send guard, as a ticket and as a reply.
  'session and send guard': (text) => {
    const session = buildSession(ticket(text), deps);
    session.customer = null;
    return assessSend(session, { text, confidence: 1 }, { threshold: 0.9, allowedLinkHosts });
  },
};

describe('the whole triage with the local model is linear in the ticket', () => {
  const units = ['one long word', 'a run of digits', 'a@a. repeated', 'one long URL', 'contractions without the apostrophe', 'a run of spaces'];
  it.each(units)('on %s', async (inputName) => {
    const unit = PATHOLOGICAL[inputName]!;
    const run = (size: number) => triageTicket(ticket(`${repeatTo(unit, size)} I forgot my password`), deps);
    await run(256);
    const small = (await measureWorkAsync(() => run(SMALL))).characters;
    const large = (await measureWorkAsync(() => run(LARGE))).characters;
    expect(large / small, `${small} characters scanned at ${SMALL}, ${large} at ${LARGE}`).toBeLessThan(MAX_GROWTH);
  }, 120_000);
});

describe.each(Object.entries(PATHS))('%s is linear in its input', (_pathName, path) => {
  it.each(Object.entries(PATHOLOGICAL))('on %s', (_inputName, unit) => {
    const { small, large, growth } = growthOf(path, repeatTo(unit, SMALL), repeatTo(unit, LARGE));
    expect(growth, `${small} characters scanned at ${SMALL}, ${large} at ${LARGE}`).toBeLessThan(MAX_GROWTH);
  }, 120_000);
});
