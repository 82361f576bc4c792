import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../../src/service/store/time-ordered-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('is a UUIDv7 carrying its millisecond', () => {
    const id = timeOrderedId(1_764_750_000_123);
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(1_764_750_000_123);
  });

  it('sorts in creation order within one millisecond, as text', () => {
    const fixed = 1_900_000_000_000;
    const ids = Array.from({ length: 2_000 }, () => timeOrderedId(fixed));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps growing when the clock goes back', () => {
    const later = timeOrderedId(1_950_000_000_000);
    const earlier = timeOrderedId(1_949_999_999_000);
    expect(earlier > later).toBe(true);
  });
});
