import { describe, expect, it, vi } from 'vitest';
import { createTurnTaking } from '../../../src/service/triage-threads/turn-taking.js';

describe('handing thread results back one per event-loop turn', () => {
  it('lets a turn of the event loop run between two results that arrived together', async () => {
    const handBack = createTurnTaking();
    const order: string[] = [];
    handBack(() => {
      order.push('first result');
      // Stands for the I/O the next turn polls (a webhook waiting): queued while the first result is stored.
      setImmediate(() => order.push('next turn'));
    });
    handBack(() => order.push('second result'));
    handBack(() => order.push('third result'));
    await vi.waitFor(() => expect(order).toHaveLength(4));
    expect(order).toEqual(['first result', 'next turn', 'second result', 'third result']);
  });
});
