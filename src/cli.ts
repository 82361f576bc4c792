#!/usr/bin/env node
/** Entry point of the `triage` command; everything testable lives in cli/run-cli.ts. */
import { readFileSync } from 'node:fs';
import 'dotenv/config';
import { runCli } from './cli/run-cli.js';

// A reader that stops early (`triage show T-1001 | head`) closes the pipe: that ends the output, it
// is not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0),
  stderrIsTty: Boolean(process.stderr.isTTY),
  environment: process.env,
});
