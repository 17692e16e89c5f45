import { DataSet, Graph2d, Timeline } from 'vis-timeline/standalone';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import './page.css';
import { Api, PAGE_SIZE, timelinePath, viewParameters } from './api.js';
import { showIncident } from './details.js';
import { codeSuggestions, dayAggregates, matchesOrigin, matchesText, toItem } from './items.js';
import { readEvents } from './sse.js';
import { DATASETS, parseCodes, readState, TYPES, writeState } from './state.js';

const $ = (id) => document.getElementById(id);
const DAY = 86_400_000;
const state = readState(location.search);
const api = new Api(askToken);
const items = new DataSet();
const chartItems = new DataSet();
let crisisStats = null;
let replaying = null;
let live = null;
let loadSerial = 0;
// the data sets and codes seen on the timelines opened so far, offered in the filters
const datasetsSeen = new Set(DATASETS);
const codesSeen = new Set();

const timeline = new Timeline($('timeline'), items, {
  stack: true,
  zoomMin: 60 * 60_000,
  orientation: 'top',
  selectable: true,
  showCurrentTime: false,
  cluster: { maxItems: 10, titleTemplate: '{count} incidents: zoom in', showStipes: true },
  tooltip: { followMouse: true, overflowMethod: 'cap' },
  xss: { disabled: false, filterOptions: { whiteList: { span: ['class', 'title'], div: ['title'] } } },
  minHeight: 260,
  maxHeight: 520,
});
const chart = new Graph2d($('chart'), chartItems, groups(), {
  style: 'bar',
  stack: true,
  barChart: { width: 40, align: 'center' },
  drawPoints: false,
  // no axis beside the bars, so that their days line up with the timeline's above; the caption gives the scale
  dataAxis: { visible: false, left: { range: { min: 0 } } },
  height: '120px',
  showMajorLabels: false,
  zoomable: false,
  moveable: false,
});

function groups() {
  return new DataSet(TYPES.map((type) => ({ id: type, content: type, className: 'type-' + slug(type) })));
}

function slug(type) {
  return type.toLowerCase().replaceAll('_', '-');
}

// ---- the URL holds the state ----

function saveState() {
  const window = timeline.getWindow();
  state.from = window.start.toISOString();
  state.to = window.end.toISOString();
  history.replaceState(null, '', writeState(state));
}

// ---- scope ----

async function searchScopes(text) {
  const found = (await api.json('/api/v1/scopes?q=' + encodeURIComponent(text))) ?? [];
  const names = new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });
  $('scope-options').replaceChildren(
    ...found.map((scope) => {
      const option = document.createElement('option');
      option.value = `${scope.scope}:${scope.key}`;
      const name = scope.scope === 'country' ? `${names.of(scope.key) ?? scope.key} (${scope.key})` : scope.name;
      option.label = `${name} — ${scope.scope}`;
      option.textContent = option.label;
      return option;
    }),
  );
  return found;
}

async function chooseScope(value) {
  const [scope, ...key] = value.split(':');
  if (!['crisis', 'country', 'actor'].includes(scope) || key.length === 0) return;
  state.scope = scope;
  state.key = key.join(':');
  state.incident = '';
  state.from = '';
  state.to = '';
  await openScope();
}

async function openScope() {
  stopReplay();
  $('scope').value = `${state.scope}:${state.key}`;
  const [title] = await Promise.all([scopeTitle(), loadStats()]);
  $('scope-title').textContent = title;
  $('replay').disabled = state.scope !== 'crisis';
  const period = state.scope === 'crisis' ? crisisPeriod() : await firstPagePeriod();
  // the last three weeks of the period at first, where a crisis is usually looked at; "whole period" shows it all
  const recent = period && new Date(Math.max(period.first, period.last - 21 * DAY) - DAY);
  const start = state.from ? new Date(state.from) : recent ?? new Date(Date.now() - 30 * DAY);
  const end = state.to ? new Date(state.to) : period ? new Date(period.last + DAY) : new Date();
  setKnownAtRange(period ?? { start, end });
  timeline.setWindow(start, end, { animation: false });
  chart.setWindow(start, end, { animation: false });
  await loadWindow();
  startLive();
  if (state.incident) await openIncident(state.incident);
}

async function scopeTitle() {
  if (state.scope === 'crisis') {
    return (await api.json(`/api/v1/crises/${encodeURIComponent(state.key)}`))?.name ?? state.key;
  }
  if (state.scope === 'actor') {
    return (await api.json(`/api/v1/actors/${encodeURIComponent(state.key)}`))?.name ?? state.key;
  }
  return new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' }).of(state.key) ?? state.key;
}

// ---- the crisis's counts: the chart, the known-at slider's range, the aggregates of a full window ----

