import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadConfig } from '../../src/service/config.js';
import { processTicket } from '../../src/service/process-ticket.js';
import { createDatabase } from '../../src/service/store/database.js';
import { createTriageRuntime } from '../../src/service/triage-runtime.js';

let folder: string;
let environment: NodeJS.ProcessEnv;

async function cli(args: string[], stdin: Uint8Array = new Uint8Array()) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => stdin,
    stderrIsTty: false,
    environment,
  });
  return { code, stdout, stderr };
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'triage-cli-'));
  environment = { DATABASE_URL: `sqlite:${join(folder, 'triage.db')}` };
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('triage "<ticket text>"', () => {
  it('prints exactly the contract outcome with --json', async () => {
    const { code, stdout, stderr } = await cli(['I forgot my password', '--id', 'T-1001', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const outcome = JSON.parse(stdout);
    // `language` is the one field issue 9 adds to the contract's outcome ("more fields may be added").
    expect(Object.keys(outcome).sort()).toEqual(['confidence', 'decision', 'intent', 'language', 'reasons', 'reply', 'steps', 'tags', 'ticketId']);
    expect(outcome).toMatchObject({ ticketId: 'T-1001', decision: 'sent', intent: 'recover_password', tags: [], language: 'en' });
    expect(Object.keys(outcome.steps[0]).sort()).toEqual(['args', 'ok', 'permission', 'tool']);
  });

  it('the same id is never answered twice: the stored outcome comes back', async () => {
    const first = JSON.parse((await cli(['Where is my order A1001?', '--id', 'T-1002', '--json'])).stdout);
    const second = await cli(['Something else entirely', '--id', 'T-1002']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already triaged');
    const store = await createDatabase(environment.DATABASE_URL!);
    const rows = await store.db.selectFrom('outbox').selectAll().where('ticket_id', '=', 'T-1002').execute();
    await store.close();
    expect(rows).toHaveLength(1);
    expect(first.decision).toBeDefined();
  });

  it('a typo of a subcommand is an error with a suggestion, and stores nothing', async () => {
    const typo = await cli(['shw', 'T-1001']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/"shw" is not a command: did you mean "show"\?/);
    const store = await createDatabase(environment.DATABASE_URL!);
    const stored = await store.db.selectFrom('tickets').select('id').where('body', '=', 'shw T-1001').execute();
    await store.close();
    expect(stored).toHaveLength(0);
    expect((await cli(['decisons', '--json'])).stderr).toMatch(/did you mean "decisions"/);
  });

  it('the explicit ticket command triages a word that looks like a command', async () => {
    const { code, stdout } = await cli(['ticket', 'shw', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).decision).toBeDefined();
    // A real sentence that starts with a word close to a command is still a ticket.
    expect((await cli(['sever', 'damage', 'on', 'the', 'box', 'of', 'my', 'order', '--json'])).code).toBe(0);
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await cli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('prints a readable outcome by default', async () => {
    const { stdout } = await cli(['Please cancel my subscription', '--email', 'linus@example.com']);
    expect(stdout).toMatch(/DRAFTED for a human/);
    expect(stdout).toMatch(/tags {8}retention/);
    expect(stdout).toMatch(/Why:/);
  });

  it.each([
    [['   '], /ticket text is empty/],
    [[], /give the ticket text/],
    [['hello', '--email', 'not-an-email'], /not a valid email/],
    [['hello', '--bogus'], /unknown option '--bogus'/],
    [['hello', '--id', 'bad id'], /ticket id/],
    [['x'.repeat(70_000)], /limit is 65536 bytes/],
  ])('bad input %# exits 2 with one line on stderr', async (args, message) => {
    const { code, stderr, stdout } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });

  it('reads the text from stdin and refuses invalid UTF-8', async () => {
    expect((await cli(['-', '--json'], Buffer.from('I forgot my password'))).code).toBe(0);
    const bad = await cli(['-'], Buffer.from([0x49, 0x20, 0xff, 0xfe, 0x21]));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not valid UTF-8/);
  });
});

describe('triage show and decisions', () => {
  it('shows a stored ticket with its scrubbed audit trail', async () => {
    await cli(['My password is hunter2, please reset it', '--id', 'T-2001']);
    const { code, stdout } = await cli(['show', 'T-2001', '--json']);
    expect(code).toBe(0);
    const shown = JSON.parse(stdout);
    expect(shown.ticket.id).toBe('T-2001');
    expect(shown.outcome.ticketId).toBe('T-2001');
    expect(shown.events.length).toBeGreaterThan(5);
    expect(stdout).not.toContain('hunter2');
    // The ticket keeps its customer's address (replies need it); the audit trail never does.
    expect(JSON.stringify(shown.events)).not.toContain('ada@example.com');
    expect(JSON.stringify(shown.events)).toContain('***@example.com');
    expect((await cli(['show', 'T-nope'])).code).toBe(2);
  });

  it('queries decisions by confidence range, time, decision and tag', async () => {
    await cli(['Under GDPR delete all my personal data', '--id', 'T-3001']);
    const { stdout } = await cli(['decisions', '--decision', 'drafted', '--tag', 'legal-review', '--since', '7d', '--json']);
    expect(JSON.parse(stdout).map((row: { ticketId: string }) => row.ticketId)).toEqual(['T-3001']);
    const range = JSON.parse((await cli(['decisions', '--min-confidence', '0.9', '--max-confidence', '1', '--json'])).stdout);
    expect(range.every((row: { confidence: number }) => row.confidence >= 0.9)).toBe(true);
    expect((await cli(['decisions', '--since', 'last week'])).code).toBe(2);
    expect((await cli(['decisions', '--min-confidence', '0.9', '--max-confidence', '0.1'])).code).toBe(2);
    expect((await cli(['decisions', '--decision', 'maybe'])).code).toBe(2);
  });

  it('lists and shows a noted decision (a HubSpot ticket without a conversation thread), never as sent', async () => {
    const runtime = await createTriageRuntime(loadConfig(environment));
    try {
      const processed = await processTicket(runtime, {
        id: 'hubspot:5501',
        source: 'hubspot',
        externalId: '5501',
        customerEmail: 'ada@example.com',
        body: 'I forgot my password',
        receivedAt: new Date().toISOString(),
      });
      expect(processed.outcome.decision).toBe('noted');
    } finally {
      await runtime.close();
    }
    const listed = await cli(['decisions', '--decision', 'noted', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).map((row: { ticketId: string }) => row.ticketId)).toEqual(['hubspot:5501']);
    const sent = JSON.parse((await cli(['decisions', '--decision', 'sent', '--json'])).stdout);
    expect(sent.map((row: { ticketId: string }) => row.ticketId)).not.toContain('hubspot:5501');
    const shown = await cli(['show', 'hubspot:5501']);
    expect(shown.stdout).toContain('NOTED in the helpdesk');
    expect(shown.stdout).not.toContain('SENT to the customer');
    expect((await cli(['decisions', '--decision', 'maybe'])).stderr).toMatch(/sent, drafted or noted/);
  });
});

describe('triage eval', () => {
  function writeSet(name: string, lines: unknown[]): string {
    const path = join(folder, name);
    writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n'));
    return path;
  }

  it('triages every line as a fresh ticket and prints one result per line, in order', async () => {
    const set = writeSet('set.jsonl', [
      { id: 'a', text: 'I forgot my password', expect: { intent: 'recover_password', decision: 'sent' } },
      { id: 'b', text: 'Please cancel my subscription', email: 'linus@example.com', expect: { decision: 'drafted', tags: ['retention'] } },
      { id: 'c', text: '   ' },
    ]);
    const { code, stdout } = await cli(['eval', '--set', set, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.results.map((result: { id: string }) => result.id)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(report.results[0]).sort()).toEqual(['confidence', 'decision', 'id', 'intent', 'reasons', 'reply', 'tags']);
    expect(report.summary).toMatchObject({ total: 3, errors: 1, intent: { accuracy: 1 }, decision: { accuracy: 1 } });
    expect(report.results[2]).toMatchObject({ decision: 'drafted', error: 'the ticket text is empty' });
    // An invalid line the set does not declare invalid is not as expected.
    expect(report.results[2].failed).toEqual(['not triaged: the ticket text is empty']);
    // Isolated from the main store unless asked.
    expect((await cli(['show', 'eval-a'])).code).toBe(2);
  });

  it('compares with a baseline and exits 1 on a regression past the thresholds', async () => {
    const set = writeSet('canary.jsonl', [{ id: 'p', text: 'I forgot my password', expect: { decision: 'sent' } }]);
    const baselinePath = join(folder, 'baseline.json');
    const baseline = JSON.parse((await cli(['eval', '--set', set, '--json'])).stdout);
    // An earlier run in which the line was drafted and its expectation was met: now it is sent.
    baseline.results[0].decision = 'drafted';
    writeFileSync(baselinePath, JSON.stringify(baseline));
    const failing = await cli(['eval', '--set', set, '--baseline', baselinePath]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/decision drafted -> sent/);
    expect(failing.stderr).toMatch(/now sent that were drafted/);
    const tolerated = await cli(['eval', '--set', set, '--baseline', baselinePath, '--max-new-sends', '1']);
    expect(tolerated.code).toBe(0);
  });

  it('refuses a malformed set or baseline with exit 2 naming the line', async () => {
    const broken = join(folder, 'broken.jsonl');
    writeFileSync(broken, '{"id":"a","text":"hi"}\n{not json}\n');
    const { code, stderr } = await cli(['eval', '--set', broken]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 2: not valid JSON/);
    const set = writeSet('ok.jsonl', [{ id: 'a', text: 'hi' }]);
    const notBaseline = join(folder, 'not-baseline.json');
    writeFileSync(notBaseline, readFileSync(set));
    expect((await cli(['eval', '--set', set, '--baseline', notBaseline])).code).toBe(2);
    expect((await cli(['eval', '--set', join(folder, 'missing.jsonl')])).stderr).toMatch(/cannot read eval set/);
  });
});
