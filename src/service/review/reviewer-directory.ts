/**
 * Who is calling the reviewer API. Each reviewer has a token of their own (`REVIEWER_TOKENS`), so
 * the audit trail can say who approved, rejected or edited; the single `REVIEWER_TOKEN` keeps
 * working as the reviewer named "reviewer".
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface NamedReviewerToken {
  name: string;
  token: string;
}

/** The name the shared REVIEWER_TOKEN signs in as. */
export const SHARED_REVIEWER_NAME = 'reviewer';

const REVIEWER_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._@-]{0,63}$/;

/**
 * `ada:token-a,bob:token-b` -> entries; throws with the problem for config.ts to report. A token
 * may contain ':' (only the first one separates the name).
 */
export function parseReviewerTokens(value: string): NamedReviewerToken[] {
  const entries: NamedReviewerToken[] = [];
  for (const part of value.split(',').map((item) => item.trim()).filter(Boolean)) {
    const separator = part.indexOf(':');
    const name = separator < 0 ? '' : part.slice(0, separator).trim();
    const token = separator < 0 ? '' : part.slice(separator + 1).trim();
    if (!REVIEWER_NAME.test(name) || token.length < 8) {
      throw new Error(`"${separator < 0 ? part.slice(0, 20) : name}" is not name:token (a name of letters, digits, . _ @ - or space, a token of 8 characters or more)`);
    }
    if (entries.some((entry) => entry.name === name)) throw new Error(`reviewer "${name}" is listed twice`);
    if (entries.some((entry) => entry.token === token)) throw new Error(`two reviewers share one token ("${name}")`);
    entries.push({ name, token });
  }
  return entries;
}

export interface ReviewerDirectory {
  /** The reviewer the `Authorization: Bearer` header names, or null for a missing or unknown token. */
  authenticate(header: string | undefined): { name: string; shared: boolean } | null;
}

export function createReviewerDirectory(sharedToken: string | undefined, named: readonly NamedReviewerToken[]): ReviewerDirectory {
  const entries = [
    ...named.map((entry) => ({ ...entry, shared: false, digest: digest(entry.token) })),
    ...(sharedToken ? [{ name: SHARED_REVIEWER_NAME, token: sharedToken, shared: true, digest: digest(sharedToken) }] : []),
  ];
  return {
    authenticate(header) {
      const received = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
      if (received.length === 0) return null;
      const receivedDigest = digest(received);
      // Every entry is compared (constant time each), so the answer's timing does not say which matched.
      let match: { name: string; shared: boolean } | null = null;
      for (const entry of entries) {
        if (timingSafeEqual(entry.digest, receivedDigest) && match === null) match = { name: entry.name, shared: entry.shared };
      }
      return match;
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
