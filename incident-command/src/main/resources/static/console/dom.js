// Small DOM helpers shared by the views. Text always goes in as text (never innerHTML): titles, notes and names
// are whatever people typed.

/** `h('td', {dataset: {field: 'title'}, class: 'x'}, 'text', childNode, …)`; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'class') {
      element.className = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : String(child));
  }
}

/** "3 min", "2 h 05 min", "4 d 3 h" for a duration in milliseconds. */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) {
    return '—';
  }
  const minutes = Math.max(0, Math.floor(ms / 60000));
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  }
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A time as people read it, with the ISO instant in a <time> element. */
export function time(instant) {
  if (!instant) {
    return '—';
  }
  const date = new Date(instant);
  return h('time', { datetime: date.toISOString() }, date.toLocaleString());
}

/** Shows an ApiError on a form: next to the field it names (`[data-error-for=field]`), else in the form's error. */
export function showFormError(form, error, aliases = {}) {
  clearFormErrors(form);
  const fields = error && error.fieldErrors ? Object.entries(error.fieldErrors) : [];
  let placed = false;
  for (const [field, detail] of fields) {
    const name = aliases[field] || field;
    const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`)
      || form.querySelector(`[data-error-for="${CSS.escape(field.split('.')[0])}"]`);
    const text = `${field}: ${detail}`;
    if (slot) {
      slot.textContent = text;
      const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
      placed = true;
    } else {
      form.querySelector('.form-error[data-error-for="form"]').textContent = text;
      placed = true;
    }
  }
  if (!placed) {
    const detail = error && error.problem ? (error.problem.detail || error.problem.title) : null;
    form.querySelector('.form-error[data-error-for="form"]').textContent = detail || (error && error.message) || 'Failed';
  }
}

export function clearFormErrors(form) {
  for (const slot of form.querySelectorAll('.form-error')) {
    slot.textContent = '';
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
  }
}

/**
 * A labelled field: `field('title', 'Title', {type: 'text', required: true})`, a select with `options`, or a
 * textarea with `textarea: true`; its error slot follows it. `idPrefix` keeps ids unique on the page.
 */
export function field(idPrefix, name, label, { options, textarea, type = 'text', required, value, hint, ...rest } = {}) {
  const id = `${idPrefix}-${name}`;
  const errorId = `${id}-error`;
  let input;
  if (options) {
    input = h('select', { id, name, required, 'aria-describedby': errorId, ...rest },
      options.map((o) => (Array.isArray(o) ? h('option', { value: o[0], selected: o[0] === value }, o[1])
        : h('option', { value: o, selected: o === value }, o))));
  } else if (textarea) {
    input = h('textarea', { id, name, required, 'aria-describedby': errorId, ...rest }, value || '');
  } else {
    input = h('input', { id, name, type, required, value, 'aria-describedby': errorId, ...rest });
  }
  if (type === 'checkbox') {
    return h('div', { class: 'check' }, input, ' ', h('label', { for: id }, label),
      h('p', { id: errorId, class: 'form-error', 'data-error-for': name }));
  }
  return h('div', {}, h('label', { for: id }, label), hint ? h('p', { class: 'muted' }, hint) : null, input,
    h('p', { id: errorId, class: 'form-error', 'data-error-for': name }));
}
