/** The audit trail of a ticket: one summarised line per event, each expandable to its JSON. */
import { element } from '../dom.js';
import { eventTone, summarizeEvent } from '../event-summary.js';
import { formatTime } from '../format.js';

/** @param {Array<{seq: number, type: string, ts: string, data: unknown}>} events */
export function auditTimeline(events) {
  const list = element(
    'ol',
    { class: 'timeline', id: 'timeline' },
    events.map((event) =>
      element(
        'li',
        { class: `event tone-${eventTone(event)}`, dataset: { type: event.type } },
        element(
          'details',
          {},
          element(
            'summary',
            {},
            element('span', { class: 'event-seq' }, `#${event.seq}`),
            element('time', { class: 'event-time', datetime: event.ts, title: event.ts }, formatTime(event.ts)),
            element('span', { class: 'event-type' }, event.type),
            element('span', { class: 'event-summary' }, summarizeEvent(event)),
          ),
          element('pre', { class: 'event-data' }, JSON.stringify(event.data, null, 2)),
        ),
      ),
    ),
  );
  const toggle = element('button', { type: 'button', class: 'button button-quiet', 'aria-controls': 'timeline' }, 'Expand all');
  toggle.addEventListener('click', () => {
    const open = toggle.textContent === 'Expand all';
    for (const details of list.querySelectorAll('details')) details.open = open;
    toggle.textContent = open ? 'Collapse all' : 'Expand all';
  });
  return element(
    'section',
    { class: 'card timeline-card', 'aria-labelledby': 'timeline-heading' },
    element('div', { class: 'section-header' }, element('h2', { id: 'timeline-heading' }, `Audit timeline (${events.length} events)`), events.length > 0 ? toggle : null),
    events.length > 0 ? list : element('p', { class: 'muted' }, 'No events recorded.'),
  );
}