async function loadStats() {
  crisisStats = null;
  chartItems.clear();
  $('chart-section').hidden = state.scope !== 'crisis';
  if (state.scope !== 'crisis') return;
  crisisStats = await api.json(`/api/v1/crises/${encodeURIComponent(state.key)}/stats?${viewParameters(state)}`);
  const busiest = Math.max(0, ...(crisisStats?.perDay ?? []).map((day) => day.count));
  $('chart-caption').textContent =
    `Incidents per day by type (the highest bar: ${busiest})` +
    (originFiltered() ? ', of every data set and code: the counts are not filtered by them' : '');
  chartItems.add(
    (crisisStats?.perDayAndType ?? [])
      .filter((row) => !state.types.length || state.types.includes(row.type))
      .map((row, index) => ({ id: index, x: row.date + 'T12:00:00Z', y: row.count, group: row.type })),
  );
}

function crisisPeriod() {
  const days = crisisStats?.perDay ?? [];
  if (!days.length) return null;
  return withMargin(Date.parse(days[0].date + 'T00:00:00Z'), Date.parse(days[days.length - 1].date + 'T00:00:00Z') + DAY);
}

/** A country's or actor's period, which no endpoint counts: the time its first page of incidents covers. */
async function firstPagePeriod() {
  const page = await api.json(timelinePath(state, null, null));
  const entries = page?.items ?? [];
  if (!entries.length) return null;
  return withMargin(Date.parse(entries[0].occurredAt), Date.parse(entries[entries.length - 1].occurredAt) + DAY);
}

function withMargin(first, last) {
  const margin = Math.max(DAY, (last - first) * 0.05);
  return { start: new Date(first - margin), end: new Date(last + margin), first, last };
}

// ---- the visible window, fetched and drawn ----

async function loadWindow() {
  if (replaying || !state.key) return;
  const serial = ++loadSerial;
  const window = timeline.getWindow();
  // a month before the window too, so that a MONTH incident begun before it is drawn
  const from = new Date(window.start.getTime() - 31 * DAY);
  const page = await api.json(timelinePath(state, from, window.end));
  if (serial !== loadSerial || !page) return;
  let shown;
  // the per-day counts know nothing of data sets and codes: a filtered window shows its first page instead
  const aggregated = Boolean(page.nextCursor && crisisStats && !originFiltered());
  offerFilters(page.items);
  if (aggregated) {
    // more than a page in view: one bar a day from the crisis's counts, until zoomed in
    shown = dayAggregates(crisisStats.perDayAndType, from, window.end, state.types);
    setNotice(`More than ${PAGE_SIZE} incidents in view: counts per day; zoom in to see them.`);
  } else {
    shown = page.items.map(toItem).filter((item) => matchesText(item, state.text));
    setNotice(page.nextCursor ? `Showing the first ${PAGE_SIZE} incidents in view; zoom in to see the rest.` : '');
  }
  replaceItems(shown);
  $('count').textContent = aggregated ? '' : `${shown.length} shown`;
  saveState();
  // when the first incidents are on screen: what the load time of a large crisis is measured by
  if (!performance.getEntriesByName('timeline-drawn').length) performance.mark('timeline-drawn');
}

function originFiltered() {
  return Boolean(state.dataset || state.codes.length);
}

/** Adds the data sets and classifying codes of the entries to the choices of the filters. */
function offerFilters(entries) {
  const datasets = entries
    .map((entry) => entry.origin?.dataset)
    .filter((dataset) => dataset && !datasetsSeen.has(dataset));
  const codes = codeSuggestions(entries).filter((code) => !codesSeen.has(code));
  datasets.forEach((dataset) => datasetsSeen.add(dataset));
  codes.forEach((code) => codesSeen.add(code));
  if (datasets.length) renderDatasets();
  if (codes.length) {
    $('code-options').replaceChildren(
      ...[...codesSeen].sort().map((code) => Object.assign(document.createElement('option'), { value: code })),
    );
  }
}

function renderDatasets() {
  if (state.dataset) datasetsSeen.add(state.dataset);
  const all = Object.assign(document.createElement('option'), { value: '', textContent: 'all, imported or not' });
  $('dataset').replaceChildren(
    all,
    ...[...datasetsSeen]
      .sort()
      .map((dataset) => Object.assign(document.createElement('option'), { value: dataset, textContent: dataset })),
  );
  $('dataset').value = state.dataset;
}

function replaceItems(shown) {
  const ids = new Set(shown.map((item) => item.id));
  items.remove(items.getIds().filter((id) => !ids.has(id)));
  items.update(shown);
  renderList();
}

