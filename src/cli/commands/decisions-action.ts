/** `triage decisions ...`: past decisions filtered by confidence, time, decision and tag. */
import { InputError } from '../../service/errors.js';
import { queryDecisions } from '../../service/store/repositories/decision-repository.js';
import { parseConfidence, parseTimeWindow } from '../../service/time-range.js';
import { TRIAGE_DECISIONS, type TriageDecision } from '../../triage/types.js';
import { json, type CliIo } from '../cli-io.js';
import { formatDecisionRow } from '../format-outcome.js';
import { withCommandRuntime } from '../open-runtime.js';

export interface DecisionsOptions {
  minConfidence?: string;
  maxConfidence?: string;
  since?: string;
  until?: string;
  decision?: string;
  tag?: string;
  limit: string;
  json?: boolean;
}

const isDecision = (value: string): value is TriageDecision => (TRIAGE_DECISIONS as readonly string[]).includes(value);

export async function runDecisionsCommand(io: CliIo, options: DecisionsOptions): Promise<void> {
  const { decision } = options;
  if (decision !== undefined && !isDecision(decision)) {
    const choices = `${TRIAGE_DECISIONS.slice(0, -1).join(', ')} or ${TRIAGE_DECISIONS.at(-1)}`;
    throw new InputError(`--decision must be ${choices}, got "${decision}"`);
  }
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new InputError('--limit must be a whole number from 1 to 10000');
  const filter = {
    minConfidence: options.minConfidence === undefined ? undefined : parseConfidence(options.minConfidence, '--min-confidence'),
    maxConfidence: options.maxConfidence === undefined ? undefined : parseConfidence(options.maxConfidence, '--max-confidence'),
    ...parseTimeWindow({ since: options.since, until: options.until }, { since: '--since', until: '--until' }),
    decision,
    tag: options.tag,
    limit,
  };
  if (filter.minConfidence !== undefined && filter.maxConfidence !== undefined && filter.minConfidence > filter.maxConfidence) {
    throw new InputError('--min-confidence is above --max-confidence');
  }
  await withCommandRuntime(io, async (runtime) => {
    const rows = await queryDecisions(runtime.store.db, filter);
    if (options.json) {
      io.stdout(json(rows));
      return;
    }
    io.stdout(`${rows.length} decision(s)\n`);
    for (const row of rows) io.stdout(`${formatDecisionRow(row)}\n`);
  });
}
