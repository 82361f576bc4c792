/**
 * Abort plumbing for the loop. Linking is done by hand rather than with AbortSignal.any: the
 * agent's lifetime signal outlives many chats, and Node 20 keeps every any() dependent alive.
 */

/** Aborts `controller` when any of `signals` aborts; returns the function that unlinks them. */
export function linkSignals(controller: AbortController, signals: readonly (AbortSignal | undefined)[]): () => void {
  const unlinks: (() => void)[] = [];
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    unlinks.push(() => signal.removeEventListener('abort', onAbort));
  }
  return () => unlinks.forEach((unlink) => unlink());
}

/**
 * Settles with `work`, or rejects as soon as `signal` aborts: a model or tool that ignores its
 * signal must not keep a closed agent waiting.
 */
export function raceAbort<T>(work: () => T | Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal.removeEventListener('abort', onAbort);
    // Called inside a promise so a synchronous throw becomes a rejection like any other failure.
    Promise.resolve()
      .then(work)
      .then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
  });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