/** The items drawn, as a list of buttons: what a keyboard or a screen reader uses instead of the canvas. */
function renderList() {
  const shown = items.get({ order: (a, b) => a.start - b.start });
  $('list').replaceChildren(
    ...shown
      .filter((item) => item.status !== 'AGGREGATE')
      .map((item) => {
        const entry = document.createElement('li');
        entry.className = item.className;
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.incident = item.id;
        button.innerHTML = item.content;
        button.title = item.start.toISOString().slice(0, 10) + ' ' + item.incidentType;
        button.addEventListener('click', () => openIncident(item.id).catch(report));
        entry.append(button);
        return entry;
      }),
  );
}

function setNotice(text) {
  $('notice').textContent = text;
  $('notice').hidden = !text;
}

let reloadTimer = null;
function reloadSoon(delay = 250) {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => loadWindow().catch(report), delay);
}

// ---- known at, as of, filters ----

function setKnownAtRange(period) {
  const slider = $('known-at');
  // the right end, one step past the period, means "everything known now"
  slider.min = String(Math.floor(period.start.getTime() / 3_600_000));
  slider.max = String(Math.ceil(period.end.getTime() / 3_600_000) + 1);
  slider.value = state.knownAt ? String(Math.floor(Date.parse(state.knownAt) / 3_600_000)) : slider.max;
  showKnownAt();
}

function showKnownAt() {
  $('known-at-label').textContent = state.knownAt ? format(state.knownAt) : 'now (everything)';
}

function format(iso) {
  return new Date(iso).toISOString().replace('T', ' ').replace(/:00\.000Z$/, ' UTC');
}

function onKnownAt() {
  const slider = $('known-at');
  state.knownAt =
    slider.value === slider.max ? '' : new Date(Number(slider.value) * 3_600_000).toISOString();
  showKnownAt();
  refreshView();
}

function refreshView() {
  saveState();
  loadStats()
    .then(() => loadWindow())
    .catch(report);
}

function buildFilters() {
  $('types').replaceChildren(
    ...TYPES.map((type) => {
      const label = document.createElement('label');
      label.className = 'legend type-' + slug(type);
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = type;
      box.checked = state.types.length === 0 || state.types.includes(type);
      box.addEventListener('change', () => {
        const checked = [...$('types').querySelectorAll('input:checked')].map((input) => input.value);
        state.types = checked.length === TYPES.length ? [] : checked;
        refreshView();
      });
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      label.append(box, swatch, ' ' + type.replaceAll('_', ' ').toLowerCase());
      return label;
    }),
  );
}

// ---- incident details ----

async function openIncident(id) {
  state.incident = id;
  saveState();
  timeline.setSelection([id]);
  await showIncident($('details'), api, id, state, {
    openIncident: (other) => openIncident(other).catch(report),
    openActor: (actorId) => chooseScope('actor:' + actorId).catch(report),
  });
}

function closeIncident() {
  state.incident = '';
  $('details').hidden = true;
  timeline.setSelection([]);
  saveState();
}

// ---- replay: the crisis as the news broke ----

async function startReplay() {
  stopReplay();
  const controller = new AbortController();
  replaying = controller;
  items.clear();
  renderList();
  setNotice('');
  $('replay').textContent = 'Stop replay';
  $('replay-clock').textContent = '';
  const speed = $('speed').value;
  try {
    const response = await api.fetch(
      `/api/v1/replay?crisis=${encodeURIComponent(state.key)}&speed=${speed}`,
      { signal: controller.signal },
    );
    if (!response.ok) throw new Error('replay: ' + response.status);
    await readEvents(response, (event) => {
      const view = JSON.parse(event.data);
      $('replay-clock').textContent = 'news of ' + format(event.id.slice(0, event.id.indexOf('/')));
      if (view.status === 'RETRACTED' && !state.retracted) {
        items.remove(view.incidentId);
      } else if (
        (state.types.length === 0 || state.types.includes(view.type)) &&
        matchesOrigin(view, state.dataset, state.codes)
      ) {
        items.update(toItem(view));
      }
      renderList();
    });
    $('replay-clock').textContent += ' — replay ended';
  } catch (error) {
    if (error.name !== 'AbortError') throw error;
  } finally {
    if (replaying === controller) {
      replaying = null;
      $('replay').textContent = 'Replay';
    }
  }
}

function stopReplay() {
  if (!replaying) return;
  replaying.abort();
  replaying = null;
  $('replay').textContent = 'Replay';
  $('replay-clock').textContent = '';
  reloadSoon(0);
}

// ---- live: new events touching the scope redraw the window ----

