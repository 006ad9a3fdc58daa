// The page: filters, view, sort, page and the open event live in the URL
// (?country=PRK&country=RUS&type=CONSULT&view=clusters&event=3&lang=en), so a view can be shared.
// Counts, sorting and paging happen on the server; the page draws what it is sent.
import { showArticle, showCluster, showEventRecord } from './article.js';
import { clear, el } from './dom.js';
import { drawGraph } from './graph.js';
import {
  currentLanguage, formatDay, formatNumber, modalityLabel, parseDay, setPlover, t, translatePage, typeLabel,
} from './i18n.js';
import { drawMap, loadCountries } from './map.js';
import { drawResults, PAGE_SIZE } from './table.js';
import { drawTimeline } from './timeline.js';

const MULTI = ['country', 'actor', 'type', 'modality', 'place', 'place_country'];
const SINGLE = ['source', 'target', 'since', 'until'];
const TEXT_LISTS = ['actor', 'place', 'place_country']; // typed as comma-separated values
const VIEWS = ['events', 'clusters'];
const MODALITIES = ['asserted', 'planned', 'possible', 'negated'];

const form = document.getElementById('filters');
let plover = [];
let ploverLoaded = Promise.resolve(); // labels and order of the types: drawing waits for them

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of MULTI) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  for (const name of SINGLE) if (params.get(name)) filters[name] = params.get(name);
  if (params.get('either_direction') === 'true') filters.either_direction = 'true';
  const view = VIEWS.includes(params.get('view')) ? params.get('view') : 'events';
  return {
    filters,
    view,
    sort: { key: params.get('sort') || 'day', desc: params.get('desc') === 'true' },
    offset: Math.max(0, Number(params.get('offset')) || 0),
    event: params.get('event'),
    article: params.get('article'),
    cluster: params.get('cluster'),
  };
}

function filterParams(filters) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    for (const item of [value].flat()) if (item) params.append(name, item);
  }
  return params;
}

function stateUrl(state) {
  const params = filterParams(state.filters);
  if (state.view !== 'events') params.set('view', state.view);
  if (state.sort.key !== 'day') params.set('sort', state.sort.key);
  if (state.sort.desc) params.set('desc', 'true');
  if (state.offset) params.set('offset', String(state.offset));
  if (state.cluster) params.set('cluster', state.cluster);
  if (state.event) params.set('event', state.event);
  else if (state.article) params.set('article', state.article);
  if (currentLanguage() !== 'de') params.set('lang', currentLanguage());
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

// change.filters: new filters (page 1, nothing open); otherwise the rest of the state is kept.
function navigate(change) {
  const before = readState();
  const state = { ...before, ...change };
  if (change.filters) Object.assign(state, { offset: 0, event: null, article: null, cluster: null });
  window.history.pushState(null, '', stateUrl(state));
  return render(state, Boolean(change.filters));
}

async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, t('errors.network'));
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error?.message || response.statusText);
  return body;
}

function api(path, filters, extra = {}) {
  const params = filterParams(filters);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  params.set('lang', currentLanguage());
  return getJson(`/api/${path}?${params}`);
}

// --- the filter form ---------------------------------------------------------------------------

function fillSelect(select, options, selected, withAll) {
  clear(select);
  if (withAll) select.append(el('option', { value: '', text: t('all') }));
  const known = new Set(options.map((option) => option.value));
  for (const value of selected) if (value && !known.has(value)) options.push({ value, label: value, events: 0 });
  for (const option of options) {
    select.append(el('option', { value: option.value, text: `${option.label} – ${formatNumber(option.events)}` }));
  }
  for (const option of select.options) option.selected = selected.includes(option.value);
}

