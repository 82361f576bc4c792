/** The "?" dialog listing the keyboard shortcuts. */
import { element } from '../dom.js';
import { SHORTCUTS } from '../keyboard-shortcuts.js';

let dialog = null;

export function toggleShortcutHelp() {
  if (!dialog) {
    const close = element('button', { type: 'button', class: 'button', on: { click: () => dialog?.close() } }, 'Close');
    dialog = element(
      'dialog',
      { id: 'shortcut-help', class: 'shortcut-help', 'aria-labelledby': 'shortcut-help-heading' },
      element('h2', { id: 'shortcut-help-heading' }, 'Keyboard shortcuts'),
      element(
        'dl',
        { class: 'shortcut-list' },
        SHORTCUTS.flatMap((shortcut) => [element('dt', {}, element('kbd', {}, shortcut.key)), element('dd', {}, shortcut.description)]),
      ),
      element('p', { class: 'muted' }, 'Shortcuts work in the queue and on a ticket, not while typing in a field. Esc closes this.'),
      element('div', { class: 'actions' }, close),
    );
    document.body.append(dialog);
  }
  if (dialog.open) dialog.close();
  else dialog.showModal();
}
