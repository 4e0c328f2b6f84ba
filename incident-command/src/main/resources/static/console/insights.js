// Insights: mean time to acknowledge, to mitigate and to resolve per severity and month, incidents per affected
// service and follow-up completion per month, from debrief-service's GET /api/v1/metrics/insights. Each chart is drawn
// with ECharts (the webjar incident-command serves, loaded once) and its numbers are in table#insights-table: the
// table is the source of truth, so the page still says everything when the charts cannot load or be seen.
import { ApiError } from './api.js';
import { h } from './dom.js';

const ECHARTS_URL = new URL('../webjars/echarts/5.3.1/dist/echarts.min.js', import.meta.url).href;
const SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR'];
const SEVERITY_LABEL = { CRITICAL: 'Critical', MAJOR: 'Major', MINOR: 'Minor' };
// dark enough on white for text and lines (contrast above 4.5:1), and told apart by line style too
const SEVERITY_COLOUR = { CRITICAL: '#a3141b', MAJOR: '#8a4b00', MINOR: '#0b4f9c' };
const SEVERITY_LINE = { CRITICAL: 'solid', MAJOR: 'dashed', MINOR: 'dotted' };
const TIMES = [
  { key: 'timeToAcknowledge', id: 'chart-mtta', title: 'Mean time to acknowledge (MTTA)' },
  { key: 'timeToMitigate', id: 'chart-mttm', title: 'Mean time to mitigate' },
  { key: 'timeToResolve', id: 'chart-mttr', title: 'Mean time to resolve (MTTR)' },
];

let echartsLoading = null;

/** Loads ECharts once per page; resolves to null when it cannot be loaded (the table still shows the numbers). */
function loadEcharts() {
  if (window.echarts) {
    return Promise.resolve(window.echarts);
  }
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = ECHARTS_URL;
      script.async = true;
      script.onload = () => resolve(window.echarts || null);
      script.onerror = () => {
        echartsLoading = null;
        script.remove();
        resolve(null);
      };
      document.head.append(script);
    });
  }
  return echartsLoading;
}

function ensureStyle() {
  if (document.getElementById('insights-style')) {
    return;
  }
  const style = document.createElement('style');
  style.id = 'insights-style';
  style.textContent = `
    #insights-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
    #insights-charts figure { margin: 0; background: #f4f5f7; border-radius: 6px; padding: .5rem; }
    #insights-charts figcaption { font-weight: 700; }
    #insights-charts .chart { width: 100%; height: 16rem; }
    #insights-controls { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
    #insights-controls > div { min-width: 10rem; }
    table#insights-table td.num { text-align: right; font-variant-numeric: tabular-nums; }`;
  document.head.append(style);
}

