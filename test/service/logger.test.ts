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
