/**
 * `triage --help` and `--version` load commander and nothing heavy: each command's work (store,
 * models, scrubber, KB) is imported only when that command runs. Checked by recording which
 * packages the compiled CLI imports (a count, not a time, so it holds on a busy machine).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, PROJECT_ROOT, runProcess } from './support/run-process.js';

const RECORD_IMPORTS = pathToFileURL(join(PROJECT_ROOT, 'test', 'cli', 'support', 'record-package-imports.mjs')).href;
let folder: string;

async function packagesImportedBy(args: string[]): Promise<string[]> {
  const log = join(folder, `imports-${args.join('_').replace(/\W/g, '')}.txt`);
  const run = await runProcess(process.execPath, ['--import', RECORD_IMPORTS, join(PROJECT_ROOT, 'bin', 'triage.js'), ...args], {
    environment: { RECORD_PACKAGE_IMPORTS: log, DATABASE_URL: `sqlite:${join(folder, 'triage.db')}` },
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))].sort();
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'triage-startup-imports-'));
  await ensureBuilt();
}, 180_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('start-up imports of the compiled CLI', () => {
  it('--help and --version import only commander and dotenv', async () => {
    expect(await packagesImportedBy(['--help'])).toEqual(['commander', 'dotenv/config']);
    expect(await packagesImportedBy(['--version'])).toEqual(['commander', 'dotenv/config']);
    expect(await packagesImportedBy(['eval', '--help'])).toEqual(['commander', 'dotenv/config']);
  });

  it('the recorder sees what a command really loads (a triage loads the store and the KB)', async () => {
    const packages = await packagesImportedBy(['I forgot my password']);
    expect(packages).toEqual(expect.arrayContaining(['better-sqlite3', 'kysely', 'minisearch', 'yaml']));
  });
});
