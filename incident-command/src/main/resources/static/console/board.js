// The board: open incidents, most severe and newest first, with how long since their last update (overdue by the
// update cadence of docs/process.md, from config.json), customer impact and the page's ack state
// (notification-service). Live: each event re-fetches that one incident and patches its row.
import { ApiError, optional } from './api.js';
import { h, duration, showFormError, clearFormErrors, field } from './dom.js';

const SEVERITY_RANK = { CRITICAL: 3, MAJOR: 2, MINOR: 1 };
const OPEN = new Set(['INVESTIGATING', 'FIXING', 'MONITORING']);
const COLUMNS = [
  ['reference', 'Incident'], ['severity', 'Severity'], ['status', 'Status'], ['title', 'Title'], ['lead', 'Lead'],
  ['age', 'Age'], ['since-update', 'Since update'], ['impact', 'Customer impact'], ['ack', 'Ack'],
];

/** When the next update is due: the one the last update promised, else the cadence from the last update. */
export function updateDueAt(incident, cadenceMinutes) {
  if (incident.nextUpdateAt) {
    return Date.parse(incident.nextUpdateAt);
  }
  const minutes = cadenceMinutes ? cadenceMinutes[incident.severity] : null;
  if (!minutes) {
    return null;
  }
  return lastUpdateAt(incident) + minutes * 60000;
}

function lastUpdateAt(incident) {
  return Date.parse((incident.latestUpdate && incident.latestUpdate.postedAt) || incident.declaredAt);
}

function compare(a, b) {
  return (SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0)
    || Date.parse(b.declaredAt) - Date.parse(a.declaredAt);
}

