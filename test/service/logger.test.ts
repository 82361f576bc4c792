import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/service/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('logs', () => {
  it('redact credentials by path and scrub PII and secrets from every field and message', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi', 'x-signature': 'sha256=00ff' } },
        ticket: { body: 'card 4111 1111 1111 1111, mail me at ada@example.com', apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz123456' },
      },
      'ticket from ada@example.com with key sk-ant-api03-abcdefghijklmnopqrstuvwxyz',
    );
    const line = lines.join('');
    expect(line).not.toContain('abc.def.ghi');
    expect(line).not.toContain('00ff');
    expect(line).not.toContain('4111 1111 1111 1111');
    expect(line).not.toContain('ada@example.com');
    expect(line).not.toContain('sk-proj-abcdefghijklmnopqrstuvwxyz123456');
    expect(line).not.toContain('sk-ant-api03-abcdefghijklmnopqrstuvwxyz');
    expect(line).toContain('***@example.com');
    expect(line).toContain('1111');
  });
});

describe('logs of URLs and class instances', () => {
  it('scrub a token in a query string, in a message, a field and a logged request', () => {
    const { lines, logger } = capture();
    const url = '/api/tickets/T-1?token=test-reviewer-token-0123456789&view=full';
    logger.info({ url, req: { method: 'GET', url, ip: '127.0.0.1' } }, `rejected ${url}`);
    const line = lines.join('');
    expect(line).not.toContain('test-reviewer-token-0123456789');
    expect(line).toContain('view=full');
  });

  it('scrub the string fields of class instances and errors', () => {
    const { lines, logger } = capture();
    class UpstreamFailure {
      constructor(readonly detail: string, readonly status: number) {}
    }
    class ProviderError extends Error {
      constructor(message: string, readonly body: string) {
        super(message);
      }
    }
    logger.error(
      { failure: new UpstreamFailure('customer wrote my pw is Tulip#4821 and SSN 123-45-6789', 502), err: new ProviderError('token=ghp_abcdefghijklmnopqrstuvwxyz0123456789 refused', 'card 4111.1111.1111.1111') },
      'upstream failed',
    );
    const line = lines.join('');
    for (const raw of ['Tulip#4821', '123-45-6789', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', '4111.1111.1111.1111']) expect(line).not.toContain(raw);
    expect(line).toContain('502');
    expect(line).toContain('[card:****1111]');
  });
});
