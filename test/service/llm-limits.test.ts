/**
 * LLM_TIMEOUT_MS, LLM_MAX_RETRIES and TRIAGE_LLM_BUDGET_MS reach the providers and the pipeline: a
 * hanging or failing model costs a ticket a bounded number of calls, and a ticket whose model time
 * runs out is drafted for a human with the reason. Counted in requests, never timed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { loadConfig } from '../../src/service/config.js';
import { createChatModel } from '../../src/service/model-factory.js';
import { loadDefaultIntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { startFakeProviderServer, type FakeProviderServer } from '../agentao/models/fake-provider-server.js';

let server: FakeProviderServer | undefined;
let folder: string | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

const serverError = { status: 500, body: { error: { message: 'boom', type: 'server_error' } } };
const hello = { messages: [{ role: 'user' as const, content: 'hi' }], tools: [] };

describe('the LLM limits as settings', () => {
  it('default to 30 s per call, 2 retries, 120 s of model time and 2 s of CPU per ticket', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ LLM_TIMEOUT_MS: 30_000, LLM_MAX_RETRIES: 2, TRIAGE_LLM_BUDGET_MS: 120_000, TRIAGE_CPU_BUDGET_MS: 2000 });
  });

  it('refuse a wrong value by name', () => {
    expect(() => loadConfig({ LLM_MAX_RETRIES: '-1' })).toThrow(/LLM_MAX_RETRIES/);
    expect(() => loadConfig({ TRIAGE_LLM_BUDGET_MS: 'soon' })).toThrow(/TRIAGE_LLM_BUDGET_MS/);
  });

  it('LLM_MAX_RETRIES=0: a 500 costs one call', async () => {
    server = await startFakeProviderServer([serverError, serverError]);
    const config = loadConfig({ TRIAGE_MODEL: 'openai', OPENAI_BASE_URL: `${server.baseURL}/v1`, OPENAI_MODEL: 'gpt-test', LLM_MAX_RETRIES: '0' });
    const model = createChatModel(config, loadDefaultIntentClassifier());
    await expect(model.generate(hello)).rejects.toMatchObject({ statusCode: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it('LLM_TIMEOUT_MS and LLM_MAX_RETRIES bound a hanging model to 1 + retries calls', async () => {
    server = await startFakeProviderServer([{ behaviour: 'hang' }, { behaviour: 'hang' }, { behaviour: 'hang' }]);
    const config = loadConfig({
      TRIAGE_MODEL: 'anthropic',
      ANTHROPIC_BASE_URL: server.baseURL,
      ANTHROPIC_API_KEY: 'test-key',
      ANTHROPIC_MODEL: 'claude-test',
      LLM_TIMEOUT_MS: '300',
      LLM_MAX_RETRIES: '1',
    });
    const model = createChatModel(config, loadDefaultIntentClassifier());
    await expect(model.generate(hello)).rejects.toThrow(/timed out after 300 ms \(gave up after 2 attempts\)/);
    // On a busy machine an attempt may time out before its request arrives: never more than 2.
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });
});

describe('TRIAGE_LLM_BUDGET_MS on a ticket', () => {
  it('a model that hangs past the budget leaves a draft for a human with the reason, not a retry loop', async () => {
    server = await startFakeProviderServer(Array.from({ length: 10 }, () => ({ behaviour: 'hang' as const })));
    folder = mkdtempSync(join(tmpdir(), 'triage-llm-budget-'));
    let stdout = '';
    const code = await runCli(['I forgot my password', '--json'], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      readStdin: () => new Uint8Array(),
      stderrIsTty: false,
      environment: {
        DATABASE_URL: `sqlite:${join(folder, 'llm.db')}`,
        TRIAGE_MODEL: 'openai',
        OPENAI_BASE_URL: `${server.baseURL}/v1`,
        OPENAI_MODEL: 'gpt-test',
        LLM_TIMEOUT_MS: '60000',
        LLM_MAX_RETRIES: '5',
        TRIAGE_LLM_BUDGET_MS: '300',
      },
    });
    expect(code).toBe(0);
    const outcome = JSON.parse(stdout);
    expect(outcome.decision).toBe('drafted');
    expect(outcome.tags).toContain('needs-human');
    expect(outcome.reasons.join('\n')).toMatch(/model time budget of 300 ms for this task is used up/);
    // The budget ended the one attempt in flight: none of the five retries was made.
    expect(server.requests.length).toBeLessThanOrEqual(1);
  });
});
