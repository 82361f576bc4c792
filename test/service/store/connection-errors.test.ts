import { describe, expect, it } from 'vitest';
import { isConnectionLost } from '../../../src/service/store/connection-errors.js';

describe('isConnectionLost', () => {
  it('recognises a refused, reset or terminated connection, also wrapped', () => {
    expect(isConnectionLost(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isConnectionLost(new Error('job bookkeeping failed', { cause: new Error('Client has encountered a connection error and is not queryable') }))).toBe(true);
    expect(isConnectionLost(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
  });

  it('does not take a query or program error for a lost connection', () => {
    expect(isConnectionLost(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isConnectionLost(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isConnectionLost('ECONNREFUSED')).toBe(false);
    expect(isConnectionLost(undefined)).toBe(false);
  });
});
