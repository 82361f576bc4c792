/** The small parts `triage serve` starts with: the port, the reviewer token, the canary that may fail. */
import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../../src/service/errors.js';
import { parsePort } from '../../../src/service/serve/listen-port.js';
import { generateReviewerToken, resolveReviewerToken } from '../../../src/service/serve/reviewer-token.js';

vi.mock('../../../src/service/canary/canary-schedule.js', () => ({
  startCanarySchedule: vi.fn(async () => {
    throw new Error('CANARY_CRON "61 * * * *" is not a schedule');
  }),
}));

describe('parsePort', () => {
  it('takes --port over the setting, and 0 (any free port)', () => {
    expect(parsePort(undefined, 8080)).toBe(8080);
    expect(parsePort('9000', 8080)).toBe(9000);
    expect(parsePort(0, 8080)).toBe(0);
  });

  it('refuses what is not a TCP port, naming the flag', () => {
    for (const bad of ['http', '8080.5', '-1', '65536']) {
      expect(() => parsePort(bad, 8080)).toThrow(InputError);
    }
    expect(() => parsePort('x', 8080)).toThrow(/--port must be a whole number from 0 to 65535, got "x"/);
  });
});

describe('resolveReviewerToken', () => {
  it('uses REVIEWER_TOKEN when set and prints nothing', () => {
    const log = vi.fn();
    expect(resolveReviewerToken({ configured: 'set-token', host: '127.0.0.1', port: 8080, log })).toBe('set-token');
    expect(log).not.toHaveBeenCalled();
  });

  it("makes one for this run when unset and shows it once, with the console's link", () => {
    const log = vi.fn();
    const token = resolveReviewerToken({ configured: undefined, host: '127.0.0.1', port: 8080, log, generate: () => 'run-token' });
    expect(token).toBe('run-token');
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]![0]).toBe("REVIEWER_TOKEN is not set: this run's token is run-token (open http://127.0.0.1:8080/#token=run-token)\n");
  });

  it('generates URL-safe tokens of 144 bits, different each time', () => {
    const first = generateReviewerToken();
    expect(first).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generateReviewerToken()).not.toBe(first);
  });
});

describe('startServiceCanary', () => {
  it('logs a canary that cannot be scheduled and lets the service run without it', async () => {
    const { startServiceCanary } = await import('../../../src/service/serve/start-service-canary.js');
    const logger = { error: vi.fn(), info: vi.fn(), warn: vi.fn(), debug: vi.fn() };
    const options = { config: {}, store: {}, logger } as unknown as Parameters<typeof startServiceCanary>[0];
    await expect(startServiceCanary(options)).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith({ error: 'CANARY_CRON "61 * * * *" is not a schedule' }, 'cannot schedule the canary');
  });
});
