/** Why the agent decided what it did: decision, confidence, intent, tags, reasons and tool steps. */
import { element } from '../dom.js';
import { confidenceBadge, statusBadge, tagChips } from './badges.js';

/** @param {any} outcome the stored triage outcome, or null before the ticket was triaged */
export function outcomePanel(outcome) {
  if (!outcome) {
    return element('section', { class: 'card' }, element('h2', {}, 'Outcome'), element('p', { class: 'muted' }, 'Not triaged yet.'));
  }
  const reasons = Array.isArray(outcome.reasons) ? outcome.reasons : [];
  const steps = Array.isArray(outcome.steps) ? outcome.steps : [];
  return element(
    'section',
    { class: 'card', 'aria-labelledby': 'outcome-heading', id: 'outcome' },
    element('h2', { id: 'outcome-heading' }, 'Outcome'),
    element(
      'dl',
      { class: 'facts' },
      element('dt', {}, 'Decision'),
      element('dd', {}, statusBadge(outcome.decision)),
      element('dt', {}, 'Confidence'),
      element('dd', {}, confidenceBadge(outcome.confidence)),
      element('dt', {}, 'Intent'),
      element('dd', { id: 'outcome-intent' }, outcome.intent),
      element('dt', {}, 'Tags'),
      element('dd', { id: 'outcome-tags' }, tagChips(outcome.tags)),
    ),
    element('h3', {}, outcome.decision === 'drafted' ? 'Why did it draft this?' : 'Why was it sent?'),
    reasons.length > 0
      ? element('ul', { class: 'reasons', id: 'outcome-reasons' }, reasons.map((reason) => element('li', {}, reason)))
      : element('p', { class: 'muted' }, 'No reasons recorded.'),
    steps.length > 0 ? toolSteps(steps) : null,
  );
}

function toolSteps(steps) {
  return element(
    'details',
    { class: 'steps' },
    element('summary', {}, `Tool steps (${steps.length})`),
    element(
      'ol',
      {},
      steps.map((step) =>
        element(
          'li',
          { class: step.permission === 'allow' ? '' : 'step-denied' },
          element('code', {}, step.tool),
          ` · ${step.permission}${step.ok ? '' : ' · not ok'}`,
        ),
      ),
    ),
  );
}
