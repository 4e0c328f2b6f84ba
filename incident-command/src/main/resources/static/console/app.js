// The console's shell: loads /console/config.json, signs in, asks who the person is (GET /api/v1/me), keeps one
// live stream of incident events open, and routes #/… to a view module. A view exports
// `render(root, ctx)`; it resolves once its data is painted (the router then sets body[data-ready="true"]) and may
// return a cleanup function the router calls when leaving it. ctx = {api, me, canWrite, config, live, navigate}.
import { createApi, ApiError } from './api.js';
import * as auth from './auth.js';
import { openStream } from './sse.js';

const ROUTES = [
  { pattern: /^#\/board$/, nav: 'nav-board', load: () => import('./board.js') },
  { pattern: /^#\/incidents\/([^/]+)$/, nav: 'nav-board', load: () => import('./incident.js') },
  { pattern: /^#\/oncall$/, nav: 'nav-oncall', load: () => import('./oncall.js') },
  { pattern: /^#\/insights$/, nav: 'nav-insights', load: () => import('./insights.js') },
];

const state = { config: null, api: null, me: null, stream: null, cleanup: null, navigation: 0 };
const listeners = new Set();
const view = () => document.getElementById('view');

window.firebreakConsole = window.firebreakConsole || {};

/** The live feed views subscribe to: one stream for the whole console, whatever view is open. */
const live = {
  subscribe(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  state: 'closed',
};

function setLiveState(value) {
  live.state = value;
  const label = { open: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', unauthorized: 'Live updates refused', closed: '' };
  const element = document.getElementById('live-state');
  element.dataset.state = value;
  element.textContent = label[value] ?? '';
  if (value === 'unauthorized') {
    signOut('Your token was refused; sign in again.');
  }
  for (const fn of listeners) {
    if (fn.onState) {
      fn.onState(value);
    }
  }
}

function startLive() {
  if (state.stream) {
    return;
  }
  state.stream = openStream({
    url: `${state.api.bases.command}/api/v1/incidents/stream`,
    getToken: auth.getToken,
    onState: setLiveState,
    onEvent: (event) => {
      for (const fn of [...listeners]) {
        try {
          fn(event);
        } catch (e) {
          console.error('a live update failed', e);
        }
      }
    },
  });
}

function stopLive() {
  if (state.stream) {
    state.stream.close();
    state.stream = null;
  }
}

function signOut(message) {
  auth.clearToken();
  state.me = null;
  stopLive();
  if (message) {
    state.loginMessage = message;
  }
  navigate('#/login');
}

/** Goes to `path`; the same path again renders it again (no hashchange fires then). */
function navigate(path) {
  const hash = path.startsWith('#') ? path : `#${path}`;
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

function showShell(signedIn) {
  document.getElementById('sign-out').hidden = !signedIn;
  document.getElementById('who').textContent = signedIn && state.me
    ? `${state.me.displayName || state.me.actorId}${state.canWrite ? '' : ' (read only)'}` : '';
  for (const link of document.querySelectorAll('nav a')) {
    link.removeAttribute('aria-current');
  }
}

async function whoAmI() {
  try {
    return await state.api.get('command', '/api/v1/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      // a server without /api/v1/me: the person's scopes are unknown, so the forms show and the APIs decide
      return { actorId: 'unknown', displayName: 'Signed in', kind: 'UNKNOWN', scopes: null };
    }
    throw e;
  }
}

async function route() {
  const navigation = ++state.navigation;
  if (state.cleanup) {
    try {
      state.cleanup();
    } catch (e) {
      console.error(e);
    }
    state.cleanup = null;
  }
  delete document.body.dataset.ready;
  const root = view();
  const hash = location.hash || '#/board';
  if (!auth.getToken() || hash === '#/login') {
    if (auth.getToken() && hash === '#/login') {
      navigate('#/board');
      return;
    }
    showShell(false);
    const message = state.loginMessage;
    state.loginMessage = null;
    auth.renderLogin(root, { config: state.config, message, onToken: () => { state.me = null; navigate(hash === '#/login' ? '#/board' : hash); } });
    document.body.dataset.ready = 'true';
    return;
  }
  if (!state.me) {
    try {
      state.me = await whoAmI();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        signOut('That token was refused.');
      } else {
        root.innerHTML = '<h1>Firebreak is out of reach</h1><p class="form-error" role="alert"></p>';
        root.querySelector('p').textContent = e.message;
      }
      return;
    }
    state.canWrite = !Array.isArray(state.me.scopes) || state.me.scopes.includes('incidents:write');
    startLive();
  }
  if (navigation !== state.navigation) {
    return;
  }
  showShell(true);
  const match = ROUTES.map((r) => ({ r, m: hash.match(r.pattern) })).find((x) => x.m);
  if (!match) {
    navigate('#/board');
    return;
  }
  document.getElementById(match.r.nav)?.setAttribute('aria-current', 'page');
  root.innerHTML = '<p>Loading…</p>';
  let module;
  try {
    module = await match.r.load();
  } catch (e) {
    if (navigation === state.navigation) {
      root.innerHTML = '<h1>Not available</h1><p>This part of the console is not available on this server.</p>';
      document.body.dataset.ready = 'true';
    }
    return;
  }
  if (navigation !== state.navigation) {
    return;
  }
  root.innerHTML = '';
  const ctx = {
    api: state.api, me: state.me, canWrite: state.canWrite, config: state.config, live, navigate,
    params: match.m.slice(1).map(decodeURIComponent),
  };
  try {
    const cleanup = await module.render(root, ctx);
    if (navigation !== state.navigation) {
      if (typeof cleanup === 'function') {
        cleanup();
      }
      return;
    }
    state.cleanup = typeof cleanup === 'function' ? cleanup : null;
    document.body.dataset.ready = 'true';
    if (!root.contains(document.activeElement)) {
      root.focus({ preventScroll: true }); // keyboard and screen-reader users land on the new view
    }
  } catch (e) {
    if (navigation !== state.navigation) {
      return;
    }
    if (e instanceof ApiError && e.status === 401 && !e.anonymous) {
      signOut('Your token was refused; sign in again.');
      return;
    }
    console.error(e);
    const error = document.createElement('p');
    error.className = 'form-error';
    error.setAttribute('role', 'alert');
    error.textContent = `Could not show this page: ${e.message}`;
    root.append(error);
    document.body.dataset.ready = 'true';
  }
}

async function main() {
  try {
    const response = await fetch('./config.json', { cache: 'no-store' });
    state.config = await response.json();
  } catch (e) {
    view().textContent = 'The console could not load its settings (config.json).';
    return;
  }
  state.api = createApi(state.config, auth.getToken, () => {
    if (state.me) {
      signOut('Your token was refused; sign in again.');
    }
  });
  try {
    await auth.completeSso(state.config);
  } catch (e) {
    state.loginMessage = e.message;
  }
  document.getElementById('sign-out').addEventListener('click', () => signOut());
  window.addEventListener('hashchange', route);
  route();
}

main();
