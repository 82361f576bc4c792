/**
 * `triage export-training [--since 30d] [--output FILE]`: reviewers' approved, edited and rejected
 * drafts as labelled examples (JSONL) for `npm run train -- --include-reviewed FILE`.
 */
import { writeFileSync } from 'node:fs';
import { InputError } from '../../service/errors.js';
import { parseSince } from '../../service/time-range.js';
import { exportReviewedExamples } from '../../service/training/export-reviewed-examples.js';
import { withCommandRuntime } from '../open-runtime.js';
import type { CliIo } from '../cli-io.js';

export interface ExportTrainingOptions {
  since?: string;
  output?: string;
}

export async function runExportTrainingCommand(io: CliIo, options: ExportTrainingOptions): Promise<void> {
  const since = options.since === undefined ? undefined : parseSince(options.since);
  const examples = await withCommandRuntime(io, (runtime) => exportReviewedExamples(runtime.store.db, { since }));
  const jsonl = examples.map((example) => `${JSON.stringify(example)}\n`).join('');
  if (options.output === undefined) {
    io.stdout(jsonl);
    return;
  }
  try {
    writeFileSync(options.output, jsonl);
  } catch (error) {
    throw new InputError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const count = (outcome: string) => examples.filter((example) => example.outcome === outcome).length;
  const corrected = examples.filter((example) => example.intentSource === 'reviewer' && example.intent !== example.predictedIntent).length;
  io.stdout(
    `wrote ${examples.length} reviewed example(s) to ${options.output}: ${count('approved')} approved, ${count('edited')} edited, ` +
      `${count('rejected')} rejected; ${corrected} intent correction(s)\n`,
  );
}
