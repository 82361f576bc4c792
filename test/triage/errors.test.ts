/**
 * The domain's errors share one base, TriageError, and each carries a stable code a caller can
 * log and act on; no error class in src/triage bypasses the base.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/ensure-built.js';
import { CpuBudgetExceededError } from '../../src/triage/cpu-budget.js';
import { CrmError, CrmMismatchError } from '../../src/triage/crm/crm-client.js';
import { TRIAGE_ERROR_CODES, TriageError } from '../../src/triage/errors.js';
import { KnowledgeBaseError } from '../../src/triage/kb/kb-article.js';

describe('TriageError', () => {
  it('each domain error is a TriageError with its own code, its class name and its cause', () => {
    const cause = new Error('socket hang up');
    const errors = [
      new CrmError('CRM timed out', { isRetryable: true, cause }),
      new CrmMismatchError('profile for another email'),
      new CpuBudgetExceededError('compose', 2500, 2000),
      new KnowledgeBaseError('kb/x.md: no ## Reply', { cause }),
    ];
    expect(errors.map((error) => [error.name, error.code, error instanceof TriageError])).toEqual([
      ['CrmError', 'crm_unavailable', true],
      ['CrmMismatchError', 'crm_mismatch', true],
      ['CpuBudgetExceededError', 'cpu_budget_exceeded', true],
      ['KnowledgeBaseError', 'knowledge_base_invalid', true],
    ]);
    expect(errors[0]!.cause).toBe(cause);
    expect(errors[3]!.cause).toBe(cause);
    expect(errors[1]).toBeInstanceOf(CrmError);
    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(TRIAGE_ERROR_CODES));
  });

  it('what a caller acts on is kept: retryable CRM errors, the CPU figures', () => {
    expect(new CrmError('503', { isRetryable: true }).isRetryable).toBe(true);
    expect(new CrmMismatchError('wrong record').isRetryable).toBe(false);
    expect(new CrmMismatchError('order of another customer', 'foreign-order').kind).toBe('foreign-order');
    expect(new CpuBudgetExceededError('compose', 2500, 2000)).toMatchObject({ stage: 'compose', spentMs: 2500, limitMs: 2000 });
  });

  it('no error class in src/triage extends Error directly, except the base', () => {
    const files = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
      );
    const direct = files(join(PROJECT_ROOT, 'src', 'triage'))
      .filter((file) => /class \w+ extends Error\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(PROJECT_ROOT, file));
    expect(direct).toEqual([join('src', 'triage', 'errors.ts')]);
  });
});
