// Building DOM nodes. Text from the store always goes through textContent: never markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

// A tooltip for an SVG element (shown by the browser on hover).
export function tooltip(text) {
  return svg('title', { text });
}

export function actorLabel(event, role) {
  const country = event[`${role}_country`];
  const name = event[`${role}_name`];
  const text = event[`${role}_text`];
  const label = [country, name].filter(Boolean).join(' ');
  return label || (text ? `(${text})` : '–');
}

export function containerWidth(node, fallback = 600) {
  return Math.max(320, Math.floor(node.clientWidth || fallback));
}
