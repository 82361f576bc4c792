import { describe, expect, it } from 'vitest';
import {
  ConnectorError,
  ConnectorPayloadError,
  ConnectorRequestError,
} from '../../../src/service/connectors/errors.js';

describe('connector errors', () => {
  it('name themselves after their class and keep the cause', () => {
    const cause = new Error('root');
    const base = new ConnectorError('base', { cause });
    expect(base.name).toBe('ConnectorError');
    expect(base.cause).toBe(cause);
    const request = new ConnectorRequestError('failed', { isRetryable: true, statusCode: 503, retryAfterMs: 1000 });
    expect(request).toBeInstanceOf(ConnectorError);
    expect(request).toMatchObject({ name: 'ConnectorRequestError', isRetryable: true, statusCode: 503, retryAfterMs: 1000 });
    expect(new ConnectorError('no cause')).not.toHaveProperty('cause');
  });

  it('a payload error is a 400 listing every issue with its path', () => {
    const error = new ConnectorPayloadError('generic', [
      { path: 'customer_email', message: 'Invalid email address' },
      { path: '(root)', message: 'Unrecognized key: "priority"' },
    ]);
    expect(error.statusCode).toBe(400);
    expect(error.name).toBe('ConnectorPayloadError');
    expect(error.provider).toBe('generic');
    expect(error.message).toBe(
      'Invalid generic webhook payload: customer_email: Invalid email address; (root): Unrecognized key: "priority"',
    );
  });
});
