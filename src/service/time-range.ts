import { InputError } from './errors.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Nothing this product stores is older than the Unix epoch: a window reaching past it is a typo. */
const EARLIEST = Date.UTC(1970, 0, 1);

/** "7d", "24h", "30m", "2w" or an ISO date/time -> an ISO timestamp (UTC). */
export function parseSince(value: string, now: Date = new Date()): string {
  const relative = /^(\d{1,12})([mhdw])$/.exec(value.trim());
  if (relative) {
    const time = now.getTime() - Number(relative[1]) * (UNITS[relative[2] ?? 'd'] ?? 0);
    if (time < EARLIEST) {
      const maxDays = Math.floor((now.getTime() - EARLIEST) / UNITS.d!);
      throw new InputError(`"${value}" reaches back before 1970: use at most ${maxDays}d`, 'bad_time');
    }
    return new Date(time).toISOString();
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    throw new InputError(`"${value}" is not a time: use 30m, 24h, 7d, 2w or an ISO date like 2026-11-01`, 'bad_time');
  }
  return date.toISOString();
}

/**
 * A since/until pair. "--since 1d --until 7d" reads as "from one day ago to seven days ago": an
 * empty window that would silently match nothing, so it is an error that says how to fix it.
 */
export function parseTimeWindow(
  window: { since?: string; until?: string },
  names: { since: string; until: string } = { since: 'since', until: 'until' },
  now: Date = new Date(),
): { since?: string; until?: string } {
  const since = window.since === undefined ? undefined : parseSince(window.since, now);
  const until = window.until === undefined ? undefined : parseSince(window.until, now);
  if (since !== undefined && until !== undefined && since > until) {
    throw new InputError(
      `${names.since} "${window.since}" (${since}) is after ${names.until} "${window.until}" (${until}): the window is empty; swap them`,
      'bad_time',
    );
  }
  return { since, until };
}

export function parseConfidence(value: string, name: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new InputError(`${name} must be a number from 0 to 1, got "${value}"`, 'bad_confidence');
  }
  return number;
}
