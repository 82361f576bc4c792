/**
 * The reviewer's question ("all cases with confidence 0.85-0.92 last week") as a form over
 * GET /api/decisions. The filters live in the address (#/decisions?...) so a search can be shared,
 * reloaded and returned to with Back.
 */
import { element, replaceChildren } from '../dom.js';
import { decisionTable } from './decision-table.js';
import { histogramChart } from './histogram-chart.js';
import { inlineError } from './inline-error.js';

export const DECISION_FILTERS = ['minConfidence', 'maxConfidence', 'since', 'until', 'decision', 'tag', 'limit'];

const PRESETS = [
  { label: 'Near the threshold, last 7 days', query: { minConfidence: '0.85', maxConfidence: '0.92', since: '7d' } },
  { label: 'Drafted in the last 24 h', query: { decision: 'drafted', since: '24h' } },
  { label: 'Legal review', query: { tag: 'legal-review' } },
];

/**
 * @param {HTMLElement} container
 * @param {import('../console.js').ViewContext} context
 * @param {URLSearchParams} query
 */
export function mountDecisionsView(container, context, query) {
  let abort = new AbortController();
  const heading = element('h1', { tabindex: '-1', class: 'view-heading' }, 'Decisions');
  const fields = {
    minConfidence: element('input', { id: 'filter-min', name: 'minConfidence', type: 'number', min: '0', max: '1', step: '0.01', inputmode: 'decimal', placeholder: '0.85' }),
    maxConfidence: element('input', { id: 'filter-max', name: 'maxConfidence', type: 'number', min: '0', max: '1', step: '0.01', inputmode: 'decimal', placeholder: '0.92' }),
    since: element('input', { id: 'filter-since', name: 'since', type: 'text', list: 'since-options', placeholder: '7d, 24h or 2026-11-01', autocomplete: 'off' }),
    until: element('input', { id: 'filter-until', name: 'until', type: 'text', list: 'since-options', placeholder: 'optional', autocomplete: 'off' }),
    decision: element(
      'select',
      { id: 'filter-decision', name: 'decision' },
      element('option', { value: '' }, 'any'),
      element('option', { value: 'sent' }, 'sent'),
      element('option', { value: 'drafted' }, 'drafted'),
      element('option', { value: 'noted' }, 'noted (not sent)'),
    ),
    tag: element('input', { id: 'filter-tag', name: 'tag', type: 'text', list: 'tag-options', placeholder: 'e.g. retention', autocomplete: 'off', maxlength: '40' }),
    limit: element('input', { id: 'filter-limit', name: 'limit', type: 'number', min: '1', max: '1000', step: '1', placeholder: '100' }),
  };
  for (const name of DECISION_FILTERS) fields[name].value = query.get(name) ?? '';

  const field = (name, label, hint) =>
    element('div', { class: 'field' }, element('label', { for: fields[name].id }, label), fields[name], hint ? element('span', { class: 'hint' }, hint) : null);

  const results = element('div', { id: 'decision-results', 'aria-live': 'polite', 'aria-busy': 'false' });
  const form = element(
    'form',
    { class: 'filters', id: 'decision-filters', role: 'search', 'aria-label': 'Decision filters', on: { submit: (event) => (event.preventDefault(), submit(readForm())) } },
    element(
      'div',
      { class: 'filter-grid' },
      field('minConfidence', 'Min confidence', '0 to 1'),
      field('maxConfidence', 'Max confidence', '0 to 1'),
      field('since', 'Since', '30m, 24h, 7d, 2w or a date'),
      field('until', 'Until'),
      field('decision', 'Decision'),
      field('tag', 'Tag'),
      field('limit', 'Limit', 'default 100'),
    ),
    element('datalist', { id: 'since-options' }, ['24h', '7d', '30d'].map((value) => element('option', { value }))),
    element('datalist', { id: 'tag-options' }, ['retention', 'legal-review', 'enterprise', 'needs-human'].map((value) => element('option', { value }))),
    element(
      'div',
      { class: 'actions' },
      element('button', { type: 'submit', class: 'button button-primary', id: 'search-decisions' }, 'Search'),
      element('button', { type: 'button', class: 'button button-quiet', on: { click: () => submit(new URLSearchParams()) } }, 'Clear'),
      element('span', { class: 'muted' }, 'Try:'),
      PRESETS.map((preset) =>
        element('button', { type: 'button', class: 'button button-link', on: { click: () => submit(new URLSearchParams(preset.query)) } }, preset.label),
      ),
    ),
  );
  replaceChildren(container, element('div', { class: 'view-header' }, heading), element('section', { class: 'card' }, form), results);

  function readForm() {
    const params = new URLSearchParams();
    for (const name of DECISION_FILTERS) {
      const value = fields[name].value.trim();
      if (value !== '') params.set(name, value);
    }
    return params;
  }

  /** Puts the filters in the address as a new history entry, then searches. */
  function submit(params) {
    for (const name of DECISION_FILTERS) fields[name].value = params.get(name) ?? '';
    context.recordRoute(`#/decisions${params.size > 0 ? `?${params}` : ''}`);
    search(params);
  }

  async function search(params) {
    abort.abort();
    abort = new AbortController();
    const signal = abort.signal;
    results.setAttribute('aria-busy', 'true');
    try {
      const { decisions } = await context.api.get('/api/decisions', Object.fromEntries(params), signal);
      // A newer search may have started while this one's answer was on its way.
      if (signal.aborted) return;
      const summary = element('p', { class: 'result-count', id: 'decision-count' }, `${decisions.length} decision${decisions.length === 1 ? '' : 's'}${describe(params)}`);
      const pick = (from, to) => {
        const next = new URLSearchParams(params);
        next.set('minConfidence', from.toFixed(1));
        next.set('maxConfidence', to.toFixed(1));
        submit(next);
      };
      replaceChildren(
        results,
        summary,
        decisions.length > 0 ? histogramChart({ decisions, onPick: pick }) : null,
        decisions.length > 0
          ? decisionTable({ rows: decisions, caption: 'Decisions matching the filters, newest first', showDecision: true, onOpen: (ticketId) => context.openTicket(ticketId) })
          : element('p', { class: 'muted' }, 'No decisions match these filters.'),
      );
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(results, inlineError(error, { onRetry: () => search(params) }));
    } finally {
      if (!signal.aborted) results.setAttribute('aria-busy', 'false');
    }
  }

  // A new decision anywhere re-runs the search shown, so the list and the histogram stay current.
  const unsubscribe = context.live.subscribe((change) => {
    if (change.parts?.includes('decisions') || change.parts?.includes('outbox')) search(readForm());
  });
  search(query);
  return {
    heading,
    unmount: () => {
      abort.abort();
      unsubscribe();
    },
  };
}

function describe(params) {
  const parts = [];
  const min = params.get('minConfidence');
  const max = params.get('maxConfidence');
  if (min || max) parts.push(`confidence ${min ?? '0'}–${max ?? '1'}`);
  if (params.get('since')) parts.push(`since ${params.get('since')}`);
  if (params.get('until')) parts.push(`until ${params.get('until')}`);
  if (params.get('decision')) parts.push(params.get('decision') ?? '');
  if (params.get('tag')) parts.push(`tag ${params.get('tag')}`);
  return parts.length > 0 ? ` · ${parts.join(', ')}` : '';
}
