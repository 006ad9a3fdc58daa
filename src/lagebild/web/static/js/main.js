// The page: filters live in the URL (?actor=FIN&type=AGREE&event=3), so a view can be shared.
import { showArticle, showEventRecord } from './article.js';
import { actorLabel, clear, dayRange, el, eventDay } from './dom.js';
import { drawGraph } from './graph.js';
import { drawMap } from './map.js';
import { drawTimeline } from './timeline.js';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];
const MODALITIES = ['asserted', 'planned', 'possible', 'negated'];
const FILTERS = ['actor', 'type', 'modality', 'since', 'until', 'place'];
const PAGE_SIZE = 1000; // events drawn at once; the summary says when there are more

const form = document.getElementById('filters');

function readState() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return { filters, event: params.get('event'), article: params.get('article') };
}

function stateUrl(state) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  if (state.event) params.set('event', state.event);
  else if (state.article) params.set('article', state.article);
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

function navigate(change) {
  const state = { ...readState(), ...change };
  window.history.pushState(null, '', stateUrl(state));
  return render(state, Boolean(change.filters));
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message || `${response.status} ${response.statusText}`);
  return body;
}

function filterQuery(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(name, value);
  return params.toString();
}

function fillSelect(select, values, labels = {}) {
  const current = select.value;
  clear(select);
  select.append(el('option', { value: '', text: 'alle' }));
  for (const value of values) select.append(el('option', { value, text: labels[value] || value }));
  select.value = current;
}

async function loadActors() {
  const actors = await getJson('/api/actors');
  const counts = new Map();
  for (const actor of actors) {
    const key = actor.country || actor.name;
    if (!key) continue;
    const entry = counts.get(key) || { events: 0, names: new Set() };
    entry.events += actor.as_source + actor.as_target;
    if (actor.name && actor.country) entry.names.add(actor.name);
    counts.set(key, entry);
  }
  const keys = [...counts.keys()].sort();
  const labels = Object.fromEntries(keys.map((key) => [key, `${key} (${counts.get(key).events})`]));
  fillSelect(form.elements.actor, keys, labels);
}

function showFilters(filters) {
  for (const name of FILTERS) {
    const input = form.elements[name];
    const value = filters[name] || '';
    if (input.tagName === 'SELECT' && value && ![...input.options].some((option) => option.value === value)) {
      input.append(el('option', { value, text: value }));
    }
    input.value = value;
  }
}

function readFilters() {
  const filters = {};
  for (const name of FILTERS) if (form.elements[name].value) filters[name] = form.elements[name].value.trim();
  return filters;
}

function drawEventTable(page, selectedId) {
  const body = clear(document.querySelector('#events tbody'));
  for (const event of page.events) {
    const row = el('tr', {
      class: `event-row ${event.event_class}${String(event.event_id) === selectedId ? ' selected' : ''}`,
      'data-event-id': event.event_id,
      tabindex: 0,
      onclick: () => navigate({ event: String(event.event_id) }),
      onkeydown: (key) => { if (key.key === 'Enter') navigate({ event: String(event.event_id) }); },
    },
    el('td', { text: dayRange(eventDay(event), event.time_end || event.published) }),
    el('td', { class: 'type', text: event.type }),
    el('td', { text: event.modality }),
    el('td', { text: actorLabel(event, 'source') }),
    el('td', { text: actorLabel(event, 'target') }),
    el('td', { text: event.location_name || event.location_country || '–' }),
    el('td', { class: 'article-id', text: event.article_id }));
    body.append(row);
  }
  const paging = document.getElementById('paging');
  paging.textContent = page.total > page.events.length
    ? `${page.events.length} von ${page.total} Ereignissen gezeigt (Filter eingrenzen)` : '';
}

async function openEvent(eventId) {
  const event = await getJson(`/api/events/${encodeURIComponent(eventId)}`);
  const article = await getJson(`/api/articles/${encodeURIComponent(event.article_id)}`);
  showArticle(article, event.event_id, (id) => navigate({ event: String(id) }));
  showEventRecord(event);
}

async function openArticle(articleId) {
  const article = await getJson(`/api/articles/${encodeURIComponent(articleId)}`);
  showArticle(article, null, (id) => navigate({ event: String(id) }));
  showEventRecord(null);
}

function showError(error) {
  const summary = document.getElementById('summary');
  summary.textContent = `Fehler: ${error.message}`;
  summary.classList.add('error');
}

async function render(state, filtersChanged = true) {
  showFilters(state.filters);
  document.getElementById('summary').classList.remove('error');
  try {
    if (filtersChanged || !render.drawn) {
      const query = filterQuery(state.filters);
      const [page, graph, places] = await Promise.all([
        getJson(`/api/events?${filterQuery(state.filters, { limit: PAGE_SIZE })}`),
        getJson(`/api/graph?${query}`),
        getJson(`/api/places?${query}`),
      ]);
      render.page = page;
      document.getElementById('summary').textContent = `${page.total} Ereignisse`;
      const open = (id) => navigate({ event: String(id) });
      drawTimeline(document.getElementById('timeline'), page.events, PLOVER_TYPES, open);
      drawGraph(document.getElementById('graph'), graph, (actor) => navigate({ filters: { ...readFilters(), actor } }));
      await drawMap(document.getElementById('map'), places);
      render.drawn = true;
    }
    drawEventTable(render.page, state.event);
    if (state.event) await openEvent(state.event);
    else if (state.article) await openArticle(state.article);
  } catch (error) {
    showError(error);
  }
  document.body.dataset.ready = 'true';
}

function start() {
  fillSelect(form.elements.type, PLOVER_TYPES);
  fillSelect(form.elements.modality, MODALITIES);
  form.addEventListener('change', () => navigate({ filters: readFilters(), event: null, article: null }));
  form.addEventListener('submit', (submit) => { submit.preventDefault(); });
  document.getElementById('filter-reset').addEventListener('click', () => {
    form.reset();
    navigate({ filters: {}, event: null, article: null });
  });
  window.addEventListener('popstate', () => render(readState(), true));
  loadActors().catch(showError).finally(() => render(readState(), true));
}

start();
