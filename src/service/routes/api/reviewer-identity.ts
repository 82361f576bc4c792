/** Who the audit trail names for a reviewer's action. */

export interface AuthenticatedReviewer {
  name: string;
  /** Signed in with the shared REVIEWER_TOKEN: the name is "reviewer", whoever typed it. */
  shared: boolean;
}

/**
 * The authenticated name is the one recorded. A name typed into the console is kept beside it as
 * `declaredName` only for the shared token, where it is the only hint of who it was; a named
 * reviewer cannot act under another name.
 */
export function recordedReviewer(reviewer: AuthenticatedReviewer | null, declared: string | undefined): { reviewer: string; declaredName?: string } {
  const name = reviewer?.name ?? 'reviewer';
  return reviewer?.shared && declared && declared !== name ? { reviewer: name, declaredName: declared } : { reviewer: name };
}
