/** The eval canary's report: one result per input line, in order, and a summary of them. */

export type EvalDecision = 'sent' | 'drafted' | 'noted';

export interface EvalResult {
  id: string;
  intent: string;
  decision: EvalDecision;
  confidence: number;
  tags: string[];
  reply: string;
  /** Why the pipeline decided as it did (the outcome's reasons), so a reader of the report sees why a line was drafted. */
  reasons?: string[];
  /** Why the line could not be triaged (an empty or oversized text). */
  error?: string;
  /** Each expectation of the line that this result does not meet. */
  failed?: string[];
}

export interface Agreement {
  labelled: number;
  correct: number;
  accuracy: number | null;
}

export interface EvalSummary {
  total: number;
  sent: number;
  drafted: number;
  /** Lines that could not be triaged (reported in place, with their error). */
  errors: number;
  /** Lines with at least one unmet expectation. */
  notAsExpected: number;
  intent: Agreement;
  decision: Agreement;
  tags: Agreement;
  msPerTicket: number;
}

export interface EvalReport {
  summary: EvalSummary;
  results: EvalResult[];
}
