import type { Insertable, Selectable, Updateable } from 'kysely';

export interface DecisionTagsTable {
  ticket_id: string;
  tag: string;
}

export type DecisionTagRow = Selectable<DecisionTagsTable>;
export type NewDecisionTagRow = Insertable<DecisionTagsTable>;
export type DecisionTagRowUpdate = Updateable<DecisionTagsTable>;
