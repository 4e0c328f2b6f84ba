// On call: who is on call now and next per schedule (overrides applied, active ones listed), the services each
// schedule answers for, my shifts over the next 14 days, and my pages with an Acknowledge button. Everything comes
// from notification-service (GET /api/v1/oncall, /schedules/{id}/shifts and /overrides, /people, /me/pages) with the
// person's token. A person is the directory entry whose id (or e-mail) is the credential's actorId: the same mapping
// GET /api/v1/me/pages uses (notification-service README).
import { ApiError } from './api.js';
import { h, time } from './dom.js';

const DAY = 24 * 60 * 60 * 1000;
const MY_SHIFT_DAYS = 14;
const REFRESH_MS = 15 * 1000;

/** Big touch targets for the ack flow on phones (console.css is the shell's; this view adds only its own rules). */
function ensureStyle() {
  if (document.getElementById('oncall-style')) {
    return;
  }
  const style = document.createElement('style');
  style.id = 'oncall-style';
  style.textContent = `
    ul#my-pages { list-style: none; padding: 0; margin: 0; }
    ul#my-pages li { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between;
      padding: .75rem; margin-bottom: .5rem; border: 1px solid #c8c8c8; border-radius: 6px; }
    ul#my-pages li.unacknowledged { border-left: 6px solid #a3141b; }
    ul#my-pages .page-what { flex: 1 1 14rem; }
    ul#my-pages button.ack { min-height: 3rem; min-width: 11rem; font-size: 1.1rem; font-weight: 700; }
    #my-shifts ul { padding-left: 1.25rem; }
    @media (max-width: 40rem) {
      ul#my-pages button.ack { width: 100%; }
      table#oncall-now thead { position: absolute; left: -9999px; }
      table#oncall-now tr { display: block; border-bottom: 2px solid #c8c8c8; padding: .25rem 0; }
      table#oncall-now td, table#oncall-now th[scope=row] { display: flex; gap: .5rem; border: 0; padding: .15rem .25rem; }
      table#oncall-now td::before, table#oncall-now th[scope=row]::before { content: attr(data-label); font-weight: 600;
        min-width: 6rem; }
    }`;
  document.head.append(style);
}

const names = (people) => (people && people.length ? people.map((p) => p.name || p.id).join(', ') : 'nobody');

/** The people on call during a shift list's first change after `now`, and when it starts. */
function nextChange(shifts, now, currentIds) {
  const upcoming = shifts.filter((s) => new Date(s.start).getTime() > now)
    .sort((a, b) => new Date(a.start) - new Date(b.start));
  for (const shift of upcoming) {
    const at = new Date(shift.start).getTime();
    const during = shifts.filter((s) => new Date(s.start).getTime() <= at && new Date(s.end).getTime() > at);
    const ids = during.map((s) => s.personId).sort().join(',');
    if (ids !== currentIds) {
      return { at: shift.start, people: during.map((s) => ({ id: s.personId, name: s.personName })) };
    }
  }
  return null;
}

function overrideText(override, peopleById) {
  const who = (id) => (id ? (peopleById.get(id)?.name || id) : null);
  const until = new Date(override.end).toLocaleString();
  switch (override.kind) {
    case 'REPLACE': return `${who(override.addPerson)} replaces ${who(override.removePerson)} until ${until}`;
    case 'ADD': return `${who(override.addPerson)} added until ${until}`;
    case 'REMOVE': return `${who(override.removePerson)} off until ${until}`;
    default: return `${override.kind} until ${until}`;
  }
}

