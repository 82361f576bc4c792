import type { Insertable, Selectable, Updateable } from 'kysely';
import type { TriageDecision } from '../../../triage/types.js';

export interface DecisionsTable {
  ticket_id: string;
  run_id: string;
  decision: TriageDecision;
  intent: string;
  confidence: number;
  reply: string;
  /** JSON text: string[]. The queryable copy lives in decision_tags. */
  tags: string;
  /** JSON text: string[]. */
  reasons: string;
  /** JSON text: TriageStep[]. */
  steps: string;
  created_at: string;
}

export type DecisionRow = Selectable<DecisionsTable>;
export type NewDecisionRow = Insertable<DecisionsTable>;
export type DecisionRowUpdate = Updateable<DecisionsTable>;
