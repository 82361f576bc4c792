import { z } from 'zod';
import { defineTool } from '../../agentao/index.js';
import type { TriageSession } from '../triage-session.js';

/** The arguments, exported so a model in this process can read back a send it asked for. */
export const sendReplyParameters = z
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
    parameters: sendReplyParameters,
    isReadOnly: false,
    requiresConfirmation: true,
    execute({ text, confidence, intent }, { callId }) {
      session.send = { text, confidence, intent, callId };
      return { status: 'queued-for-sending' };
    },
  });
}
