import { InputError } from './errors.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "7d", "24h", "30m", "2w" or an ISO date/time -> an ISO timestamp (UTC). */
export function parseSince(value: string, now: Date = new Date()): string {
  const relative = /^(\d{1,5})([mhdw])$/.exec(value.trim());
  if (relative) return new Date(now.getTime() - Number(relative[1]) * (UNITS[relative[2] ?? 'd'] ?? 0)).toISOString();
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    throw new InputError(`"${value}" is not a time: use 30m, 24h, 7d, 2w or an ISO date like 2026-11-01`, 'bad_time');
  }
  return date.toISOString();
}

export function parseConfidence(value: string, name: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new InputError(`${name} must be a number from 0 to 1, got "${value}"`, 'bad_confidence');
  }
  return number;
}
