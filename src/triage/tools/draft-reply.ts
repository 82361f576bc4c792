import { z } from 'zod';
import { defineTool } from '../../agentao/index.js';
import type { TriageSession } from '../triage-session.js';

const parameters = z
  .object({
    text: z.string().trim().min(1).max(8000),
    confidence: z.number().min(0).max(1),
    reason: z.string().trim().min(1).max(1000),
    tags: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    intent: z.string().max(60).optional(),
  })
  .strict();

export function createDraftReplyTool(session: TriageSession) {
  return defineTool({
    name: 'draft_reply',
    description: 'Leave the reply as a draft for a human reviewer, with your confidence, the reason and escalation tags.',
    parameters,
    // Writes a draft to the outbox: not read-only, allowed by the gate's rule.
    isReadOnly: false,
    execute({ text, confidence, reason, tags, intent }, { callId }) {
      session.draft = { text, confidence, reason, tags, intent, callId };
      return { status: 'drafted', note: 'A human will review this draft.' };
    },
  });
}
