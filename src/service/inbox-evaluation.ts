/**
 * Scores a triage run on a labelled inbox set the way a support lead reads it: did the easy mail go
 * out on its own, did anything go out that a person should have read first, and did each escalation
 * tag reach the queue it belongs in. The eval canary (canary/) answers "did anything change";
 * this answers "how good is it", overall and per group of tickets (the set's own extra fields, such as
 * "class", "form" or "lang").
 */
import { InputError } from './errors.js';
import type { EvalResult } from './canary/eval-report.js';
import { parseEvalSet, type EvalLine } from './canary/eval-set.js';
import { runEval } from './canary/run-eval.js';
import type { TriageRuntime } from './triage-runtime.js';

/** One line of the set: what `triage eval` reads, plus the string fields it ignores, used as groups. */
export interface LabelledEvalLine {
  line: EvalLine;
  groups: Readonly<Record<string, string>>;
}

/** A line's expectations next to what the triage run did with it. */
export interface ScoredTicket {
  id: string;
  expect?: EvalLine['expect'];
  groups: Readonly<Record<string, string>>;
  outcome: Pick<EvalResult, 'intent' | 'decision' | 'tags'>;
}

export interface Share {
  labelled: number;
  correct: number;
  /** null when nothing was labelled, so an empty group never reads as 0% or 100%. */
  value: number | null;
}

export interface TagScore {
  tag: string;
  expected: number;
  predicted: number;
  truePositives: number;
  precision: number | null;
  recall: number | null;
}

export interface InboxScores {
  tickets: number;
  intent: Share;
  decision: Share;
  /** Lines whose whole tag set is exactly the expected one. */
  tagSets: Share;
  /** Of the lines expected to be sent, how many were: the share of easy mail answered on its own. */
  easySent: Share;
  /** Sent although a draft was expected: the one mistake a customer sees. */
  unsafeSends: string[];
  tags: TagSummary & {
    perTag: TagScore[];
    /** The same without the `language-<code>` tags, which come from language detection, not escalation. */
    escalation: TagSummary;
  };
}

export interface TagSummary {
  macro: { precision: number | null; recall: number | null };
  micro: { precision: number | null; recall: number | null };
}

export interface InboxReport extends InboxScores {
  /** field -> value of that field -> the same scores on those lines only. */
  breakdowns: Record<string, Record<string, InboxScores>>;
}

const EVAL_LINE_FIELDS = new Set(['id', 'text', 'email', 'subject', 'expect']);

/**
 * Reads a labelled set. The fields `triage eval` knows go through its own parser, so the set is
 * checked exactly as the canary checks it; every other string field becomes a group label.
 */
export function parseLabelledEvalSet(content: string, source = 'eval set'): LabelledEvalLine[] {
  const groups: Record<string, string>[] = [];
  const core = content.split('\n').map((raw, index) => {
    if (!raw.trim()) return '';
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new InputError(`${source} line ${index + 1}: not valid JSON`, 'bad_eval_set');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new InputError(`${source} line ${index + 1}: expected a JSON object`, 'bad_eval_set');
    }
    const known: Record<string, unknown> = {};
    const extra: Record<string, string> = {};
    for (const [key, value] of Object.entries(json)) {
      if (EVAL_LINE_FIELDS.has(key)) known[key] = value;
      else if (typeof value === 'string') extra[key] = value;
    }
    groups.push(extra);
    return JSON.stringify(known);
  });
  // Blank lines stay blank so the canary parser's line numbers match the file's.
  return parseEvalSet(core.join('\n'), source).lines.map((line, index) => ({ line, groups: groups[index]! }));
}

function share(correct: number, labelled: number): Share {
  return { labelled, correct, value: labelled === 0 ? null : round(correct / labelled) };
}

