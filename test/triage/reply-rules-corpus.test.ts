/**
 * Precision and recall of the reply rules over test/fixtures/reply-rules-corpus.jsonl, per rule
 * and overall, counted per reply: a rule is predicted when checkReplyRules reports it at least
 * once. The rules were developed on the batches `tuning` and `held-out-1..3` (each held-out batch
 * was measured first, then learned from). `held-out-4` was written last and only two plain bugs it
 * exposed were fixed (URL paths read as words, "didn't" not read as a negation); it is reported on
 * its own as the more honest estimate. The numbers are recorded in docs/scrubbing.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReplyRules, type ReplyRule, type ReplyRuleContext } from '../../src/triage/reply-rules.js';

interface Sample {
  reply: string;
  expect: ReplyRule[];
  batch: 'tuning' | 'held-out-1' | 'held-out-2' | 'held-out-3' | 'held-out-4';
  context?: Partial<Omit<ReplyRuleContext, 'reply'>>;
}

const samples: Sample[] = readFileSync(new URL('../fixtures/reply-rules-corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as Sample);

/** The ticket of the demo customer ada@example.com, who owns orders A1001 and A1002. */
const DEFAULT_CONTEXT: Omit<ReplyRuleContext, 'reply'> = {
  ticketText: 'Hi, where is my order A1001? It was supposed to arrive last week.',
  allowedEmails: ['ada@example.com'],
  allowedOrderIds: ['A1001', 'A1002'],
  allowedLinkHosts: ['help.northwind.example', 'northwind.example'],
};

const RULES: readonly ReplyRule[] = ['promise', 'pii', 'link', 'internal', 'credentials', 'empty', 'length'];
const RECALL_FLOOR: Record<ReplyRule, number> = { promise: 0.85, pii: 0.95, link: 0.95, internal: 0.95, credentials: 1, empty: 1, length: 1 };

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 1 : numerator / denominator);

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function measure(selected: readonly Sample[]) {
  const counts = new Map<ReplyRule, Counts>(RULES.map((rule) => [rule, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
  const mistakes: string[] = [];
  let cleanPassed = 0;
  for (const sample of selected) {
    const violations = checkReplyRules({ ...DEFAULT_CONTEXT, ...sample.context, reply: sample.reply });
    const predicted = new Set(violations.map((violation) => violation.rule));
    if (sample.expect.length === 0 && predicted.size === 0) cleanPassed += 1;
    for (const rule of RULES) {
      const entry = counts.get(rule)!;
      const expected = sample.expect.includes(rule);
      if (expected && predicted.has(rule)) entry.truePositives += 1;
      else if (predicted.has(rule)) {
        entry.falsePositives += 1;
        const matches = violations.filter((violation) => violation.rule === rule).map((violation) => violation.match);
        mistakes.push(`false ${rule} ${JSON.stringify(matches)}: ${sample.reply.slice(0, 120)}`);
      } else if (expected) {
        entry.falseNegatives += 1;
        mistakes.push(`missed ${rule}: ${sample.reply.slice(0, 120)}`);
      }
    }
  }
  const total: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const entry of counts.values()) {
    total.truePositives += entry.truePositives;
    total.falsePositives += entry.falsePositives;
    total.falseNegatives += entry.falseNegatives;
  }
  const clean = selected.filter((sample) => sample.expect.length === 0).length;
  return { counts, total, mistakes, cleanPassed, clean };
}

const recall = (entry: Counts) => ratio(entry.truePositives, entry.truePositives + entry.falseNegatives);
const precision = (entry: Counts) => ratio(entry.truePositives, entry.truePositives + entry.falsePositives);

function report(title: string, result: ReturnType<typeof measure>): string {
  const row = (name: string, entry: Counts) =>
    `${name.padEnd(9)} expected ${String(entry.truePositives + entry.falseNegatives).padStart(3)}  ` +
    `recall ${recall(entry).toFixed(3)}  precision ${precision(entry).toFixed(3)}`;
  return [
    title,
    ...RULES.map((rule) => row(rule, result.counts.get(rule)!)),
    row('overall', result.total),
    `clean replies passing: ${result.cleanPassed}/${result.clean}`,
    ...(result.mistakes.length > 0 ? ['mistakes:', ...result.mistakes] : []),
  ].join('\n');
}

describe('reply rules corpus', () => {
  const HELD_OUT = 'held-out-4';
  const all = measure(samples);
  const development = measure(samples.filter((sample) => sample.batch !== HELD_OUT));
  const heldOut = measure(samples.filter((sample) => sample.batch === HELD_OUT));

  it('has at least 80 replies, 30 of them clean', () => {
    expect(samples.length).toBeGreaterThanOrEqual(80);
    expect(samples.filter((sample) => sample.expect.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('meets the precision and recall floors (printed per rule and overall)', () => {
    console.log(report(`reply rules corpus: ${samples.length} replies`, all));
    console.log(report(`held-out batch (${HELD_OUT}): ${samples.filter((sample) => sample.batch === HELD_OUT).length} replies`, heldOut));
    for (const rule of RULES) {
      // The replies the rules were developed on: a regression guard.
      const developed = development.counts.get(rule)!;
      expect(recall(developed), `${rule} recall (development batches)`).toBeGreaterThanOrEqual(0.95);
      expect(precision(developed), `${rule} precision (development batches)`).toBeGreaterThanOrEqual(0.95);
      // Everything, the held-out batch included: phrasing never seen still meets these floors.
      const entry = all.counts.get(rule)!;
      expect(recall(entry), `${rule} recall`).toBeGreaterThanOrEqual(RECALL_FLOOR[rule]);
      expect(precision(entry), `${rule} precision`).toBeGreaterThanOrEqual(0.95);
    }
    expect(precision(heldOut.total), 'held-out precision').toBeGreaterThanOrEqual(0.9);
    expect(all.cleanPassed / all.clean, 'clean replies passing').toBeGreaterThanOrEqual(0.95);
  });
});
