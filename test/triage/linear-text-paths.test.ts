/**
 * Every path a ticket's text takes through the triage grows linearly with the text. A regex that
 * backtracks (a greedy run rescanned from each of its positions) is quadratic: one 64,000-character
 * word froze the service for seconds. Quadrupling the input multiplies a linear path's cost by
 * about 4 and a quadratic one's by 16 or more, so the test compares 16 KiB with 64 KiB on CPU time
 * (process.cpuUsage, best of several interleaved runs, so a busy machine slows both alike) and
 * asserts only that growth, with a generous bound, never a wall-clock limit.
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
import { ticket, triageDeps } from './triage-fixtures.js';

const SMALL = 16 * 1024;
const LARGE = 64 * 1024;
/** 4x the input; linear is about 4x, quadratic about 16x. */
const MAX_GROWTH = 12;
/** Below this, scheduler and timer noise dominate; a quadratic path is far slower than this at 16 KiB. */
const NOISE_FLOOR_MS = 4;
const ROUNDS = 3;

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

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Best-of-rounds CPU time at both sizes, interleaved. */
function growthOf(path: (text: string) => unknown, unit: string): { small: number; large: number; growth: number } {
  const small = repeatTo(unit, SMALL);
  const large = repeatTo(unit, LARGE);
  path(small.slice(0, 256));
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < ROUNDS; round += 1) {
    bestSmall = Math.min(bestSmall, cpuMs(() => path(small)));
    bestLarge = Math.min(bestLarge, cpuMs(() => path(large)));
  }
  return { small: bestSmall, large: bestLarge, growth: bestLarge / Math.max(bestSmall, NOISE_FLOOR_MS) };
}

async function cpuMsAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('the whole triage with the local model is linear in the ticket', () => {
  const units = ['one long word', 'a run of digits', 'a@a. repeated', 'one long URL', 'contractions without the apostrophe', 'a run of spaces'];
  it.each(units)('on %s', async (inputName) => {
    const unit = PATHOLOGICAL[inputName]!;
    const run = (size: number) => triageTicket(ticket(`${repeatTo(unit, size)} I forgot my password`), deps);
    await run(256);
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let round = 0; round < ROUNDS; round += 1) {
      bestSmall = Math.min(bestSmall, await cpuMsAsync(() => run(SMALL)));
      bestLarge = Math.min(bestLarge, await cpuMsAsync(() => run(LARGE)));
    }
    const growth = bestLarge / Math.max(bestSmall, NOISE_FLOOR_MS);
    expect(growth, `16 KiB: ${bestSmall.toFixed(1)} ms, 64 KiB: ${bestLarge.toFixed(1)} ms of CPU`).toBeLessThan(MAX_GROWTH);
  }, 120_000);
});

describe.each(Object.entries(PATHS))('%s is linear in its input', (_pathName, path) => {
  it.each(Object.entries(PATHOLOGICAL))('on %s', (_inputName, unit) => {
    const { small, large, growth } = growthOf(path, unit);
    expect(growth, `16 KiB: ${small.toFixed(1)} ms, 64 KiB: ${large.toFixed(1)} ms of CPU`).toBeLessThan(MAX_GROWTH);
  }, 120_000);
});
