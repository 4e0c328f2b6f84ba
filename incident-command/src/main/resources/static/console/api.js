// The console's API client: one base URL per service from /console/config.json (empty: this origin), the person's
// bearer token on every call, and RFC 9457 problem+json answers turned into an ApiError naming the field.

/** A refused or failed call: `status`, the `problem` object and `fieldErrors` (field → detail). */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
    this.fieldErrors = {};
    if (this.problem.field) {
      this.fieldErrors[this.problem.field] = this.problem.detail || this.problem.title || 'invalid';
    }
    for (const error of Array.isArray(this.problem.errors) ? this.problem.errors : []) {
      if (error && error.field) {
        this.fieldErrors[error.field] = error.detail || error.message || 'invalid';
      }
    }
  }
}

const SERVICES = ['command', 'notification', 'statuspage', 'debrief'];

/**
 * `createApi(config, getToken, onUnauthorized)` → `{get, post, put, patch, del}`, each `(service, path, body?,
 * options?)`; `options.headers` adds headers, `options.anonymous` sends no token (public documents).
 */
export function createApi(config, getToken, onUnauthorized) {
  const bases = {
    command: config.commandUrl || '',
    notification: config.notificationUrl || '',
    statuspage: config.statuspageUrl || '',
    debrief: config.debriefUrl || '',
  };

  async function request(method, service, path, body, options = {}) {
    if (!SERVICES.includes(service)) {
      throw new Error(`unknown service ${service}`);
    }
    const headers = { Accept: 'application/json, application/problem+json', ...(options.headers || {}) };
    const token = options.anonymous ? null : getToken();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(bases[service] + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError(0, { title: `${service} is out of reach`, detail: `${service} did not answer (${e.message})` });
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = text;
      }
    }
    if (!response.ok) {
      if (response.status === 401 && onUnauthorized && !options.anonymous) {
        onUnauthorized();
      }
      const problem = data && typeof data === 'object' ? data
        : { title: response.statusText || `HTTP ${response.status}`, detail: typeof data === 'string' ? data.slice(0, 200) : undefined };
      const error = new ApiError(response.status, problem);
      error.anonymous = Boolean(options.anonymous);
      throw error;
    }
    return data;
  }

  return {
    bases,
    get: (service, path, options) => request('GET', service, path, undefined, options),
    post: (service, path, body, options) => request('POST', service, path, body === undefined ? {} : body, options),
    put: (service, path, body, options) => request('PUT', service, path, body === undefined ? {} : body, options),
    patch: (service, path, body, options) => request('PATCH', service, path, body === undefined ? {} : body, options),
    del: (service, path, options) => request('DELETE', service, path, undefined, options),
  };
}

/** Calls `call()`, answering `fallback` when the endpoint does not exist (yet) or the service is out of reach. */
export async function optional(call, fallback = null) {
  try {
    return await call();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 0 || e.status === 403 || e.status >= 500)) {
      return fallback;
    }
    throw e;
  }
}
