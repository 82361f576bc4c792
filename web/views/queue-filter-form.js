/**
 * The queue's search and filters. Changes apply as the reviewer makes them (text after a short
 * pause), so there is no Search button to forget.
 */
import { element } from '../dom.js';
import { QUEUE_AGES, QUEUE_SORTS, QUEUE_SOURCES, activeFilterCount, defaultQueueFilters } from '../queue-filters.js';

const TEXT_PAUSE_MS = 300;

/**
 * @param {{initial: Record<string, string>, onChange: (filters: Record<string, string>) => void}} options
 */
export function queueFilterForm(options) {
  const option = (value, label) => element('option', { value }, label);
  const fields = {
    q: element('input', { id: 'queue-search', name: 'q', type: 'search', placeholder: 'Words in the subject or text, or a ticket id', autocomplete: 'off', maxlength: '200' }),
    customer: element('input', { id: 'queue-customer', name: 'customer', type: 'search', placeholder: 'email or part of it', autocomplete: 'off', maxlength: '200' }),
    source: element('select', { id: 'queue-source', name: 'source' }, option('', 'any source'), QUEUE_SOURCES.map((source) => option(source, source))),
    intent: element('input', { id: 'queue-intent', name: 'intent', type: 'text', list: 'queue-intent-options', placeholder: 'e.g. cancel_order', autocomplete: 'off', maxlength: '80' }),
    tag: element('input', { id: 'queue-tag', name: 'tag', type: 'text', list: 'queue-tag-options', placeholder: 'e.g. retention', autocomplete: 'off', maxlength: '40' }),
    olderThan: element('select', { id: 'queue-age', name: 'olderThan' }, QUEUE_AGES.map((age) => option(age.value, age.label))),
    minConfidence: element('input', { id: 'queue-min', name: 'minConfidence', type: 'number', min: '0', max: '1', step: '0.05', inputmode: 'decimal', placeholder: '0' }),
    maxConfidence: element('input', { id: 'queue-max', name: 'maxConfidence', type: 'number', min: '0', max: '1', step: '0.05', inputmode: 'decimal', placeholder: '1' }),
    sort: element('select', { id: 'queue-sort', name: 'sort' }, QUEUE_SORTS.map((sort) => option(sort.value, sort.label))),
  };
  const includeTest = element('input', { id: 'queue-include-test', name: 'includeTest', type: 'checkbox' });
  const intentOptions = element('datalist', { id: 'queue-intent-options' });
  const tagOptions = element('datalist', { id: 'queue-tag-options' }, ['retention', 'legal-review', 'enterprise', 'needs-human', 'complaint', 'security'].map((tag) => element('option', { value: tag })));
  const activeCount = element('span', { class: 'muted', id: 'queue-filter-count' });

  function read() {
    const filters = defaultQueueFilters();
    for (const [name, field] of Object.entries(fields)) filters[name] = /** @type {HTMLInputElement} */ (field).value.trim();
    filters.includeTest = /** @type {HTMLInputElement} */ (includeTest).checked ? 'true' : 'false';
    return filters;
  }
  function write(filters) {
    for (const [name, field] of Object.entries(fields)) /** @type {HTMLInputElement} */ (field).value = filters[name] ?? '';
    /** @type {HTMLInputElement} */ (includeTest).checked = filters.includeTest === 'true';
  }
  let pause;
  function changed(immediately) {
    clearTimeout(pause);
    const apply = () => {
      const filters = read();
      const count = activeFilterCount(filters);
      activeCount.textContent = count > 0 ? `${count} filter${count === 1 ? '' : 's'} on` : '';
      options.onChange(filters);
    };
    if (immediately) apply();
    else pause = setTimeout(apply, TEXT_PAUSE_MS);
  }
  write(options.initial);
  for (const name of ['q', 'customer', 'intent', 'tag', 'minConfidence', 'maxConfidence']) fields[name].addEventListener('input', () => changed(false));
  for (const name of ['source', 'olderThan', 'sort']) fields[name].addEventListener('change', () => changed(true));
  includeTest.addEventListener('change', () => changed(true));

  // On a phone the search stays and the other filters fold away until asked for.
  const moreButton = element(
    'button',
    {
      type: 'button',
      class: 'button button-quiet more-filters',
      id: 'queue-more-filters',
      'aria-expanded': 'false',
      on: {
        click: () => {
          const collapsed = form.classList.toggle('filters-collapsed');
          moreButton.setAttribute('aria-expanded', String(!collapsed));
          moreButton.textContent = collapsed ? 'More filters' : 'Fewer filters';
        },
      },
    },
    'More filters',
  );
  const field = (name, label, extraClass = '') =>
    element('div', { class: `field ${extraClass}`.trim() }, element('label', { for: fields[name].id }, label), fields[name]);
  const form = element(
    'form',
    { class: 'filters queue-filters filters-collapsed', id: 'queue-filters', role: 'search', 'aria-label': 'Search and filter the queue', on: { submit: (event) => (event.preventDefault(), changed(true)) } },
    element(
      'div',
      { class: 'filter-grid queue-filter-grid' },
      field('q', 'Search text', 'field-wide'),
      field('customer', 'Customer'),
      field('source', 'Source'),
      field('intent', 'Intent'),
      field('tag', 'Tag'),
      field('olderThan', 'Age'),
      field('minConfidence', 'Min confidence'),
      field('maxConfidence', 'Max confidence'),
      field('sort', 'Sort'),
    ),
    intentOptions,
    tagOptions,
    element(
      'div',
      { class: 'actions' },
      moreButton,
      element('label', { class: 'checkbox-label', for: 'queue-include-test' }, includeTest, ' Show test tickets (CLI, eval)'),
      element(
        'button',
        {
          type: 'button',
          class: 'button button-quiet',
          id: 'queue-clear-filters',
          on: {
            click: () => {
              write(defaultQueueFilters());
              changed(true);
            },
          },
        },
        'Clear filters',
      ),
      activeCount,
    ),
  );
  return {
    form,
    read,
    focusSearch: () => fields.q.focus(),
    /** Offers the intents present in the queue as suggestions. @param {string[]} intents */
    setIntents(intents) {
      intentOptions.replaceChildren(...[...new Set(intents)].sort().map((intent) => element('option', { value: intent })));
    },
  };
}
