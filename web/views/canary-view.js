/**
 * The daily canary: its last reports (when, which model, how often the results agreed with the
 * expectations, whether decisions or tags regressed), what one report changed against the
 * baseline, and adopting a report as the new baseline.
 */
import { element, replaceChildren } from '../dom.js';
import { formatDateTime } from '../format.js';
import { inlineError } from './inline-error.js';

const percent = (agreement) => (agreement && agreement.accuracy !== null ? `${Math.round(agreement.accuracy * 1000) / 10}%` : 'n/a');

/** "decision sent → drafted, tags [] → [retention]" for one changed line. */
export function describeChange(change) {
  const parts = [];
  if (change.decision) parts.push(`decision ${change.decision.before} → ${change.decision.after}`);
  if (change.intent) parts.push(`intent ${change.intent.before} → ${change.intent.after}`);
  if (change.tags) parts.push(`tags [${change.tags.before.join(', ')}] → [${change.tags.after.join(', ')}]`);
  if (change.replyDiff) parts.push('reply changed');
  return parts.join(', ');
}

/**
 * @param {HTMLElement} container
 * @param {import('../console.js').ViewContext} context
 */
export function mountCanaryView(container, context) {
  const abort = new AbortController();
  const heading = element('h1', { tabindex: '-1', class: 'view-heading' }, 'Canary');
  const list = element('div', { id: 'canary-reports', 'aria-live': 'polite' });
  const detail = element('section', { id: 'canary-detail', class: 'card', hidden: true, 'aria-live': 'polite' });
  replaceChildren(container, element('div', { class: 'view-header' }, heading), list, detail);

  async function load() {
    try {
      const { reports, baselineId } = await context.api.get('/api/canary/reports', { limit: 10 }, abort.signal);
      if (reports.length === 0) {
        replaceChildren(list, element('p', { class: 'muted' }, 'No canary run yet. triage serve runs it on CANARY_CRON; triage canary run runs it now.'));
        return;
      }
      const rows = reports.map((report) =>
        element(
          'tr',
          { dataset: { reportId: report.id } },
          element('td', {}, formatDateTime(report.startedAt)),
          element('td', {}, report.status === 'finished' ? (report.regression ? element('span', { class: 'badge badge-rejected' }, 'regressed') : element('span', { class: 'badge badge-sent' }, 'as before')) : element('span', { class: 'badge badge-failed' }, report.status)),
          element('td', {}, percent(report.summary?.intent)),
          element('td', {}, percent(report.summary?.decision)),
          element('td', {}, percent(report.summary?.tags)),
          element('td', { class: 'muted' }, report.modelId ?? ''),
          element('td', {}, report.id === baselineId ? element('span', { class: 'badge' }, 'baseline') : ''),
          element('td', {}, report.status === 'finished' ? element('button', { type: 'button', class: 'button button-link', on: { click: () => show(report.id, baselineId) } }, 'What changed') : report.error ?? ''),
        ),
      );
      replaceChildren(
        list,
        element(
          'table',
          { class: 'data-table' },
          element('caption', { class: 'muted' }, 'The last canary reports, newest first'),
          element('thead', {}, element('tr', {}, ['Started', 'Result', 'Intent', 'Decision', 'Tags', 'Model', '', ''].map((label) => element('th', { scope: 'col' }, label)))),
          element('tbody', {}, rows),
        ),
      );
    } catch (error) {
      if (!abort.signal.aborted) replaceChildren(list, inlineError(error, { onRetry: load }));
    }
  }

  async function show(reportId, baselineId) {
    detail.hidden = false;
    try {
      const report = await context.api.get(`/api/canary/reports/${encodeURIComponent(reportId)}`, undefined, abort.signal);
      const changes = report.comparison?.changes ?? [];
      replaceChildren(
        detail,
        element('h2', {}, `Report of ${formatDateTime(report.startedAt)}`),
        element('p', { class: 'muted' }, report.baselineId ? `Compared with baseline ${report.baselineId}: ${changes.length} line(s) changed.` : 'This run had no baseline to compare with.'),
        changes.length > 0 ? element('ul', { id: 'canary-changes' }, changes.map((change) => element('li', {}, element('strong', {}, change.id), `: ${describeChange(change)}`))) : null,
        reportId === baselineId
          ? element('p', { class: 'muted' }, 'This report is the baseline.')
          : element('button', { type: 'button', class: 'button button-primary', id: 'adopt-report', on: { click: () => adopt(reportId) } }, 'Adopt as baseline'),
      );
    } catch (error) {
      if (!abort.signal.aborted) replaceChildren(detail, inlineError(error, { onRetry: () => show(reportId, baselineId) }));
    }
  }

  async function adopt(reportId) {
    try {
      await context.api.post('/api/canary/adopt', { reportId }, abort.signal);
      context.announce('The report is now the canary baseline.');
      detail.hidden = true;
      await load();
    } catch (error) {
      if (!abort.signal.aborted) replaceChildren(detail, inlineError(error, { onRetry: () => adopt(reportId) }));
    }
  }

  load();
  return { heading, unmount: () => abort.abort() };
}
