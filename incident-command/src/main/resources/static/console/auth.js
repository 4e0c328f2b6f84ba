// Signing in: a pasted API token, or (when config.json names an OIDC client) the authorization-code flow with PKCE
// against the issuer's discovery document. The token lives in sessionStorage only: closing the tab signs out.

const TOKEN_KEY = 'firebreak.token';
const SSO_KEY = 'firebreak.sso';

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The login form; `onToken(token)` once someone pasted one or came back from the identity provider. */
export function renderLogin(root, { config, message, onToken }) {
  root.innerHTML = `
    <h1>Sign in</h1>
    <form id="login-form" novalidate>
      <label for="login-token">API token</label>
      <input id="login-token" name="token" type="password" autocomplete="off" required
        aria-describedby="login-help login-error">
      <p id="login-help" class="muted">A Firebreak API token (the local stack prints one). It is kept in this tab only.</p>
      <p id="login-error" class="form-error" role="alert"></p>
      <button id="login-submit" type="submit">Sign in</button>
    </form>`;
  const error = root.querySelector('#login-error');
  if (message) {
    error.textContent = message;
  }
  root.querySelector('#login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = root.querySelector('#login-token').value.trim();
    if (!token) {
      error.textContent = 'token: paste an API token';
      return;
    }
    setToken(token);
    onToken(token);
  });
  if (config.oidc) {
    const sso = document.createElement('button');
    sso.type = 'button';
    sso.id = 'login-sso';
    sso.className = 'secondary';
    sso.textContent = 'Sign in with SSO';
    sso.addEventListener('click', () => startSso(config).catch((e) => {
      error.textContent = `Single sign-on failed: ${e.message}`;
    }));
    root.append(sso);
  }
  root.querySelector('#login-token').focus();
}

async function discovery(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`the identity provider's discovery document answered ${response.status}`);
  }
  return response.json();
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

async function startSso(config) {
  const provider = await discovery(config.oidc.issuer);
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(SSO_KEY, JSON.stringify({ verifier, state, hash: location.hash }));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.oidc.clientId, redirect_uri: redirectUri(), scope: 'openid profile',
    code_challenge: challenge, code_challenge_method: 'S256', state,
  }).toString();
  location.assign(url.toString());
}

/**
 * Back from the identity provider (`?code=…&state=…`): trades the code for an access token. True when it signed in.
 */
export async function completeSso(config) {
  const params = new URLSearchParams(location.search);
  const pending = sessionStorage.getItem(SSO_KEY);
  if (!config.oidc || !params.has('code') || !pending) {
    return false;
  }
  sessionStorage.removeItem(SSO_KEY);
  const { verifier, state, hash } = JSON.parse(pending);
  history.replaceState(null, '', `${location.pathname}${hash || '#/board'}`);
  if (params.get('state') !== state) {
    throw new Error('the sign-in answer does not match the request (state)');
  }
  const provider = await discovery(config.oidc.issuer);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: config.oidc.clientId, code_verifier: verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`the identity provider refused the code (${response.status})`);
  }
  const tokens = await response.json();
  setToken(tokens.access_token);
  return true;
}
