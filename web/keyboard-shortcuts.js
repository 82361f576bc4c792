/**
 * The console's keyboard shortcuts, in one list the help dialog shows and the views act on.
 * Keys typed into a field are text, not commands.
 */

export const SHORTCUTS = [
  { key: 'j', action: 'next', description: 'Next ticket' },
  { key: 'k', action: 'previous', description: 'Previous ticket' },
  { key: 'o', action: 'open', description: 'Open the selected ticket (Enter works too)' },
  { key: 'a', action: 'approve', description: 'Approve the draft (sends or notes it, as the button says)' },
  { key: 'r', action: 'reject', description: 'Reject the draft (asks for a reason)' },
  { key: 'e', action: 'edit', description: 'Edit the draft' },
  { key: 'x', action: 'select', description: 'Select the ticket for a bulk action' },
  { key: '/', action: 'search', description: 'Search the queue' },
  { key: '?', action: 'help', description: 'Show or hide this help' },
];

/**
 * The action a key press asks for, or null (a modifier held, or the focus in a text field).
 * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, target?: unknown}} event
 */
export function shortcutAction(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = /** @type {{tagName?: string, isContentEditable?: boolean, type?: string}} */ (event.target ?? {});
  const tag = String(target.tagName ?? '').toUpperCase();
  const typing = tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true || (tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(String(target.type ?? 'text')));
  if (typing) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === event.key)?.action ?? null;
}
