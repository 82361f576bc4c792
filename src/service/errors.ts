/** Errors of the service layer; the HTTP error handler and the job handler translate them. */
export class ServiceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A setting is missing or malformed: the message names the variable and how to fix it. */
export class ConfigError extends ServiceError {}

/** Input from a user or a webhook that we refuse: exit code 2 in the CLI, a 4xx over HTTP. */
export class InputError extends ServiceError {
  constructor(
    message: string,
    readonly code: string = 'bad_request',
    readonly statusCode: number = 400,
  ) {
    super(message);
  }
}

/** The service could not start (e.g. its port is taken): the CLI exits 1, so a supervisor sees it. */
export class ServiceStartError extends ServiceError {}
/**
 * A triage run stopped from outside before it decided anything (shutdown, a lost lease, an expired
 * job). Not a failure of the ticket: the queue releases the job and the ticket runs again.
 */
export class TriageInterruptedError extends ServiceError {}

/**
 * A triage that failed on a worker thread. Error classes do not cross threads: this carries the
 * thread's error by name and message, and whether the same run may succeed later.
 */
export class TriageThreadError extends ServiceError {
  readonly isRetryable: boolean;
  /** The name of the error the thread threw (e.g. "ModelCallError"). */
  readonly threadErrorName: string;

  constructor(message: string, options: { threadErrorName?: string; isRetryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.threadErrorName = options.threadErrorName ?? this.name;
    this.isRetryable = options.isRetryable ?? false;
  }
}

/** A triage thread ended with runs in flight (a crash, an out-of-memory kill): they fail and the queue retries them. */
export class TriageThreadExitedError extends TriageThreadError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, isRetryable: true });
  }
}