/** "45 s", "12 min", "3 h 05 min", "2 d 4 h" for seconds; an em dash when there is nothing to measure. */
function seconds(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (value < 60) {
    return `${value} s`;
  }
  const minutes = Math.round(value / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  }
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

const percent = (share) => (share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`);

function periodOf(months, includeDrills, now = new Date()) {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  return `/api/v1/metrics/insights?from=${from.toISOString()}&to=${to.toISOString()}`
    + (includeDrills ? '&includeDrills=true' : '');
}

/** The table: one row group per chart, every number a chart shows, with the spread (median, p90) beside the mean. */
function table(data) {
  const groups = [];
  for (const time of TIMES) {
    const rows = data.responseTimes.map((cell) => {
      const stats = cell[time.key] || {};
      return h('tr', { dataset: { chart: time.id } },
        h('td', {}, cell.month), h('td', {}, SEVERITY_LABEL[cell.severity] || cell.severity),
        h('td', { class: 'num' }, seconds(stats.meanSeconds)),
        h('td', {}, stats.count ? `median ${seconds(stats.medianSeconds)}, p90 ${seconds(stats.p90Seconds)}; `
          + `${stats.count} of ${cell.count} incident${cell.count === 1 ? '' : 's'} measured` : `${cell.count} incidents, none measured`));
    });
    groups.push(h('tbody', {}, h('tr', {}, h('th', { scope: 'rowgroup', colspan: '4' }, time.title)), rows));
  }
  groups.push(h('tbody', {}, h('tr', {}, h('th', { scope: 'rowgroup', colspan: '4' }, 'Incidents per service')),
    data.incidentsPerService.length ? data.incidentsPerService.map((s) => h('tr', { dataset: { chart: 'chart-services' } },
      h('td', {}, 'whole period'), h('td', {}, s.service), h('td', { class: 'num' }, String(s.count)),
      h('td', {}, `critical ${s.critical}, major ${s.major}, minor ${s.minor}`)))
      : h('tr', {}, h('td', { colspan: '4' }, 'No incidents named an affected service.'))));
  groups.push(h('tbody', {}, h('tr', {}, h('th', { scope: 'rowgroup', colspan: '4' }, 'Follow-up completion')),
    data.followUps.map((f) => h('tr', { dataset: { chart: 'chart-followups' } },
      h('td', {}, f.month), h('td', {}, 'completed share'), h('td', { class: 'num' }, percent(f.completedShare)),
      h('td', {}, `${f.created} created: ${f.completed} completed, ${f.notDoing} not doing, `
        + `${f.outstanding} outstanding (${f.overdue} overdue)`)))));
  return h('div', { class: 'table-wrap' },
    h('table', { id: 'insights-table' },
      h('caption', {}, `The numbers behind the charts: incidents declared ${data.months[0]} to `
        + `${data.months[data.months.length - 1]} (UTC months), ${data.count} counted`
        + `${data.drillsIncluded ? ', drills included' : ', drills left out'}`),
      h('thead', {}, h('tr', {}, ['Month', 'Severity, service or measure', 'Value', 'Detail']
        .map((label) => h('th', { scope: 'col' }, label)))),
      groups));
}

function figure(id, title) {
  return h('figure', {},
    h('figcaption', { id: `${id}-title` }, title),
    h('div', { id, class: 'chart', role: 'img', 'aria-labelledby': `${id}-title`,
      'aria-describedby': 'insights-table-note' }));
}

const axisText = { color: '#1a1a1a' };

function draw(echarts, data) {
  const charts = [];
  const chart = (id, option) => {
    const element = document.getElementById(id);
    if (!element) {
      return;
    }
    const instance = echarts.init(element, null, { renderer: 'svg' });
    instance.setOption({ animation: false, textStyle: axisText, grid: { left: 56, right: 16, top: 36, bottom: 32 },
      tooltip: { trigger: 'axis' }, ...option });
    charts.push(instance);
  };
  for (const time of TIMES) {
    chart(time.id, {
      legend: { top: 0, textStyle: axisText },
      grid: { left: 56, right: 16, top: 52, bottom: 32 },
      xAxis: { type: 'category', data: data.months, axisLabel: axisText },
      yAxis: { type: 'value', name: 'minutes', axisLabel: axisText, nameTextStyle: axisText },
      series: SEVERITIES.map((severity) => ({
        name: SEVERITY_LABEL[severity], type: 'line', connectNulls: false, symbolSize: 8,
        lineStyle: { color: SEVERITY_COLOUR[severity], type: SEVERITY_LINE[severity], width: 2 },
        itemStyle: { color: SEVERITY_COLOUR[severity] },
        data: data.months.map((month) => {
          const cell = data.responseTimes.find((c) => c.month === month && c.severity === severity);
          const mean = cell && cell[time.key] ? cell[time.key].meanSeconds : null;
          return mean === null || mean === undefined ? null : Math.round(mean / 6) / 10;
        }),
      })),
    });
  }
  chart('chart-services', {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: axisText },
    grid: { left: 110, right: 16, top: 36, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: axisText },
    yAxis: { type: 'category', inverse: true, axisLabel: axisText,
      data: data.incidentsPerService.slice(0, 12).map((s) => s.service) },
    series: SEVERITIES.map((severity) => ({
      name: SEVERITY_LABEL[severity], type: 'bar', stack: 'incidents', itemStyle: { color: SEVERITY_COLOUR[severity] },
      data: data.incidentsPerService.slice(0, 12).map((s) => s[severity.toLowerCase()]),
    })),
  });
  chart('chart-followups', {
    legend: { top: 0, textStyle: axisText },
    grid: { left: 40, right: 44, top: 64, bottom: 32 },
    xAxis: { type: 'category', data: data.months, axisLabel: axisText },
    yAxis: [{ type: 'value', minInterval: 1, name: 'count', axisLabel: axisText, nameTextStyle: axisText },
      { type: 'value', min: 0, max: 100, name: '%', axisLabel: axisText, nameTextStyle: axisText }],
    series: [
      { name: 'Completed', type: 'bar', stack: 'f', itemStyle: { color: '#1f6b2c' }, data: data.followUps.map((f) => f.completed) },
      { name: 'Outstanding', type: 'bar', stack: 'f', itemStyle: { color: '#8a4b00' }, data: data.followUps.map((f) => f.outstanding) },
      { name: 'Not doing', type: 'bar', stack: 'f', itemStyle: { color: '#4a4a4a' }, data: data.followUps.map((f) => f.notDoing) },
      { name: '% completed', type: 'line', yAxisIndex: 1, itemStyle: { color: '#0b4f9c' },
        data: data.followUps.map((f) => (f.completedShare === null ? null : Math.round(f.completedShare * 100))) },
    ],
  });
  const resize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    charts.forEach((c) => c.dispose());
  };
}

export async function render(root, ctx) {
  ensureStyle();
  const { api } = ctx;
  const months = h('select', { id: 'insights-months', name: 'months' },
    [3, 6, 12].map((n) => h('option', { value: String(n), selected: n === 6 }, `Last ${n} months`)));
  const drills = h('input', { id: 'insights-drills', name: 'includeDrills', type: 'checkbox' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const body = h('div', { id: 'insights-body' });
  root.append(h('h1', {}, 'Insights'),
    h('form', { id: 'insights-controls', onsubmit: (e) => e.preventDefault() },
      h('div', {}, h('label', { for: 'insights-months' }, 'Period'), months),
      h('div', { class: 'check' }, drills, ' ', h('label', { for: 'insights-drills' }, 'Include drills'))),
    error, body);

  let disposeCharts = () => {};
  async function show() {
    error.textContent = '';
    let data;
    try {
      data = await api.get('debrief', periodOf(Number(months.value), drills.checked));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        throw e;
      }
      error.textContent = `Insights are not available: ${e instanceof ApiError ? (e.problem.detail || e.message) : e.message}`;
      return;
    }
    disposeCharts();
    disposeCharts = () => {};
    const charts = h('div', { id: 'insights-charts' },
      TIMES.map((t) => figure(t.id, `${t.title}, minutes, by severity`)),
      figure('chart-services', 'Incidents per affected service, by severity'),
      figure('chart-followups', 'Follow-ups by month created, and the share completed'));
    body.replaceChildren(charts,
      h('p', { id: 'insights-table-note', class: 'muted' }, 'Every number in these charts is in the table below.'),
      table(data));
    const echarts = await loadEcharts();
    if (echarts) {
      disposeCharts = draw(echarts, data);
    } else {
      charts.prepend(h('p', { class: 'muted' }, 'Charts could not be loaded; the table has every number.'));
    }
  }

  await show();
  const again = () => {
    delete document.body.dataset.ready;
    show().finally(() => { document.body.dataset.ready = 'true'; });
  };
  months.addEventListener('change', again);
  drills.addEventListener('change', again);
  document.body.dataset.ready = 'true';
  return () => disposeCharts();
}
