/**
 * Hands results back one per event-loop turn. What follows a result on this thread (scrubbing,
 * the decision's transaction, the outbox, settling the job) is synchronous SQLite work chained by
 * promises, so it runs as one block of microtasks; results arriving together would run back to
 * back while webhooks wait. One per turn lets the I/O phase (the HTTP accepts) run in between.
 */
export function createTurnTaking(): (settle: () => void) => void {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const next = (): void => {
    scheduled = false;
    waiting.shift()?.();
    // Scheduled from inside an immediate: runs in the next turn, after that turn's I/O.
    if (waiting.length > 0 && !scheduled) {
      scheduled = true;
      setImmediate(next);
    }
  };
  return (settle) => {
    waiting.push(settle);
    if (!scheduled) {
      scheduled = true;
      setImmediate(next);
    }
  };
}