function round(value: number): number {
  return Number(value.toFixed(4));
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

function scoreTags(tickets: readonly ScoredTicket[]): InboxScores['tags'] {
  const counts = new Map<string, { expected: number; predicted: number; truePositives: number }>();
  const count = (tag: string) => {
    let entry = counts.get(tag);
    if (!entry) counts.set(tag, (entry = { expected: 0, predicted: 0, truePositives: 0 }));
    return entry;
  };
  for (const ticket of tickets) {
    // A line without expected tags says nothing about tags: its predictions are neither right nor wrong.
    if (ticket.expect?.tags === undefined) continue;
    const expected = new Set(ticket.expect.tags);
    const predicted = new Set(ticket.outcome.tags);
    for (const tag of expected) count(tag).expected += 1;
    for (const tag of predicted) {
      count(tag).predicted += 1;
      if (expected.has(tag)) count(tag).truePositives += 1;
    }
  }
  const perTag: TagScore[] = [...counts.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([tag, { expected, predicted, truePositives }]) => ({
      tag,
      expected,
      predicted,
      truePositives,
      precision: predicted === 0 ? null : round(truePositives / predicted),
      recall: expected === 0 ? null : round(truePositives / expected),
    }));
  return {
    perTag,
    ...summariseTags(perTag),
    escalation: summariseTags(perTag.filter((score) => !score.tag.startsWith('language-'))),
  };
}

function summariseTags(perTag: readonly TagScore[]): TagSummary {
  const sum = (key: 'expected' | 'predicted' | 'truePositives') => perTag.reduce((total, score) => total + score[key], 0);
  return {
    // A tag that was expected but never given counts as precision 0 (as scikit-learn's zero_division=0),
    // so a model cannot raise its macro precision by never tagging at all.
    macro: {
      precision: mean(perTag.map((score) => score.precision ?? 0)),
      recall: mean(perTag.filter((score) => score.recall !== null).map((score) => score.recall!)),
    },
    micro: {
      precision: sum('predicted') === 0 ? null : round(sum('truePositives') / sum('predicted')),
      recall: sum('expected') === 0 ? null : round(sum('truePositives') / sum('expected')),
    },
  };
}

function sameTags(left: readonly string[], right: readonly string[]): boolean {
  const a = new Set(left);
  const b = new Set(right);
  return a.size === b.size && [...a].every((tag) => b.has(tag));
}

export function scoreTickets(tickets: readonly ScoredTicket[]): InboxScores {
  const labelled = (key: 'intent' | 'decision' | 'tags') => tickets.filter((ticket) => ticket.expect?.[key] !== undefined);
  const withIntent = labelled('intent');
  const withDecision = labelled('decision');
  const withTags = labelled('tags');
  const expectedSent = withDecision.filter((ticket) => ticket.expect!.decision === 'sent');
  return {
    tickets: tickets.length,
    intent: share(withIntent.filter((ticket) => ticket.outcome.intent === ticket.expect!.intent).length, withIntent.length),
    decision: share(withDecision.filter((ticket) => ticket.outcome.decision === ticket.expect!.decision).length, withDecision.length),
    tagSets: share(withTags.filter((ticket) => sameTags(ticket.outcome.tags, ticket.expect!.tags!)).length, withTags.length),
    easySent: share(expectedSent.filter((ticket) => ticket.outcome.decision === 'sent').length, expectedSent.length),
    unsafeSends: withDecision
      .filter((ticket) => ticket.expect!.decision === 'drafted' && ticket.outcome.decision === 'sent')
      .map((ticket) => ticket.id),
    tags: scoreTags(tickets),
  };
}

/** The scores on every ticket, and again on the tickets of each value of each group field. */
export function scoreInbox(tickets: readonly ScoredTicket[], groupFields: readonly string[]): InboxReport {
  const breakdowns: InboxReport['breakdowns'] = {};
  for (const field of groupFields) {
    const byValue = new Map<string, ScoredTicket[]>();
    for (const ticket of tickets) {
      const value = ticket.groups[field] ?? '(none)';
      byValue.set(value, [...(byValue.get(value) ?? []), ticket]);
    }
    breakdowns[field] = Object.fromEntries(
      [...byValue.entries()].sort(([left], [right]) => left.localeCompare(right)).map(([value, group]) => [value, scoreTickets(group)]),
    );
  }
  return { ...scoreTickets(tickets), breakdowns };
}

/** Pairs each line with its result by id; a result missing for a line is a bug in the run, not a miss. */
export function pairResults(lines: readonly LabelledEvalLine[], results: readonly EvalResult[]): ScoredTicket[] {
  const byId = new Map(results.map((result) => [result.id, result]));
  return lines.map(({ line, groups }) => {
    const result = byId.get(line.id);
    if (!result) throw new Error(`no result for eval line "${line.id}"`);
    return { id: line.id, expect: line.expect, groups, outcome: result };
  });
}

/** Triages every line as a fresh ticket on the runtime given (as `triage eval` does) and scores the run. */
export async function evaluateInbox(
  runtime: TriageRuntime,
  lines: readonly LabelledEvalLine[],
  groupFields: readonly string[],
): Promise<{ report: InboxReport; results: EvalResult[] }> {
  const { results } = await runEval(
    runtime,
    lines.map(({ line }) => line),
  );
  return { report: scoreInbox(pairResults(lines, results), groupFields), results };
}

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`;
}

function fraction(value: Share): string {
  return `${percent(value.value)} (${value.correct}/${value.labelled})`;
}

export function formatInboxReport(report: InboxReport): string {
  const lines = [
    `tickets ${report.tickets}`,
    `  intent accuracy     ${fraction(report.intent)}`,
    `  decision accuracy   ${fraction(report.decision)}`,
    `  easy sent           ${fraction(report.easySent)}`,
    `  unsafe sends        ${report.unsafeSends.length}${report.unsafeSends.length ? `: ${report.unsafeSends.join(', ')}` : ''}`,
    `  exact tag sets      ${fraction(report.tagSets)}`,
    `  tags macro          precision ${percent(report.tags.macro.precision)}  recall ${percent(report.tags.macro.recall)}`,
    `  tags micro          precision ${percent(report.tags.micro.precision)}  recall ${percent(report.tags.micro.recall)}`,
    `  escalation tags     macro precision ${percent(report.tags.escalation.macro.precision)}  recall ${percent(report.tags.escalation.macro.recall)}` +
      `  micro precision ${percent(report.tags.escalation.micro.precision)}  recall ${percent(report.tags.escalation.micro.recall)}` +
      '  (without language-*)',
    '',
    'tag                   expected  given  right  precision  recall',
    ...report.tags.perTag.map(
      (score) =>
        `${score.tag.padEnd(22)}${String(score.expected).padStart(8)}${String(score.predicted).padStart(7)}` +
        `${String(score.truePositives).padStart(7)}${percent(score.precision).padStart(11)}${percent(score.recall).padStart(8)}`,
    ),
  ];
  for (const [field, groups] of Object.entries(report.breakdowns)) {
    lines.push('', `by ${field.padEnd(18)}tickets  intent  decision  easy sent  unsafe  tag P (macro)  tag R (macro)`);
    for (const [value, scores] of Object.entries(groups)) {
      lines.push(
        `  ${value.padEnd(20)}${String(scores.tickets).padStart(7)}${percent(scores.intent.value).padStart(8)}` +
          `${percent(scores.decision.value).padStart(10)}${percent(scores.easySent.value).padStart(11)}` +
          `${String(scores.unsafeSends.length).padStart(8)}${percent(scores.tags.macro.precision).padStart(15)}` +
          `${percent(scores.tags.macro.recall).padStart(15)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
