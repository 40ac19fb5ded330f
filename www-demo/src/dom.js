// A tiny DOM helper: h('li', { class: 'x', onclick }, 'text', child) builds elements
// without innerHTML, so user input is always text.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key in el && key !== 'list' && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** 0.0123 -> "12 µs", 3.21 -> "3.21 ms", 165.9 -> "165.9 ms" (the browser's clock may round to 5 or 100 µs). */
export const ms = (n) =>
  n == null ? '…' : n < 1 ? `${Math.round(n * 1000)} µs` : `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
