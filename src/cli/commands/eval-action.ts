/**
 * `triage eval`: triage every line of an eval set as a fresh ticket (in an isolated in-memory store
 * unless --store), score it, and with --baseline show what changed; --model runs a candidate
 * classifier so its changes are seen before it is adopted.
 */
import { writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { compareWithBaseline, parseBaseline } from '../../service/canary/baseline.js';
import { parseEvalSet } from '../../service/canary/eval-set.js';
import { modelIdentity } from '../../service/canary/model-identity.js';
import { runEval } from '../../service/canary/run-eval.js';
import { readClassifierFile, readOpenQuestionModelFile } from '../../service/classifier-file.js';
import { InputError } from '../../service/errors.js';
import { formatComparison, formatReport } from '../format-eval-report.js';
import { withCommandRuntime } from '../open-runtime.js';
import { readTextFile } from '../read-text-file.js';
import type { CliIo } from '../cli-io.js';

export interface EvalCommandOptions {
  set?: string;
  baseline?: string;
  model?: string;
  openQuestionsModel?: string;
  maxRegressions?: string;
  maxNewSends?: string;
  maxAccuracyDrop?: string;
  store?: boolean;
  json?: boolean;
  /** Write the report here instead of standard output (`npm run` prints its banner on stdout). */
  output?: string;
}

function threshold(value: string | undefined, name: string, integer: boolean): number {
  const number = Number(value);
  if (value === undefined || !Number.isFinite(number) || number < 0 || (integer && !Number.isInteger(number))) {
    throw new InputError(`${name} must be a ${integer ? 'whole ' : ''}number >= 0, got "${String(value)}"`);
  }
  return number;
}

/** Returns the exit code: 1 when the comparison with the baseline exceeds a threshold. */
export async function runEvalCommand(io: CliIo, options: EvalCommandOptions): Promise<number> {
  const setPath = options.set ?? 'data/eval/canary.jsonl';
  const { lines, warnings } = parseEvalSet(readTextFile(setPath, 'eval set'), setPath);
  const thresholds = {
    maxRegressions: threshold(options.maxRegressions ?? '0', '--max-regressions', true),
    maxNewSends: threshold(options.maxNewSends ?? '0', '--max-new-sends', true),
    maxAccuracyDrop: threshold(options.maxAccuracyDrop ?? '0.02', '--max-accuracy-drop', false),
  };
  const baseline = options.baseline ? parseBaseline(readTextFile(options.baseline, 'baseline'), options.baseline) : undefined;
  const classifier = options.model ? readClassifierFile(options.model) : undefined;
  const openQuestions = options.openQuestionsModel ? readOpenQuestionModelFile(options.openQuestionsModel) : undefined;
  for (const warning of warnings) io.stderr(`triage: warning: ${warning}\n`);

  const bar = io.stderrIsTty && lines.length > 20 ? new cliProgress.SingleBar({ stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(lines.length, 0);
  const { report, model } = await withCommandRuntime(
    io,
    async (runtime) => ({
      report: await runEval(runtime, lines, { onProgress: (done) => bar?.update(done) }),
      model: modelIdentity(runtime),
    }),
    { ...(options.store ? {} : { databaseUrl: 'sqlite::memory:' }), ...(classifier ? { classifier } : {}), ...(openQuestions ? { openQuestions } : {}) },
  ).finally(() => bar?.stop());

  const comparison = baseline ? compareWithBaseline(report, baseline, thresholds) : undefined;
  const text = options.json
    ? `${JSON.stringify({ ...report, model, ...(comparison ? { comparison } : {}) }, null, 2)}\n`
    : `Model: ${model}\n${formatReport(report)}${comparison ? `\n${formatComparison(comparison)}` : ''}`;
  if (options.output) {
    try {
      writeFileSync(options.output, text);
    } catch (error) {
      throw new InputError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    io.stderr(`triage: wrote the eval report to ${options.output}\n`);
  } else {
    io.stdout(text);
  }
  if (comparison?.exceeded.length) {
    io.stderr(`triage: eval regression: ${comparison.exceeded.join('; ')}\n`);
    return 1;
  }
  return 0;
}
