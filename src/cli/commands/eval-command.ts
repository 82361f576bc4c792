import type { Command } from 'commander';
import { ExitRequest, EXIT_OK, type CliIo } from '../cli-io.js';
import type { EvalCommandOptions } from './eval-action.js';

/** `triage eval [--set FILE.jsonl] [--baseline FILE] [--model FILE] [--open-questions-model FILE] [--json] [--output FILE]`: the eval canary. */
export function addEvalCommand(program: Command, io: CliIo): void {
  program
    .command('eval')
    .description('the eval canary: triage every line of a JSONL set as a fresh ticket and score it')
    .option('--set <file>', 'JSONL eval set', 'data/eval/canary.jsonl')
    .option('--baseline <file>', 'an earlier `triage eval --json` output to compare with')
    .option('--model <file>', 'a candidate intent classifier (from npm run train) instead of the adopted one')
    .option('--open-questions-model <file>', 'a candidate open-question model (from npm run train) instead of the committed one')
    .option('--max-regressions <n>', 'lines that newly fail their expectations before exit 1', '0')
    .option('--max-new-sends <n>', 'lines newly sent instead of drafted before exit 1', '0')
    .option('--max-accuracy-drop <x>', 'drop of intent accuracy (fraction) before exit 1', '0.02')
    .option('--store', 'keep the eval tickets in the main store (default: an isolated in-memory store)')
    .option('--json', 'print the report as JSON')
    .option('--output <file>', 'write the report to this file instead of standard output')
    .action(async (options: EvalCommandOptions) => {
      const { runEvalCommand } = await import('./eval-action.js');
      const code = await runEvalCommand(io, options);
      if (code !== EXIT_OK) throw new ExitRequest(code);
    });
}
