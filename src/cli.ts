#!/usr/bin/env node
/** Entry point of the `triage` command; everything testable lives in cli/run-cli.ts. */
import { readFileSync } from 'node:fs';
import 'dotenv/config';
import { runCli } from './cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0),
  stderrIsTty: Boolean(process.stderr.isTTY),
  environment: process.env,
});
