/**
 * The per-ticket CPU budget: stages are counted, the stage that crosses the budget ends the run,
 * and the ticket is drafted for a human with the reason, never sent. CPU is counted (an injected
 * counter, or process.cpuUsage consumed on purpose), never a wall-clock timer.
 */
import { describe, expect, it } from 'vitest';
import { ScriptedModel, toolCall } from '../../src/agentao/index.js';
import { CpuBudget, CpuBudgetExceededError } from '../../src/triage/cpu-budget.js';
import type { CrmClient } from '../../src/triage/crm/crm-client.js';
import { ConfidenceGate, GENERIC_SEND_DENIAL } from '../../src/triage/gate.js';
import type { IntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { buildSession, triageTicket } from '../../src/triage/pipeline.js';
import { DEFAULT_ALLOWED_LINK_HOSTS } from '../../src/triage/send-guard.js';
import { demoCrm, ticket, triageDeps } from './triage-fixtures.js';

const REPLY = 'Hi Ada,\n\nTo reset your password, press Forgot password on the sign-in page.\n\nBest regards,\nThe Northwind Support Team';

describe('CpuBudget', () => {
  it('counts each stage and throws at the end of the stage that crosses the limit, once', () => {
    let cpu = 0;
    const exceeded: CpuBudgetExceededError[] = [];
    const budget = new CpuBudget(100, { cpuTime: () => cpu, onExceeded: (error) => exceeded.push(error) });
    expect(budget.measure('first', () => ((cpu += 60), 'a'))).toBe('a');
    expect(budget.spentMs).toBe(60);
    expect(() => budget.measure('second', () => (cpu += 60))).toThrow(CpuBudgetExceededError);
    expect(budget.exceeded).toMatchObject({ stage: 'second', spentMs: 120, limitMs: 100 });
    let ran = false;
    expect(() => budget.measure('third', () => (ran = true))).toThrow(/more than its budget of 100 ms .* stage "second"/);
    expect(ran).toBe(false);
    expect(() => budget.check('between')).toThrow(CpuBudgetExceededError);
    expect(exceeded).toHaveLength(1);
  });
});

describe('a ticket over its CPU budget', () => {
  it('stops after the classifier stage that crossed it: drafted, needs-human, the model never called', async () => {
    // A CPU clock that moves only in the slow stage: what the rest costs on a busy box cannot matter.
    let cpu = 0;
    const deps = triageDeps({ cpuBudgetMs: 20, cpuTime: () => cpu });
    const slowClassifier = {
      predict: (text: string) => {
        cpu += 40;
        return deps.classifier.predict(text);
      },
    } as IntentClassifier;
    const model = new ScriptedModel([{ toolCalls: [toolCall('send_reply', { text: REPLY, confidence: 1 })] }]);
    const { outcome, outbox } = await triageTicket(ticket('I forgot my password'), { ...deps, classifier: slowClassifier, model });
    expect(outcome.decision).toBe('drafted');
    expect(outbox).toMatchObject({ kind: 'draft', public: false });
    expect(outcome.tags).toEqual(['needs-human']);
    expect(outcome.reasons).toEqual([expect.stringMatching(/more than its budget of 20 ms \(TRIAGE_CPU_BUDGET_MS\), by the end of the stage "intent classifier"/)]);
    expect(model.calls).toHaveLength(0);
  });

  it('stops at the tool call that crossed it: the send the model asks for next never happens', async () => {
    const crm = demoCrm();
    let cpu = 0;
    const slowCrm: CrmClient = {
      findCustomerByEmail: (email, options) => {
        cpu += 300;
        return crm.findCustomerByEmail(email, options);
      },
      getOrder: (id, options) => crm.getOrder(id, options),
    };
    const model = new ScriptedModel([
      { toolCalls: [toolCall('get_customer_profile', { email: 'ada@example.com' })] },
      { toolCalls: [toolCall('send_reply', { text: REPLY, confidence: 1, intent: 'recover_password' })] },
      { content: 'done' },
    ]);
    const { outcome } = await triageTicket(ticket('I forgot my password'), triageDeps({ crm: slowCrm, model, cpuBudgetMs: 200, cpuTime: () => cpu }));
    expect(outcome.decision).toBe('drafted');
    expect(outcome.tags).toContain('needs-human');
    expect(outcome.reasons.join('\n')).toMatch(/stage "tool call get_customer_profile"/);
    expect(outcome.steps.map((step) => step.tool)).not.toContain('send_reply');
  });

  it('the reply checks count too: a send refused when they cross the budget', async () => {
    const session = buildSession(ticket('I forgot my password'), triageDeps());
    session.customer = null;
    let cpu = 0;
    // Every reading of the counter moves it by 1200 ms: the reply checks alone cross 1000 ms.
    const budget = new CpuBudget(1000, { cpuTime: () => (cpu += 1200) });
    const gate = new ConfidenceGate(session, { threshold: 0.9, allowedLinkHosts: DEFAULT_ALLOWED_LINK_HOSTS }, budget);
    const decision = await gate.decide('send_reply', { text: REPLY, confidence: 1 });
    // The model gets the generic denial (issue 8: nothing it could rephrase around); the audit has why.
    expect(decision).toMatchObject({ action: 'deny', reason: GENERIC_SEND_DENIAL });
    expect(session.denials.join('\n')).toMatch(/stage "reply checks"/);
    expect(session.sendDenied).toBe(true);
  });

  it('reads the clock the dependencies give (a triage thread gives its own thread\'s CPU time)', async () => {
    // A clock that advances 50 ms at every reading: the first stage crosses a 20 ms budget.
    let readings = 0;
    const cpuTime = (): number => 50 * readings++;
    const { outcome } = await triageTicket(ticket('I forgot my password'), triageDeps({ cpuBudgetMs: 20, cpuTime }));
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons).toEqual([expect.stringMatching(/more than its budget of 20 ms/)]);
    expect(readings).toBeGreaterThan(0);
  });

  it('an ordinary ticket stays well inside the default budget and is sent', async () => {
    const { outcome } = await triageTicket(ticket('I forgot my password'), triageDeps());
    expect(outcome.decision).toBe('sent');
  });
});