async function loadOptions(filters, current) {
  const options = await api('options', filters);
  await ploverLoaded;
  if (!current()) return;
  const typeOrder = plover.map((row) => row.name);
  const typeCounts = new Map(options.type.map((option) => [option.value, option.events]));
  const modalityCounts = new Map(options.modality.map((option) => [option.value, option.events]));
  const countries = options.country.map((option) => ({ ...option }));
  fillSelect(form.elements.country, countries, filters.country || [], false);
  fillSelect(form.elements.type, typeOrder.map((type) => ({ value: type, label: typeLabel(type), events: typeCounts.get(type) || 0 })), (filters.type || []).map((type) => type.toUpperCase()), false);
  fillSelect(form.elements.modality, MODALITIES.map((name) => ({ value: name, label: modalityLabel(name), events: modalityCounts.get(name) || 0 })), filters.modality || [], false);
  const parties = options.country.map((option) => ({ ...option }));
  fillSelect(form.elements.source, parties.map((option) => ({ ...option })), [filters.source || ''], true);
  fillSelect(form.elements.target, parties.map((option) => ({ ...option })), [filters.target || ''], true);
}

function showFilters(filters) {
  for (const name of TEXT_LISTS) form.elements[name].value = (filters[name] || []).join(', ');
  for (const name of ['since', 'until']) {
    form.elements[name].value = filters[name] ? formatDay(filters[name]) : '';
    form.elements[name].removeAttribute('aria-invalid');
  }
  form.elements.either_direction.checked = filters.either_direction === 'true';
}

function selectedValues(select) {
  return [...select.selectedOptions].map((option) => option.value).filter(Boolean);
}