export async function render(root, ctx) {
  const { api, config, canWrite, live } = ctx;
  const incidents = new Map();
  let escalations = new Map();
  let services = [];
  let teams = [];
  const versions = new Map();
  const inFlight = new Map();
  let firstPaint = true;
  let dropped = false;

  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter incidents', onsubmit: (e) => e.preventDefault() },
    field('filter', 'severity', 'Severity', { options: [['', 'Any'], 'CRITICAL', 'MAJOR', 'MINOR'] }),
    field('filter', 'service', 'Service', { options: [['', 'Any']] }),
    field('filter', 'team', 'Team', { options: [['', 'Any']] }));
  const tbody = h('tbody');
  const table = h('table', { id: 'board' },
    h('caption', { class: 'muted' }, 'Open incidents, most severe and newest first'),
    h('thead', {}, h('tr', {}, COLUMNS.map(([, label]) => h('th', { scope: 'col' }, label)))), tbody);
  const empty = h('p', { id: 'board-empty', class: 'muted', hidden: true }, 'No open incidents.');
  const notice = h('p', { id: 'board-notice', class: 'muted', role: 'status' });
  root.append(h('h1', {}, 'Open incidents'), filters, notice, h('div', { class: 'table-wrap' }, table), empty);
  if (canWrite) {
    root.append(declareForm());
  }
  // filter ids are fixed by the console's contract; field() names them filter-<name> already
  for (const select of filters.querySelectorAll('select')) {
    select.addEventListener('change', paint);
  }

  function teamOfService(serviceId) {
    const service = services.find((s) => s.id === serviceId || s.name === serviceId);
    return service ? service.teamId : null;
  }

  function visible(incident) {
    const severity = filters.querySelector('#filter-severity').value;
    const service = filters.querySelector('#filter-service').value;
    const team = filters.querySelector('#filter-team').value;
    const affected = incident.affectedServices || [];
    return OPEN.has(incident.status)
      && (!severity || incident.severity === severity)
      && (!service || affected.includes(service))
      && (!team || affected.some((s) => teamOfService(s) === team));
  }

  function ackText(incident) {
    const escalation = escalations.get(incident.id);
    if (!escalation) {
      return '—';
    }
    if (escalation.acknowledgedBy || escalation.acknowledgedAt) {
      return `Acknowledged${escalation.acknowledgedBy ? ` by ${escalation.acknowledgedBy}` : ''}`;
    }
    return `${String(escalation.state || 'paging').toLowerCase().replace(/_/g, ' ')}${escalation.pagesSent ? ` (${escalation.pagesSent} paged)` : ''}`;
  }

  function row(incident) {
    const now = Date.now();
    const dueAt = updateDueAt(incident, config.updateCadenceMinutes);
    const lead = incident.roles && incident.roles.INCIDENT_LEAD;
    const cells = {
      reference: h('a', { href: `#/incidents/${incident.id}` }, incident.reference),
      severity: h('span', { class: `sev sev-${incident.severity}` }, incident.severity),
      status: incident.status,
      title: incident.title,
      lead: lead ? (lead.name || lead.id) : 'Nobody yet',
      age: duration(now - Date.parse(incident.declaredAt)),
      'since-update': duration(now - lastUpdateAt(incident)),
      impact: incident.customerImpact ? 'Customers affected' : 'No',
      ack: ackText(incident),
    };
    const tr = h('tr', { dataset: { incidentId: incident.id, version: String(incident.version) } },
      COLUMNS.map(([key, label]) => h('td', { dataset: { field: key, label } }, cells[key])));
    if (dueAt !== null && now > dueAt && OPEN.has(incident.status)) {
      tr.classList.add('overdue');
      tr.querySelector('[data-field="since-update"]').title = `An update was due at ${new Date(dueAt).toLocaleTimeString()}`;
    }
    return tr;
  }

  function paint() {
    const shown = [...incidents.values()].filter(visible).sort(compare);
    tbody.replaceChildren(...shown.map(row));
    empty.hidden = shown.length > 0;
    if (firstPaint) {
      firstPaint = false;
      performance.mark('board-painted');
    }
  }

  /** Puts one incident's row where it belongs without repainting the others. */
  function patch(incident) {
    const existing = tbody.querySelector(`tr[data-incident-id="${CSS.escape(incident.id)}"]`);
    if (!visible(incident)) {
      if (existing) {
        existing.remove();
      }
      empty.hidden = tbody.children.length > 0;
      return;
    }
    const replacement = row(incident);
    if (existing) {
      existing.remove();
    }
    const before = [...tbody.children].find((tr) => {
      const other = incidents.get(tr.dataset.incidentId);
      return other && compare(incident, other) < 0;
    });
    tbody.insertBefore(replacement, before || null);
    empty.hidden = true;
  }

  function remember(incident) {
    const known = versions.get(incident.id);
    if (known !== undefined && known > incident.version) {
      return false; // an older answer overtaken by a newer one
    }
    versions.set(incident.id, incident.version);
    incidents.set(incident.id, incident);
    return true;
  }

  function fillFilters() {
    const serviceSelect = filters.querySelector('#filter-service');
    const teamSelect = filters.querySelector('#filter-team');
    const chosenService = serviceSelect.value;
    const chosenTeam = teamSelect.value;
    const names = new Set(services.map((s) => s.id));
    for (const incident of incidents.values()) {
      (incident.affectedServices || []).forEach((s) => names.add(s));
    }
    serviceSelect.replaceChildren(h('option', { value: '' }, 'Any'),
      [...names].sort().map((s) => h('option', { value: s, selected: s === chosenService }, s)));
    const teamIds = new Set(services.map((s) => s.teamId).filter(Boolean));
    teamSelect.replaceChildren(h('option', { value: '' }, 'Any'),
      [...teamIds].sort().map((id) => h('option', { value: id, selected: id === chosenTeam },
        (teams.find((t) => t.id === id) || {}).name || id)));
  }

  async function loadEscalations() {
    const list = await optional(() => api.get('notification', '/api/v1/escalations'), null);
    escalations = new Map((list || []).map((e) => [e.incidentId, e]));
  }

  async function loadAll() {
    const [page] = await Promise.all([
      api.get('command', '/api/v1/incidents?open=true&size=200'),
      loadEscalations(),
      optional(() => api.get('notification', '/api/v1/services'), []).then((list) => { services = list || []; }),
      optional(() => api.get('notification', '/api/v1/teams'), []).then((list) => { teams = list || []; }),
    ]);
    incidents.clear();
    versions.clear();
    for (const incident of page.items) {
      remember(incident);
    }
    notice.textContent = page.total > page.items.length ? `Showing ${page.items.length} of ${page.total} open incidents.` : '';
    fillFilters();
    paint();
  }

  async function apply(event) {
    const incidentId = event.data && event.data.incidentId;
    if (!incidentId) {
      return;
    }
    // one fetch per incident at a time; events arriving meanwhile are covered by one more fetch after it
    if (inFlight.has(incidentId)) {
      inFlight.get(incidentId).again = event;
      return;
    }
    const entry = { again: null };
    inFlight.set(incidentId, entry);
    try {
      let current = event;
      while (current) {
        entry.again = null;
        let incident = null;
        try {
          incident = await api.get('command', `/api/v1/incidents/${encodeURIComponent(incidentId)}`);
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 404)) {
            throw e;
          }
        }
        if (incident && remember(incident)) {
          if (!services.length || (incident.affectedServices || []).some((s) => !services.find((x) => x.id === s))) {
            fillFilters();
          }
          patch(incident);
        }
        const appliedAt = performance.now();
        window.firebreakConsole.lastApplied = {
          eventId: current.id, type: current.type, receivedAt: current.receivedAt, appliedAt,
          appliedAtEpochMs: Date.now(),
        };
        current = entry.again;
      }
    } finally {
      inFlight.delete(incidentId);
    }
  }

  function declareForm() {
    const form = h('form', { id: 'declare-form', class: 'write-control panel', novalidate: true, 'aria-labelledby': 'declare-heading' },
      h('h2', { id: 'declare-heading' }, 'Declare an incident'),
      field('declare', 'title', 'Title', { required: true, maxlength: '200' }),
      field('declare', 'severity', 'Severity', { options: ['CRITICAL', 'MAJOR', 'MINOR'], value: 'MAJOR', required: true }),
      field('declare', 'summary', 'Summary', { textarea: true }),
      field('declare', 'services', 'Affected services', { hint: 'Comma-separated, e.g. checkout, payments' }),
      field('declare', 'customerImpact', 'Customers are affected', { type: 'checkbox' }),
      h('div', { class: 'declare-force', hidden: true },
        field('declare', 'force', 'It is not one of these: declare anyway', { type: 'checkbox' })),
      h('p', { class: 'form-error', role: 'alert', 'data-error-for': 'form' }),
      h('p', { class: 'form-ok', role: 'status' }),
      h('button', { id: 'declare-submit', type: 'submit' }, 'Declare'));
    let idempotencyKey = crypto.randomUUID();
    form.addEventListener('input', () => { idempotencyKey = crypto.randomUUID(); });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      const ok = form.querySelector('.form-ok');
      ok.textContent = '';
      const data = new FormData(form);
      const body = {
        title: data.get('title').trim(),
        severity: data.get('severity'),
        summary: data.get('summary').trim() || null,
        affectedServices: data.get('services').split(',').map((s) => s.trim()).filter(Boolean),
        customerImpact: data.get('customerImpact') === 'on',
        force: data.get('force') === 'on',
      };
      if (!body.title) {
        showFormError(form, { fieldErrors: { title: "'title' is required" } });
        return;
      }
      const submit = form.querySelector('#declare-submit');
      submit.disabled = true;
      try {
        const incident = await api.post('command', '/api/v1/incidents', body, { headers: { 'Idempotency-Key': idempotencyKey } });
        idempotencyKey = crypto.randomUUID();
        if (remember(incident)) {
          patch(incident);
        }
        form.reset();
        form.querySelector('.declare-force').hidden = true;
        ok.replaceChildren('Declared ', h('a', { href: `#/incidents/${incident.id}` }, incident.reference), '.');
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && Array.isArray(e.problem.candidates)) {
          const force = form.querySelector('.declare-force');
          force.hidden = false;
          form.querySelector('.form-error[data-error-for="form"]').replaceChildren(
            `${e.problem.detail || 'This looks like an open incident'}: `,
            ...e.problem.candidates.flatMap((c, i) => [i ? ', ' : '',
              h('a', { href: `#/incidents/${c.id || c.incidentId}` }, c.reference || c.title || 'open incident')]));
        } else {
          showFormError(form, e, { affectedServices: 'services' });
        }
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  const unsubscribe = live.subscribe(Object.assign((event) => {
    apply(event).catch((e) => console.error('could not apply a live event', e));
  }, {
    // after a reconnect events may have been missed: read the board again
    onState: (value) => {
      if (value === 'reconnecting') {
        dropped = true;
      } else if (value === 'open' && dropped) {
        dropped = false;
        loadAll().catch(() => {});
      }
    },
  }));
  const ticker = setInterval(paint, 30000);
  const escalationTicker = setInterval(() => loadEscalations().then(paint).catch(() => {}), 30000);
  try {
    await loadAll();
  } catch (e) {
    unsubscribe();
    clearInterval(ticker);
    clearInterval(escalationTicker);
    throw e;
  }
  return () => {
    unsubscribe();
    clearInterval(ticker);
    clearInterval(escalationTicker);
  };
}
