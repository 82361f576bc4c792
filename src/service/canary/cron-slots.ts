/**
 * The canary's schedule as cron slots (UTC): the same cron-parser that pg-boss's own scheduler
 * uses, so a slot means the same minute on SQLite's timer and on pg-boss.
 */
import cronParser from 'cron-parser';

/** Throws with cron-parser's reason when the expression is not a valid cron. */
export function validateCron(expression: string): void {
  cronParser.parseExpression(expression, { tz: 'UTC' });
}

/** The first slot strictly after `after`. */
export function nextSlot(expression: string, after: Date): Date {
  return cronParser.parseExpression(expression, { currentDate: after, tz: 'UTC' }).next().toDate();
}

/** The latest slot at or before `time`: which run a job created at `time` is for. */
export function slotAtOrBefore(expression: string, time: Date): Date {
  return cronParser.parseExpression(expression, { currentDate: new Date(time.getTime() + 1), tz: 'UTC' }).prev().toDate();
}