function readFilters() {
  const filters = {};
  for (const name of ['country', 'type', 'modality']) {
    const values = selectedValues(form.elements[name]);
    if (values.length) filters[name] = values;
  }
  for (const name of TEXT_LISTS) {
    const values = form.elements[name].value.split(',').map((value) => value.trim()).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  for (const name of ['source', 'target']) if (form.elements[name].value) filters[name] = form.elements[name].value;
  if (form.elements.either_direction.checked) filters.either_direction = 'true';
  for (const name of ['since', 'until']) {
    const input = form.elements[name];
    const day = parseDay(input.value);
    if (day === null) {
      input.setAttribute('aria-invalid', 'true');
      throw new ApiError(0, t('errors.date', { value: input.value }));
    }
    input.removeAttribute('aria-invalid');
    if (day) filters[name] = day;
  }
  return filters;
}

// --- drawing -------------------------------------------------------------------------------------

function eventClasses() {
  return Object.fromEntries(plover.map((row) => [row.name, row.event_class]));
}

async function drawOverview(state, current) {
  const { filters } = state;
  const [timeline, places, graph, totals] = await Promise.all([
    api('timeline', filters),
    api('places', filters),
    api('graph', filters),
    api('totals', filters),
  ]);
  await ploverLoaded;
  if (!current()) return totals;
  const onPeriod = (since, until) => navigate({ filters: { ...readState().filters, since, until } });
  drawTimeline(document.getElementById('timeline'), timeline, plover.map((row) => row.name), eventClasses(), onPeriod);
  drawGraph(document.getElementById('graph'), graph, (party) => navigate({ filters: { ...readState().filters, country: [party] } }));
  await drawMap(document.getElementById('map'), places, (place) => {
    const placeFilters = { ...readState().filters, place_country: [place.country] };
    if (place.latitude !== null && place.name) placeFilters.place = [place.name];
    else delete placeFilters.place;
    navigate({ filters: placeFilters });
  });
  return totals;
}

async function drawResultTable(state, current) {
  const path = state.view === 'clusters' ? 'clusters' : 'events';
  const page = await api(path, state.filters, {
    limit: PAGE_SIZE, offset: state.offset, sort: state.sort.key, desc: state.sort.desc,
  });
  await ploverLoaded;
  if (!current()) return page.total;
  drawResults(state.view, page, state, {
    onSort: (key, desc) => navigate({ sort: { key, desc }, offset: 0 }),
    onPage: (offset) => navigate({ offset }),
    onEvent: (id) => navigate({ event: String(id), cluster: null }),
    onCluster: (id) => navigate({ cluster: String(id), event: null, article: null }),
  });
  for (const button of document.querySelectorAll('.tabs button')) {
    button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
  }
  drawExport(state.filters);
  return page.total;
}

function drawExport(filters) {
  const container = clear(document.getElementById('export'));
  container.append(t('export'));
  for (const rows of ['events', 'clusters']) {
    for (const format of ['csv', 'jsonl', 'gdelt']) {
      const params = filterParams(filters);
      params.set('format', format);
      const label = `${t(rows === 'events' ? 'exportEvents' : 'exportClusters')} ${format === 'gdelt' ? t('gdelt') : format.toUpperCase()}`;
      container.append(' ', el('a', { class: 'export-link', href: `/api/export/${rows}?${params}`, download: '', 'data-rows': rows, 'data-format': format, text: label }));
    }
  }
}

async function openDetail(state) {
  const clusterView = document.getElementById('cluster-view');
  if (state.cluster) {
    const cluster = await getJson(`/api/clusters/${encodeURIComponent(state.cluster)}`);
    showCluster(cluster, (id) => navigate({ event: String(id) }));
  } else {
    clusterView.hidden = true;
  }
  if (state.event) {
    const event = await getJson(`/api/events/${encodeURIComponent(state.event)}`);
    await ploverLoaded;
    const article = await getJson(`/api/articles/${encodeURIComponent(event.article_id)}`);
    showArticle(article, event.event_id, (id) => navigate({ event: String(id) }));
    showEventRecord(event);
  } else if (state.article) {
    const article = await getJson(`/api/articles/${encodeURIComponent(state.article)}`);
    showArticle(article, null, (id) => navigate({ event: String(id) }));
    showEventRecord(null);
  }
}

function errorText(error) {
  if (!(error instanceof ApiError)) return t('errors.other');
  if (error.status === 0) return error.message;
  return t(`errors.${error.status}`) === `errors.${error.status}` ? t('errors.other') : t(`errors.${error.status}`);
}

function showError(error) {
  const summary = document.getElementById('summary');
  summary.textContent = t('errorPrefix', { message: errorText(error) });
  summary.classList.add('error');
}

// The overview (choices, timeline, map, graph, counts) follows the filters; the table and the open
// record follow every change.
let latestRender = 0; // a render that a newer one overtook draws nothing more
let renderedSearch = null; // the query the page shows: a jump to a fragment ("#results") keeps it

async function render(state, filtersChanged = true) {
  latestRender += 1;
  renderedSearch = window.location.search;
  const mine = latestRender;
  const current = () => mine === latestRender;
  document.body.dataset.ready = 'false';
  showFilters(state.filters);
  const summary = document.getElementById('summary');
  summary.classList.remove('error');
  try {
    const [, totals] = await Promise.all([
      filtersChanged ? loadOptions(state.filters, current) : null,
      filtersChanged ? drawOverview(state, current) : null,
      drawResultTable(state, current),
    ]);
    if (!current()) return;
    if (filtersChanged) {
      summary.textContent = t('summary', { events: formatNumber(totals.events), clusters: formatNumber(totals.clusters) });
    }
    await openDetail(state);
  } catch (error) {
    if (current()) showError(error);
  }
  if (current()) document.body.dataset.ready = 'true';
}

function languageLink() {
  const params = new URLSearchParams(window.location.search);
  if (currentLanguage() === 'de') params.set('lang', 'en');
  else params.delete('lang');
  const query = params.toString();
  document.getElementById('language-switch').href = query ? `?${query}` : window.location.pathname;
}

function footer() {
  const text = t('footer');
  const [before, after] = text.split('{docs}');
  clear(document.getElementById('footer')).append(before, el('a', { href: '/docs', text: '/docs' }), after);
}

async function start() {
  translatePage();
  footer();
  languageLink();
  form.addEventListener('change', () => {
    try {
      navigate({ filters: readFilters() });
    } catch (error) {
      showError(error);
    }
  });
  form.addEventListener('submit', (submit) => { submit.preventDefault(); });
  document.getElementById('filter-reset').addEventListener('click', () => navigate({ filters: {} }));
  for (const button of document.querySelectorAll('.tabs button')) {
    button.addEventListener('click', () => navigate({ view: button.dataset.view, offset: 0, sort: { key: 'day', desc: false } }));
  }
  window.addEventListener('popstate', () => {
    if (window.location.search === renderedSearch) return; // the skip link's jump, not another state
    languageLink();
    render(readState());
  });
  // The PLOVER table, the map's geometry and the first view's data are asked for at once.
  ploverLoaded = getJson('/api/plover').then((rows) => { plover = rows; setPlover(rows); });
  loadCountries();
  await render(readState());
}

start();