function startLive() {
  live?.abort();
  const controller = new AbortController();
  live = controller;
  const filter = state.scope === 'country' ? `?country=${state.key}` : state.scope === 'actor' ? `?actor=${state.key}` : '';
  let lastEventId = null;
  const connect = async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await api.fetch('/api/v1/stream' + filter, {
          signal: controller.signal,
          headers: lastEventId ? { 'Last-Event-ID': lastEventId } : {},
        });
        $('live').textContent = response.ok ? 'live' : 'offline';
        if (!response.ok) return;
        await readEvents(response, (event) => {
          lastEventId = event.id ?? lastEventId;
          // a crisis stream is not filtered by the service: the redraw asks for the crisis's window anyway
          if (state.scope === 'crisis') loadStats().catch(report);
          reloadSoon();
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        $('live').textContent = 'reconnecting';
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  connect();
}

// ---- token, errors ----

function askToken() {
  const dialog = $('token-dialog');
  $('token').value = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' ? $('token').value.trim() : null), {
      once: true,
    });
  });
}

function report(error) {
  if (error?.name === 'AbortError') return;
  setNotice('Something went wrong: ' + error.message);
}

// ---- wiring ----

timeline.on('rangechange', ({ start, end }) => chart.setWindow(start, end, { animation: false }));
timeline.on('rangechanged', ({ byUser }) => {
  saveState();
  if (byUser) reloadSoon();
});
timeline.on('select', ({ items: selected }) => {
  const id = selected.find((item) => !String(item).startsWith('day-') && items.get(item));
  if (id) openIncident(id).catch(report);
});
$('known-at').addEventListener('input', showKnownAtPreview);
$('known-at').addEventListener('change', onKnownAt);
function showKnownAtPreview() {
  const slider = $('known-at');
  $('known-at-label').textContent =
    slider.value === slider.max ? 'now (everything)' : format(new Date(Number(slider.value) * 3_600_000).toISOString());
}
$('as-of').addEventListener('change', () => {
  const value = $('as-of').value;
  state.asOf = value ? new Date(value + 'Z').toISOString() : '';
  refreshView();
});
$('text').addEventListener('input', () => {
  state.text = $('text').value;
  reloadSoon();
});
$('dataset').addEventListener('change', () => {
  state.dataset = $('dataset').value;
  refreshView();
});
// on change (Enter or leaving the field), not on each key: a code half typed is not one the API takes
$('code').addEventListener('change', () => {
  const { codes, invalid } = parseCodes($('code').value);
  $('code').setCustomValidity(invalid.length ? `not name:value: ${invalid.join('; ')}` : '');
  if (invalid.length) {
    setNotice(`Codes are name:value, such as event_type:Battles; not ${invalid.join('; ')}`);
    return;
  }
  state.codes = codes;
  refreshView();
});
$('retracted').addEventListener('change', () => {
  state.retracted = $('retracted').checked;
  refreshView();
});
$('scope').addEventListener('input', () => {
  const value = $('scope').value;
  if ([...$('scope-options').options].some((option) => option.value === value)) {
    chooseScope(value).catch(report);
  } else {
    searchScopes(value).catch(report);
  }
});
$('replay').addEventListener('click', () => (replaying ? stopReplay() : startReplay().catch(report)));
$('close-details').addEventListener('click', closeIncident);
$('zoom-in').addEventListener('click', () => timeline.zoomIn(0.5));
$('zoom-out').addEventListener('click', () => timeline.zoomOut(0.5));
function move(fraction) {
  const { start, end } = timeline.getWindow();
  const shift = (end - start) * fraction;
  timeline.setWindow(new Date(start.getTime() + shift), new Date(end.getTime() + shift));
}
$('earlier').addEventListener('click', () => {
  move(-0.5);
  reloadSoon();
});
$('later').addEventListener('click', () => {
  move(0.5);
  reloadSoon();
});
$('fit').addEventListener('click', async () => {
  const period = state.scope === 'crisis' ? crisisPeriod() : await firstPagePeriod().catch(report);
  if (period) timeline.setWindow(period.start, period.end);
  reloadSoon();
});
document.addEventListener('keydown', (event) => {
  if (event.target.closest('input, select, textarea, dialog')) return;
  if (event.key === 'Escape') closeIncident();
  else if (event.key === '+' || event.key === '=') $('zoom-in').click();
  else if (event.key === '-') $('zoom-out').click();
  else if (event.key === 'ArrowLeft') move(-0.5);
  else if (event.key === 'ArrowRight') move(0.5);
  else return;
  reloadSoon();
});

async function start() {
  $('text').value = state.text;
  $('code').value = state.codes.join('; ');
  renderDatasets();
  $('retracted').checked = state.retracted;
  if (state.asOf) $('as-of').value = state.asOf.slice(0, 16);
  buildFilters();
  const scopes = await searchScopes('');
  if (!state.key) {
    const first = scopes.find((scope) => scope.scope === 'crisis');
    if (!first) {
      setNotice('No crisis recorded yet.');
      return;
    }
    state.scope = 'crisis';
    state.key = first.key;
  }
  await openScope();
}

start().catch(report);
