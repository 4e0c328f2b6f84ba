// One incident: summary, roles, the latest update, escalation and pages (notification-service), the public status
// page entry as customers see it (statuspage-service's public v2 document), the debrief and its follow-ups
// (debrief-service), the full timeline (live), and a form for every command.
import { ApiError, optional } from './api.js';
import { h, duration, time, showFormError, clearFormErrors, field } from './dom.js';

const ROLE_LABELS = { INCIDENT_LEAD: 'Incident lead', COMMS_OWNER: 'Comms owner', INVESTIGATION_OWNER: 'Investigation owner' };

function personName(person) {
  return person ? (person.name || person.email || person.id) : null;
}

function humanType(type) {
  return String(type).replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** One line saying what an event did, from its payload (the stored event's fields). */
function describe(record) {
  const d = record.data || {};
  switch (record.type) {
    case 'IncidentDeclared':
      return `Declared ${d.severity || ''}: ${d.title || ''}`;
    case 'SeverityChanged':
      return `Severity ${d.from} → ${d.to}${d.reason ? ` (${d.reason})` : ''}`;
    case 'StatusChanged':
      return `Status ${d.from} → ${d.to}${d.note ? ` (${d.note})` : ''}`;
    case 'UpdatePosted':
      return `${d.audience === 'CUSTOMER' ? 'Customer' : 'Internal'} update: ${d.whatIsHappening || ''}`;
    case 'RoleAssigned':
      return `${ROLE_LABELS[d.role] || d.role}: ${personName(d.assignee) || 'nobody'}${d.previous ? ` (was ${personName(d.previous)})` : ''}`;
    case 'TimelineNoteAdded':
      return `${d.kind ? `${d.kind.charAt(0)}${d.kind.slice(1).toLowerCase()}` : 'Note'}: ${d.text || ''}`;
    case 'IncidentResolved':
      return `Resolved: ${d.resolution || ''}`;
    case 'IncidentReopened':
      return `Reopened: ${d.reason || ''}`;
    case 'IncidentClosed':
      return `Closed${d.debriefUrl ? ` (debrief ${d.debriefUrl})` : ''}`;
    case 'CustomerImpactChanged':
      return d.customerImpact ? `Customers affected${(d.affectedServices || []).length ? `: ${d.affectedServices.join(', ')}` : ''}` : 'No customer impact';
    case 'CauseIdentified':
      return `Cause identified: ${d.cause || ''}`;
    case 'ContainmentStepRecorded':
      return `Containment ${d.lever}: ${d.outcome}${d.note ? ` (${d.note})` : ''}`;
    default: {
      const facts = Object.entries(d).filter(([k, v]) => k !== 'incidentId' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
        .map(([k, v]) => `${k}: ${v}`);
      return `${humanType(record.type)}${facts.length ? ` (${facts.join('; ')})` : ''}`;
    }
  }
}

function timelineItem(record) {
  return h('li', { dataset: { eventId: record.eventId, kind: record.type } },
    h('span', { class: 'when' }, time(record.occurredAt), ' · ', (record.actor && (record.actor.displayName || record.actor.id)) || 'Firebreak'),
    h('div', {}, describe(record)));
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '—')]));
}

