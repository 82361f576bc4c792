/** What an API error means for a reviewer, and what they can do about it. */

const MESSAGES = {
  draft_changed: 'This draft changed since you opened it. Reload the ticket to see the current draft, then review it again.',
  already_sent: 'This ticket has already been answered, so nothing was sent. Reload the ticket to see the reply that went out.',
  draft_rejected: 'This draft was already rejected. Reload the ticket to see its current state.',
  no_draft: 'This ticket has no draft to act on. Reload the ticket to see its current state.',
  not_found: 'No such ticket. It may have been removed, or the link is wrong.',
  unauthorized: 'That reviewer token was not accepted. Enter the current token to continue.',
  unreachable: 'The service could not be reached. Check the connection and try again.',
};

/** Codes after which the page the reviewer is looking at is out of date. */
const STALE_CODES = new Set(['draft_changed', 'already_sent', 'draft_rejected', 'no_draft']);

/** @param {{code?: string, message?: string, status?: number}} error */
export function describeApiError(error) {
  const known = error?.code ? MESSAGES[error.code] : undefined;
  if (known) return known;
  if (error?.status === 400) return `The request was refused: ${error.message}`;
  return error?.message || 'Something went wrong.';
}

/** @param {{code?: string}} error */
export function needsReload(error) {
  return STALE_CODES.has(error?.code ?? '');
}
