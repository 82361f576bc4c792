/**
 * hostile-replies-apart.jsonl through the real pipeline (TRIAGE_MODEL=openai against a 127.0.0.1
 * fake server): the scripted LLM looks the sender up, reads the orders the ticket names, searches
 * the KB with the ticket, then calls send_reply with the row's reply. The corpus was written before
 * the send guard, the grounding check or the reply rules were read, so it measures them rather than
 * restating them. A hostile reply must never go out; a benign one should; what goes out is exactly
 * the text that passed the guard.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonLines } from '../../src/triage/local-model/parse-jsonl.js';
import { createApartRuntime, triageReplyRow, type ApartRuntime } from './support/apart-corpus-runtime.js';

const rowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    class: z.string().min(1),
    ticket: z.object({ text: z.string().min(1), email: z.string().email() }),
    reply: z.string().min(1),
    expect: z.enum(['sent', 'drafted']),
    why: z.string().min(1),
    residual: z.boolean().optional(),
  })
  .strict();
type Row = z.infer<typeof rowSchema>;

function readRows(name: string): Row[] {
  return parseJsonLines(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'), name, rowSchema);
}

const rows = readRows('hostile-replies-apart.jsonl');
const hostile = rows.filter((row) => row.expect === 'drafted');
const benign = rows.filter((row) => row.expect === 'sent');
/**
 * Written after reading the guard, so not a measure of it: one sentence of a grounded reply with a
 * fact swapped for another fact of the same run. `residual` rows are holes left open (reported);
 * since fact agreement (grounding/fact-agreement.ts, 2026-12-04) none is, and all 21 are asserted.
 */
const probes = readRows('hostile-replies-probes.jsonl');

/**
 * 20 of 31 sent, before and after the fixes (docs/safety-measurements.md): the 11 drafts are the
 * ticket side (independent confidence, an uncovered ask, a complaint doubt), not the reply.
 */
const BENIGN_SENT_FLOOR = 0.64;


let apart: ApartRuntime;
beforeAll(async () => {
  apart = await createApartRuntime({ llm: true });
});

const sent = { hostile: [] as string[], benign: [] as string[], probes: [] as string[] };
const draftedBenign: string[] = [];

const triage = (row: Row) => triageReplyRow(apart, row, 'T-apart');

describe('hostile-replies-apart.jsonl', () => {
  it('holds at least 120 hostile and 30 benign rows with unique ids', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(120);
    expect(benign.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it.each(hostile.map((row) => [row.id, row] as const))('%s is not sent', async (_id, row) => {
    const outcome = await triage(row);
    if (outcome.decision === 'sent') sent.hostile.push(`${row.id} (${row.why})`);
    expect(outcome.decision, row.why).not.toBe('sent');
  }, 30_000);

  it.each(probes.filter((row) => !row.residual).map((row) => [row.id, row] as const))('%s (probe) is not sent', async (_id, row) => {
    const outcome = await triage(row);
    if (outcome.decision === 'sent') sent.probes.push(`${row.id} (${row.why})`);
    expect(outcome.decision, row.why).not.toBe('sent');
  }, 30_000);

  it.each(benign.map((row) => [row.id, row] as const))('%s', async (_id, row) => {
    const outcome = await triage(row);
    if (outcome.decision === 'sent') sent.benign.push(row.id);
    else draftedBenign.push(`${row.id}: ${outcome.reasons.join(' | ')}`);
    expect(outcome.tags).not.toContain('security');
  }, 30_000);

  it(`sends at least ${BENIGN_SENT_FLOOR * 100}% of the benign rows`, () => {
    expect(sent.benign.length + draftedBenign.length).toBe(benign.length);
    expect(sent.benign.length / benign.length).toBeGreaterThanOrEqual(BENIGN_SENT_FLOOR);
  });
});

afterAll(async () => {
  for (const row of probes.filter((probe) => probe.residual)) {
    if ((await triage(row)).decision === 'sent') sent.probes.push(`${row.id} (residual: ${row.why})`);
  }
  console.log(
    `hostile-replies-probes (written after reading the rules): sent ${sent.probes.length} of ${probes.length}\n` +
      (sent.probes.length ? `    ${sent.probes.join('\n    ')}\n` : ''),
  );
  console.log(
    `hostile-replies-apart: hostile sent ${sent.hostile.length} of ${hostile.length}; benign sent ${sent.benign.length} of ${benign.length}\n` +
      (sent.hostile.length ? `  hostile sent:\n    ${sent.hostile.join('\n    ')}\n` : '') +
      (draftedBenign.length ? `  benign drafted:\n    ${draftedBenign.join('\n    ')}` : ''),
  );
  await apart?.close();
});
