/**
 * The one way this console builds DOM. Every string becomes a text node or an attribute value set
 * through the DOM API, never markup: ticket, customer and model text can contain `<script>` or
 * `<img onerror>`, and must show as text.
 */

/**
 * @param {string} tag
 * @param {Record<string, unknown>} [properties] `class`, `text`, `on` (event handlers), `dataset`,
 *   boolean `hidden`/`disabled`/`required`/`readOnly`, anything else is an attribute.
 * @param {...(Node | string | number | null | undefined | false | Array<Node | string | null | undefined | false>)} children
 * @returns {HTMLElement}
 */
export function element(tag, properties = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = String(value);
    else if (name === 'text') node.textContent = String(value);
    else if (name === 'on') {
      for (const [type, handler] of Object.entries(/** @type {Record<string, EventListener>} */ (value))) node.addEventListener(type, handler);
    } else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'hidden' || name === 'disabled' || name === 'required' || name === 'readOnly' || name === 'open') {
      /** @type {any} */ (node)[name] = Boolean(value);
    } else if (name === 'value') /** @type {any} */ (node).value = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children, turning strings into text nodes and skipping empty slots. */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces everything inside `parent` with `children`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}