export async function render(root, ctx) {
  ensureStyle();
  const { api, me } = ctx;
  const canAck = !Array.isArray(me.scopes) || me.scopes.includes('paging:ack');
  const now = Date.now();
  const from = new Date(now).toISOString();
  const to = new Date(now + MY_SHIFT_DAYS * DAY).toISOString();

  const [onCall, people] = await Promise.all([
    api.get('notification', '/api/v1/oncall'),
    api.get('notification', '/api/v1/people').catch(() => []),
  ]);
  const peopleById = new Map((people || []).map((p) => [p.id, p]));
  const actor = (me.actorId || '').toLowerCase();
  const myPerson = (people || []).find((p) => p.id === me.actorId)
    || (people || []).find((p) => p.email && p.email.toLowerCase() === actor);
  const myPersonId = myPerson ? myPerson.id : me.actorId;

  const schedules = onCall.schedules || [];
  const details = await Promise.all(schedules.map(async (schedule) => {
    const id = encodeURIComponent(schedule.scheduleId);
    const [shifts, overrides] = await Promise.all([
      api.get('notification', `/api/v1/schedules/${id}/shifts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
        .then((s) => s.shifts || []).catch(() => []),
      api.get('notification', `/api/v1/schedules/${id}/overrides`).catch(() => []),
    ]);
    return { schedule, shifts, overrides: (overrides || []).filter((o) => new Date(o.end).getTime() > now) };
  }));

  root.append(h('h1', {}, 'On call'));

  // who is on call now and next, per schedule
  const servicesBySchedule = new Map();
  for (const service of onCall.services || []) {
    if (service.scheduleId) {
      const list = servicesBySchedule.get(service.scheduleId) || [];
      list.push(service.name || service.serviceId);
      servicesBySchedule.set(service.scheduleId, list);
    }
  }
  const rows = details.map(({ schedule, shifts, overrides }) => {
    const currentIds = (schedule.onCall || []).map((p) => p.id).sort().join(',');
    const next = nextChange(shifts, now, currentIds);
    return h('tr', { dataset: { scheduleId: schedule.scheduleId } },
      h('th', { scope: 'row', 'data-label': 'Schedule' }, schedule.name || schedule.scheduleId),
      h('td', { dataset: { field: 'now', label: 'Now' } }, names(schedule.onCall)),
      h('td', { dataset: { field: 'next', label: 'Next' } },
        h('span', {}, next ? [names(next.people), ' from ', time(next.at)] : 'no change in 14 days')),
      h('td', { dataset: { field: 'overrides', label: 'Overrides' } },
        overrides.length ? h('ul', {}, overrides.map((o) => h('li', {}, overrideText(o, peopleById))))
          : h('span', {}, 'none')),
      h('td', { dataset: { field: 'services', label: 'Services' } },
        (servicesBySchedule.get(schedule.scheduleId) || []).join(', ') || '—'));
  });
  root.append(h('section', { 'aria-labelledby': 'oncall-now-title' },
    h('h2', { id: 'oncall-now-title' }, 'Who is on call'),
    schedules.length === 0 ? h('p', { class: 'muted' }, 'No schedules yet.') : null,
    h('div', { class: 'table-wrap' },
      h('table', { id: 'oncall-now' },
        h('caption', { class: 'muted' }, `As of ${new Date(now).toLocaleString()}`),
        h('thead', {}, h('tr', {}, ['Schedule', 'Now', 'Next', 'Overrides', 'Services']
          .map((label) => h('th', { scope: 'col' }, label)))),
        h('tbody', {}, rows)))));

  // my shifts over the next 14 days
  const mine = details.flatMap(({ schedule, shifts }) => shifts
    .filter((s) => s.personId === myPersonId)
    .map((s) => ({ ...s, scheduleId: schedule.scheduleId, scheduleName: schedule.name || schedule.scheduleId })))
    .sort((a, b) => new Date(a.start) - new Date(b.start));
  root.append(h('section', { id: 'my-shifts', 'aria-labelledby': 'my-shifts-title' },
    h('h2', { id: 'my-shifts-title' }, `My shifts (next ${MY_SHIFT_DAYS} days)`),
    myPerson ? null : h('p', { class: 'muted' },
      `No person in the on-call directory has the id or e-mail ${me.actorId}.`),
    mine.length ? h('ul', {}, mine.map((s) => h('li', { dataset: { scheduleId: s.scheduleId } },
      h('strong', {}, s.scheduleName), ': ', time(s.start), ' – ', time(s.end))))
      : h('p', {}, 'You have no shifts in the next 14 days.')));

  // my pages
  const status = h('p', { id: 'my-pages-status', role: 'status', 'aria-live': 'polite', class: 'muted' });
  const list = h('ul', { id: 'my-pages' });
  root.append(h('section', { 'aria-labelledby': 'my-pages-title' },
    h('h2', { id: 'my-pages-title' }, 'My pages'), status, list));

  async function acknowledge(page, button, error) {
    button.disabled = true;
    error.textContent = '';
    try {
      await api.post('notification', page.ackPath || `/api/v1/pages/${encodeURIComponent(page.pageId)}/ack`);
      status.textContent = `Acknowledged ${page.incidentReference || 'the page'}.`;
      await loadPages();
      list.querySelector(`li[data-page-id="${CSS.escape(page.pageId)}"]`)?.focus();
    } catch (e) {
      button.disabled = false;
      error.textContent = e instanceof ApiError ? (e.problem.detail || e.message) : e.message;
    }
  }

  function pageItem(page) {
    const waiting = !page.acknowledged && (page.state === undefined || page.state === 'TRIGGERED');
    const ackState = page.acknowledged ? ['Acknowledged ', time(page.acknowledgedAt)]
      : (page.state === 'CANCELLED' ? 'Cancelled (paging stopped)' : 'Not acknowledged');
    const error = h('p', { class: 'form-error', role: 'alert' });
    const label = `Acknowledge page for ${page.incidentReference || ''} ${page.title || ''}`.trim();
    const button = waiting && canAck ? h('button', { type: 'button', class: 'ack write-control', 'aria-label': label }, 'Acknowledge')
      : null;
    if (button) {
      button.addEventListener('click', () => acknowledge(page, button, error));
    }
    return h('li', { dataset: { pageId: page.pageId, incidentId: page.incidentId || '' }, tabindex: '-1',
      class: waiting ? 'unacknowledged' : 'settled' },
      h('div', { class: 'page-what' },
        h('a', { href: `#/incidents/${encodeURIComponent(page.incidentId)}` },
          `${page.incidentReference || 'Incident'} ${page.title || ''}`),
        page.severity ? [' · ', h('span', { class: `sev sev-${page.severity}` }, page.severity)] : null,
        h('br'), h('span', { class: 'muted' }, 'Paged ', time(page.triggeredAt)), ' · ',
        h('span', { dataset: { field: 'ack-state' } }, ackState)),
      button, error);
  }

  async function loadPages() {
    const pages = await api.get('notification', '/api/v1/me/pages');
    list.replaceChildren(...pages.map(pageItem));
    if (!pages.length) {
      status.textContent = 'You have not been paged.';
    } else if (!status.textContent.startsWith('Acknowledged')) {
      const open = pages.filter((p) => !p.acknowledged && (p.state === undefined || p.state === 'TRIGGERED')).length;
      status.textContent = open ? `${open} page${open === 1 ? '' : 's'} waiting for you.` : 'Nothing waiting for you.';
    }
  }

  await loadPages();

  // a new incident may page me: notification-service pages after it consumes the incident's event, so look again
  // shortly after incident events and once more later for a busy system, and every REFRESH_MS anyway
  const pending = [];
  const load = () => loadPages().catch((e) => console.error('my pages', e));
  const refresh = () => {
    pending.splice(0).forEach(clearTimeout);
    pending.push(setTimeout(load, 1500), setTimeout(load, 6000));
  };
  const unsubscribe = ctx.live ? ctx.live.subscribe(refresh) : () => {};
  const timer = setInterval(load, REFRESH_MS);
  document.body.dataset.ready = 'true';
  return () => {
    unsubscribe();
    pending.forEach(clearTimeout);
    clearInterval(timer);
  };
}
