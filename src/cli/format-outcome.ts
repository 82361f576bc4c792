/** Human-readable output of the CLI. `--json` output never goes through here. */
import type { TriageOutcome } from '../triage/types.js';

function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : prefix.trimEnd()))
    .join('\n');
}

const VERDICTS: Readonly<Record<TriageOutcome['decision'], string>> = {
  sent: 'SENT to the customer',
  drafted: 'DRAFTED for a human',
  noted: 'NOTED in the helpdesk (an internal note: not sent to the customer)',
};

function shortJson(value: unknown, max = 90): string {
  const text = JSON.stringify(value) ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function formatOutcome(outcome: TriageOutcome, options: { duplicate?: boolean } = {}): string {
  const verdict = VERDICTS[outcome.decision];
  const lines = [
    `Ticket ${outcome.ticketId}: ${verdict}${options.duplicate ? ' (already triaged: stored outcome)' : ''}`,
    `  intent      ${outcome.intent}`,
    `  confidence  ${outcome.confidence.toFixed(2)}`,
    `  tags        ${outcome.tags.length ? outcome.tags.join(', ') : '(none)'}`,
    '',
    'Reply:',
    indent(outcome.reply || '(no reply text)', '  | '),
    '',
    'Steps:',
    ...outcome.steps.map(
      (step, index) =>
        `  ${index + 1}. ${step.tool} ${shortJson(step.args)}  permission=${step.permission} ${step.ok ? 'ok' : 'failed'}`,
    ),
    '',
    'Why:',
    ...outcome.reasons.map((reason) => `  - ${reason}`),
  ];
  return lines.join('\n');
}

export function formatDecisionRow(outcome: TriageOutcome & { createdAt?: string }): string {
  const when = outcome.createdAt ? outcome.createdAt.replace('T', ' ').slice(0, 19) : '';
  return [
    when.padEnd(19),
    outcome.ticketId.padEnd(16),
    outcome.decision.padEnd(7),
    outcome.confidence.toFixed(2),
    outcome.intent.padEnd(26),
    outcome.tags.join(',') || '-',
  ].join('  ');
}