export async function render(root, ctx) {
  const { api, canWrite, live, me, params } = ctx;
  const id = params[0];
  const base = `/api/v1/incidents/${encodeURIComponent(id)}`;
  let incident = await api.get('command', base);
  const incidentId = incident.id;
  const seen = new Set();

  const summary = h('div', { id: 'incident-summary' });
  const roles = h('section', { class: 'panel', 'aria-labelledby': 'roles-heading' });
  const latest = h('section', { id: 'latest-update', class: 'panel', 'aria-labelledby': 'latest-heading' });
  const escalation = h('section', { id: 'escalation', class: 'panel', 'aria-labelledby': 'escalation-heading' },
    h('h2', { id: 'escalation-heading' }, 'Escalation'), h('p', { class: 'muted' }, 'Loading…'));
  const statusPage = h('section', { id: 'status-page-entry', class: 'panel', 'aria-labelledby': 'status-page-heading' },
    h('h2', { id: 'status-page-heading' }, 'Status page'), h('p', { class: 'muted' }, 'Loading…'));
  const debrief = h('section', { id: 'debrief', class: 'panel', 'aria-labelledby': 'debrief-heading' },
    h('h2', { id: 'debrief-heading' }, 'Debrief'), h('p', { class: 'muted' }, 'Loading…'));
  const timeline = h('ol', { id: 'timeline', 'aria-labelledby': 'timeline-heading' });
  const section = h('section', { id: 'incident', dataset: { incidentId } },
    summary,
    h('div', { class: 'grid' }, latest, roles),
    canWrite ? h('section', { 'aria-labelledby': 'commands-heading' },
      h('h2', { id: 'commands-heading' }, 'Commands'), h('div', { class: 'forms' }, forms())) : null,
    h('div', { class: 'grid' }, escalation, statusPage),
    debrief,
    h('section', {}, h('h2', { id: 'timeline-heading' }, 'Timeline'), timeline));
  root.append(section);

  function paint() {
    const i = incident;
    const lead = i.roles && i.roles.INCIDENT_LEAD;
    summary.replaceChildren(
      h('p', {}, h('a', { href: '#/board' }, '← Board')),
      h('h1', {}, `${i.reference} · ${i.title}`),
      facts([
        ['Severity', h('span', { class: `sev sev-${i.severity}` }, i.severity)],
        ['Status', i.status],
        ['Customer impact', i.customerImpact ? 'Customers affected' : 'No'],
        ['Services', (i.affectedServices || []).join(', ') || '—'],
        ['Declared', h('span', {}, time(i.declaredAt), ` (${duration(Date.now() - Date.parse(i.declaredAt))} ago)`)],
        ['Lead', personName(lead) || 'Nobody yet'],
        ['Channel', i.channelName || '—'],
        i.videoBridgeUrl ? ['Call', h('a', { href: i.videoBridgeUrl, rel: 'noopener' }, i.videoBridgeUrl)] : ['Call', undefined],
        i.resolvedAt ? ['Resolved', h('span', {}, time(i.resolvedAt), i.resolution ? ` — ${i.resolution}` : '')] : ['Resolved', undefined],
      ]),
      i.summary ? h('p', {}, i.summary) : null);
    roles.replaceChildren(h('h2', { id: 'roles-heading' }, 'Roles'), facts([
      ...Object.entries(ROLE_LABELS).map(([role, label]) => [label, personName(i.roles && i.roles[role]) || 'Unassigned']),
      ['Investigators', (i.investigators || []).map(personName).join(', ') || '—'],
    ]));
    const u = i.latestUpdate;
    latest.replaceChildren(h('h2', { id: 'latest-heading' }, 'Latest update'), u
      ? h('div', {},
        h('p', { class: 'muted' }, `${u.audience === 'CUSTOMER' ? 'Customer' : 'Internal'} update, `, time(u.postedAt)),
        facts([
          ['What is happening?', u.whatIsHappening],
          ['Who is affected?', u.whoIsAffected],
          ['What are we doing?', u.whatWeAreDoing],
          ['Next update', u.nextUpdateAt ? time(u.nextUpdateAt) : '—'],
          u.whatYouCanDo ? ['What customers can do', u.whatYouCanDo] : ['', undefined],
        ]))
      : h('p', {}, 'No update posted yet.'));
  }

  async function loadTimeline() {
    const records = await api.get('command', `${base}/events`);
    for (const record of records) {
      addToTimeline(record);
    }
  }

  function addToTimeline(record) {
    if (!record.eventId || seen.has(record.eventId)) {
      return false;
    }
    seen.add(record.eventId);
    const item = timelineItem(record);
    const later = [...timeline.children].find((li) => Number(li.dataset.sequence) > record.sequence);
    item.dataset.sequence = String(record.sequence);
    timeline.insertBefore(item, later || null);
    return true;
  }

  async function loadEscalation() {
    const [state, notifications] = await Promise.all([
      optional(() => api.get('notification', `${base}/escalation`), null),
      optional(() => api.get('notification', `${base}/notifications`), null),
    ]);
    const children = [h('h2', { id: 'escalation-heading' }, 'Escalation')];
    if (!state) {
      children.push(h('p', {}, 'Nobody has been paged for this incident.'));
    } else {
      children.push(facts([
        ['State', String(state.state || '—').replace(/_/g, ' ').toLowerCase()],
        ['Level / round', `${state.level} / ${state.round}`],
        ['Policy', state.policy || '—'],
      ]));
      const pages = state.pages || [];
      if (pages.length) {
        children.push(h('div', { class: 'table-wrap' }, h('table', { id: 'escalation-pages' },
          h('caption', { class: 'muted' }, 'Who was paged when'),
          h('thead', {}, h('tr', {}, ['Responder', 'Level', 'Paged', 'State', 'Acknowledged'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, pages.map((p) => h('tr', { dataset: { pageId: p.pageId } },
            h('td', {}, p.responderName || p.responderId), h('td', {}, `${p.level}`), h('td', {}, time(p.triggeredAt)),
            h('td', {}, String(p.state || '').toLowerCase()),
            h('td', {}, p.acknowledgedAt ? h('span', {}, time(p.acknowledgedAt), p.acknowledgedBy ? ` by ${p.acknowledgedBy}` : '') : '—')))))));
      }
      const pending = (state.pending || [])[0];
      if (pending && pending.dueAt) {
        children.push(h('p', {}, 'Escalates further unless acknowledged by ', time(pending.dueAt), '.'));
      }
    }
    const canAck = !Array.isArray(me.scopes) || me.scopes.includes('paging:ack');
    if (state && canAck && !/ACK/i.test(String(state.state)) && (state.pages || []).some((p) => !p.acknowledgedAt)) {
      const result = h('p', { class: 'form-error', role: 'alert' });
      children.push(h('button', {
        type: 'button', id: 'ack-incident', class: 'write-control ack',
        onclick: async (event) => {
          event.target.disabled = true;
          try {
            await api.post('notification', `${base}/ack`);
            await loadEscalation();
          } catch (e) {
            result.textContent = e.status === 404 ? 'You have no page for this incident to acknowledge.' : e.message;
            event.target.disabled = false;
          }
        },
      }, 'Acknowledge my page'), result);
    }
    const deliveries = (notifications && notifications.pages) || [];
    if (deliveries.length) {
      children.push(h('details', {}, h('summary', {}, `Deliveries (${deliveries.length})`),
        h('ul', {}, deliveries.map((d) => h('li', {}, `${d.responder} via ${d.channel}: ${String(d.state).toLowerCase()} `,
          d.sentAt ? time(d.sentAt) : '')))));
    }
    escalation.replaceChildren(...children);
  }

  async function loadStatusPage() {
    const children = [h('h2', { id: 'status-page-heading' }, 'Status page')];
    const published = await optional(() => api.get('statuspage', '/api/v2/incidents.json', { anonymous: true }), null);
    const entry = published && (published.incidents || []).find((x) => x.id === incidentId);
    if (!published) {
      children.push(h('p', {}, 'The status page is out of reach.'));
    } else if (!entry) {
      children.push(h('p', {}, incident.statusPage && incident.statusPage.hidden
        ? 'Hidden from the public status page by the comms owner.' : 'Not on the public status page.'));
    } else {
      children.push(h('p', { class: 'muted' }, 'As customers see it:'),
        h('h3', {}, entry.name),
        facts([['Status', entry.status], ['Impact', entry.impact],
          ['Link', entry.shortlink ? h('a', { href: entry.shortlink, rel: 'noopener' }, entry.shortlink) : '—']]),
        h('ol', {}, (entry.incident_updates || []).map((u) => h('li', {},
          h('strong', {}, u.status), ' ', time(u.created_at), h('p', {}, u.body)))));
    }
    statusPage.replaceChildren(...children);
  }

  async function loadDebrief() {
    const children = [h('h2', { id: 'debrief-heading' }, 'Debrief')];
    const [doc, followUps] = await Promise.all([
      optional(() => api.get('debrief', `${base}/debrief`), null),
      optional(() => api.get('debrief', `/api/v1/follow-ups?incidentId=${encodeURIComponent(incidentId)}`), []),
    ]);
    if (!doc) {
      children.push(h('p', {}, 'No debrief yet: one opens when the incident is resolved.'));
    } else {
      children.push(facts([['State', doc.state], ['Form', doc.form], ['Due', doc.dueAt ? time(doc.dueAt) : '—'],
        ['Completed', doc.completedAt ? time(doc.completedAt) : '—']]));
      for (const s of doc.sections || []) {
        children.push(h('details', {}, h('summary', {}, s.heading || s.id), h('p', { class: 'prewrap' }, s.text || '(empty)')));
      }
    }
    children.push(h('h3', {}, 'Follow-ups'), (followUps || []).length
      ? h('ul', { id: 'follow-ups' }, followUps.map((f) => h('li', { dataset: { followUpId: f.id } },
        `${f.title} — ${String(f.status).toLowerCase()}${f.owner ? `, ${f.owner}` : ''}${f.dueDate ? `, due ${f.dueDate}` : ''}${f.overdue ? ' (overdue)' : ''}`,
        f.externalUrl ? [' ', h('a', { href: f.externalUrl, rel: 'noopener' }, 'issue')] : null)))
      : h('p', {}, 'None yet.'));
    debrief.replaceChildren(...children);
  }

  /** A command form: `build()` gives its fields, `send(data)` calls the API; the answer repaints the page. */
  function commandForm(formId, title, fields, send, aliases = {}) {
    const form = h('form', { id: formId, class: 'write-control', novalidate: true, 'aria-labelledby': `${formId}-heading` },
      h('h3', { id: `${formId}-heading` }, title), fields,
      h('p', { class: 'form-error', role: 'alert', 'data-error-for': 'form' }),
      h('p', { class: 'form-ok', role: 'status' }),
      h('button', { type: 'submit' }, title));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      form.querySelector('.form-ok').textContent = '';
      const submit = form.querySelector('button[type=submit]');
      submit.disabled = true;
      try {
        const data = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
        const answer = await send(data);
        if (answer && answer.id === incidentId && answer.version !== undefined && answer.version >= incident.version) {
          incident = answer;
          paint();
        }
        form.reset();
        form.querySelector('.form-ok').textContent = 'Done.';
        loadTimeline().catch(() => {});
      } catch (e) {
        showFormError(form, e, aliases);
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  function blankToNull(value) {
    return value === undefined || value === '' ? null : value;
  }

  function forms() {
    const canPage = !Array.isArray(me.scopes) || me.scopes.includes('paging:write');
    return [
      commandForm('update-form', 'Post update', [
        field('update', 'audience', 'Audience', { options: [['INTERNAL', 'Internal'], ['CUSTOMER', 'Customers']] }),
        field('update', 'whatIsHappening', 'What is happening?', { textarea: true, required: true }),
        field('update', 'whoIsAffected', 'Who is affected?', { textarea: true, required: true }),
        field('update', 'whatWeAreDoing', 'What are we doing?', { textarea: true, required: true }),
        field('update', 'nextUpdateInMinutes', 'Next update in (minutes)', { type: 'number', min: '1', max: '1440', inputmode: 'numeric' }),
        field('update', 'whatYouCanDo', 'What customers can do meanwhile (customer updates)', { textarea: true }),
      ], (d) => api.post('command', `${base}/updates`, {
        audience: d.audience, whatIsHappening: blankToNull(d.whatIsHappening), whoIsAffected: blankToNull(d.whoIsAffected),
        whatWeAreDoing: blankToNull(d.whatWeAreDoing),
        nextUpdateInMinutes: d.nextUpdateInMinutes ? Number(d.nextUpdateInMinutes) : null,
        whatYouCanDo: blankToNull(d.whatYouCanDo),
      }), { nextUpdateAt: 'nextUpdateInMinutes' }),
      commandForm('status-form', 'Change status', [
        field('status', 'status', 'Status', { options: ['INVESTIGATING', 'FIXING', 'MONITORING'] }),
        field('status', 'note', 'Note', {}),
      ], (d) => api.post('command', `${base}/status`, { status: d.status, note: blankToNull(d.note) })),
      commandForm('severity-form', 'Change severity', [
        field('severity', 'severity', 'Severity', { options: ['CRITICAL', 'MAJOR', 'MINOR'] }),
        field('severity', 'reason', 'Reason', {}),
      ], (d) => api.post('command', `${base}/severity`, { severity: d.severity, reason: blankToNull(d.reason) })),
      commandForm('role-form', 'Assign role', [
        field('role', 'role', 'Role', { options: Object.entries(ROLE_LABELS) }),
        field('role', 'assignee.name', 'Name', { required: true, autocomplete: 'name' }),
        field('role', 'assignee.id', 'Id (e.g. Slack or directory id)', {}),
        field('role', 'assignee.email', 'E-mail', { type: 'email', autocomplete: 'email' }),
      ], (d) => api.put('command', `${base}/roles/${encodeURIComponent(d.role)}`, {
        assignee: { name: blankToNull(d['assignee.name']), id: blankToNull(d['assignee.id']), email: blankToNull(d['assignee.email']) },
      })),
      commandForm('note-form', 'Add note', [
        field('note', 'kind', 'Kind', { options: ['NOTE', 'DECISION', 'EVIDENCE', 'HYPOTHESIS', 'ACTION', 'MILESTONE'] }),
        field('note', 'text', 'Text', { textarea: true, required: true }),
      ], (d) => api.post('command', `${base}/notes`, { kind: d.kind, text: blankToNull(d.text) })),
      canPage ? commandForm('page-form', 'Page someone', [
        field('page', 'target.kind', 'Page a', { options: [['PERSON', 'Person'], ['SCHEDULE', 'Schedule (whoever is on call)'], ['TEAM', 'Team'], ['SERVICE', 'Service (its owning team)']] }),
        field('page', 'target.id', 'Their id in the on-call directory', { required: true }),
        field('page', 'message', 'Message', { maxlength: '500' }),
      ], async (d) => {
        const answer = await api.post('notification', `${base}/pages`, {
          target: { kind: d['target.kind'], id: blankToNull(d['target.id']) }, message: blankToNull(d.message),
        });
        loadEscalation().catch(() => {});
        return answer;
      }) : null,
      commandForm('resolve-form', 'Resolve', [
        field('resolve', 'resolution', 'Resolution: what fixed it', { textarea: true, required: true }),
      ], (d) => api.post('command', `${base}/resolve`, { resolution: blankToNull(d.resolution) })),
      commandForm('close-form', 'Close', [
        field('close', 'debriefUrl', 'Debrief link (needed for Major and Critical)', { type: 'url' }),
      ], (d) => api.post('command', `${base}/close`, { debriefUrl: blankToNull(d.debriefUrl) })),
    ];
  }

  // live: an event of this incident joins the timeline at once; the summary is read again behind it
  let refreshing = null;
  let again = false;
  let latestEvent = null;
  async function refresh(event) {
    latestEvent = event;
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = (async () => {
      do {
        again = false;
        const fresh = await api.get('command', base);
        if (fresh.version >= incident.version) {
          incident = fresh;
          paint();
        }
      } while (again);
    })();
    try {
      await refreshing;
    } finally {
      refreshing = null;
    }
    if (again) {
      // an event arrived between the last read and now: read once more for it
      refresh(latestEvent).catch((e) => console.error('could not apply a live event', e));
      return;
    }
    const applied = latestEvent;
    window.firebreakConsole.lastApplied = {
      eventId: applied.id, type: applied.type, receivedAt: applied.receivedAt, appliedAt: performance.now(), appliedAtEpochMs: Date.now(),
    };
    if (event.type === 'IncidentResolved' || event.type === 'IncidentClosed' || event.type === 'IncidentReopened') {
      loadDebrief().catch(() => {});
      loadStatusPage().catch(() => {});
    }
  }

  const unsubscribe = live.subscribe((event) => {
    const record = event.data;
    if (!record || record.incidentId !== incidentId) {
      return;
    }
    addToTimeline(record);
    refresh(event).catch((e) => console.error('could not apply a live event', e));
  });
  const ticker = setInterval(() => {
    paint();
    loadEscalation().catch(() => {});
  }, 30000);

  /** Another service failing leaves its own section saying so; the incident itself still shows. */
  function orSay(load, element, heading) {
    return load().catch((e) => {
      if (e instanceof ApiError && e.status === 401 && !e.anonymous) {
        throw e;
      }
      element.replaceChildren(element.querySelector('h2') || h('h2', {}, heading),
        h('p', { class: 'form-error' }, `Could not load this: ${e.message}`));
    });
  }

  paint();
  try {
    await Promise.all([loadTimeline(), orSay(loadEscalation, escalation, 'Escalation'),
      orSay(loadStatusPage, statusPage, 'Status page'), orSay(loadDebrief, debrief, 'Debrief')]);
  } catch (e) {
    unsubscribe();
    clearInterval(ticker);
    throw e;
  }
  return () => {
    unsubscribe();
    clearInterval(ticker);
  };
}
