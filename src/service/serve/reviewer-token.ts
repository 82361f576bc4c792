/**
 * The console's bearer token for one `triage serve` run. REVIEWER_TOKEN when set; otherwise a random
 * token made for this run and shown once, so a local user can open the console without setting
 * anything. A shared deployment sets REVIEWER_TOKEN: a token that changes at every restart logs
 * every reviewer out.
 */
import { randomBytes } from 'node:crypto';

/** 18 random bytes: 144 bits, 24 URL-safe characters (it travels in the console's URL fragment). */
const GENERATED_TOKEN_BYTES = 18;

export interface ReviewerTokenOptions {
  configured: string | undefined;
  /** Where the console listens, for the link in the notice. */
  host: string;
  port: number;
  /** Where the one-time notice goes (the CLI passes stderr). */
  log: (line: string) => void;
  /** Replaceable for tests. */
  generate?: () => string;
}

export function generateReviewerToken(): string {
  return randomBytes(GENERATED_TOKEN_BYTES).toString('base64url');
}

export function resolveReviewerToken(options: ReviewerTokenOptions): string {
  if (options.configured) return options.configured;
  const token = (options.generate ?? generateReviewerToken)();
  options.log(`REVIEWER_TOKEN is not set: this run's token is ${token} (open http://${options.host}:${options.port}/#token=${token})\n`);
  return token;
}
