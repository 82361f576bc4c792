import { z } from 'zod';
import { defineTool } from '../../agentao/index.js';
import type { TriageSession } from '../triage-session.js';

const parameters = z
  .object({
    text: z.string().trim().min(1).max(8000),
    confidence: z.number().min(0).max(1),
    intent: z.string().max(60).optional(),
  })
  .strict();

export function createSendReplyTool(session: TriageSession) {
  return defineTool({
    name: 'send_reply',
    description: 'Send the reply to the customer now. Only allowed when confident and no escalation rule applies.',
    parameters,
    isReadOnly: false,
    requiresConfirmation: true,
    execute({ text, confidence, intent }, { callId }) {
      session.send = { text, confidence, intent, callId };
      return { status: 'queued-for-sending' };
    },
  });
}
