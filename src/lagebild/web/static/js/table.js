// The results table, sorted and paged by the server: events (one per article's event) or clusters
// (one per real-world event). Column heads are sort buttons; on a phone each row is a card
// ("who → what → whom" on one line).
import { actorLabel, clear, el } from './dom.js';
import { classLabel, currentLanguage, formatDay, formatNumber, formatRange, modalityLabel, t, typeLabel } from './i18n.js';

export const PAGE_SIZE = 50;

function dayCell(event) {
  if (event.time_start) return el('td', { class: 'day', text: formatRange(event.time_start, event.time_end) });
  return el('td', { class: 'day undated' },
    el('span', { class: 'undated-mark', text: t('undated') }), ` (${t('published', { day: formatDay(event.published) })})`);
}

// German shows the article's own word for the place ("Brüssel"), English the GeoNames name.
export function placeText(row) {
  const names = currentLanguage() === 'de' ? [row.location_text, row.location_name] : [row.location_name, row.location_text];
  return names.find(Boolean) || row.location_country || '–';
}

function typeCell(row) {
  return el('td', { class: `type ${row.event_class}` },
    el('span', { class: 'class-mark', 'aria-hidden': 'true', text: row.event_class === 'cooperation' ? '+' : '−' }),
    ` ${typeLabel(row.type)}`,
    el('span', { class: 'visually-hidden', text: ` (${classLabel(row.event_class)})` }));
}

function card(row, when) {
  return el('td', { class: 'card' },
    el('span', { class: 'dyad-line' }, `${actorLabel(row, 'source')} → `, el('strong', { class: row.event_class, text: typeLabel(row.type) }), ` → ${actorLabel(row, 'target')}`),
    el('span', { class: 'card-meta', text: [when, placeText(row), modalityLabel(row.modality)].join(' · ') }));
}

const EVENT_COLUMNS = ['day', 'type', 'modality', 'source', 'target', 'place', 'article'];
const CLUSTER_COLUMNS = ['day', 'type', 'modality', 'source', 'target', 'place', 'articles', 'outlets', 'last_report'];

function eventRow(event, selectedId, onOpen) {
  const open = () => onOpen(event.event_id);
  return el('tr', {
    class: `result-row event-row ${event.event_class}${String(event.event_id) === selectedId ? ' selected' : ''}`,
    'data-event-id': event.event_id,
    tabindex: 0,
    onclick: open,
    onkeydown: (key) => { if (key.key === 'Enter' || key.key === ' ') { key.preventDefault(); open(); } },
  },
  card(event, event.time_start ? formatRange(event.time_start, event.time_end) : `${t('undated')} (${t('published', { day: formatDay(event.published) })})`),
  dayCell(event),
  typeCell(event),
  el('td', { text: modalityLabel(event.modality) }),
  el('td', { text: actorLabel(event, 'source') }),
  el('td', { text: actorLabel(event, 'target') }),
  el('td', { text: placeText(event) }),
  el('td', { class: 'article-id', text: event.article_id }));
}

function clusterRow(cluster, selectedId, onOpen) {
  const open = () => onOpen(cluster.cluster_id);
  return el('tr', {
    class: `result-row cluster-row ${cluster.event_class}${String(cluster.cluster_id) === selectedId ? ' selected' : ''}`,
    'data-cluster-id': cluster.cluster_id,
    tabindex: 0,
    onclick: open,
    onkeydown: (key) => { if (key.key === 'Enter' || key.key === ' ') { key.preventDefault(); open(); } },
  },
  card(cluster, `${formatRange(cluster.first_day, cluster.last_day)} · ${formatNumber(cluster.articles)} ${t('columns.articles')}`),
  el('td', { class: 'day', text: formatRange(cluster.first_day, cluster.last_day) }),
  typeCell(cluster),
  el('td', { text: modalityLabel(cluster.modality) }),
  el('td', { text: actorLabel(cluster, 'source') }),
  el('td', { text: actorLabel(cluster, 'target') }),
  el('td', { text: placeText(cluster) }),
  el('td', { class: 'number', text: formatNumber(cluster.articles) }),
  el('td', { class: 'number', text: formatNumber(cluster.outlets) }),
  el('td', { text: formatRange(cluster.first_published, cluster.last_published) }));
}

function head(columns, sort, onSort) {
  const cells = columns.map((column) => {
    const active = sort.key === column;
    const direction = active ? (sort.desc ? 'descending' : 'ascending') : 'none';
    return el('th', { scope: 'col', 'aria-sort': direction, 'data-column': column },
      el('button', {
        type: 'button', class: 'sort', 'aria-label': t('sortBy', { column: t(`columns.${column}`) }),
        onclick: () => onSort(column, active ? !sort.desc : false),
      }, t(`columns.${column}`), el('span', { class: 'sort-mark', 'aria-hidden': 'true', text: active ? (sort.desc ? ' ▼' : ' ▲') : '' })));
  });
  return el('tr', {}, el('th', { scope: 'col', class: 'card', text: t('columns.card') }), cells);
}

// page: {total, offset, events|clusters}; view: 'events' | 'clusters'.
export function drawResults(view, page, state, handlers) {
  const table = document.getElementById('results-table');
  const columns = view === 'clusters' ? CLUSTER_COLUMNS : EVENT_COLUMNS;
  const rows = view === 'clusters' ? page.clusters : page.events;
  table.className = `results ${view}`;
  clear(table.tHead).append(head(columns, state.sort, handlers.onSort));
  const body = clear(table.tBodies[0]);
  if (!rows.length) {
    body.append(el('tr', { class: 'empty-row' }, el('td', { colspan: columns.length + 1, text: t(view === 'clusters' ? 'noClusters' : 'noEvents') })));
  }
  for (const row of rows) {
    body.append(view === 'clusters' ? clusterRow(row, state.cluster, handlers.onCluster) : eventRow(row, state.event, handlers.onEvent));
  }
  document.getElementById('results-caption').textContent = t(view === 'clusters' ? 'clustersTab' : 'eventsTab');
  drawPaging(page, handlers.onPage);
}

function drawPaging(page, onPage) {
  const paging = clear(document.getElementById('paging'));
  if (!page.total) return;
  const last = Math.min(page.total, page.offset + PAGE_SIZE);
  paging.append(
    el('button', { type: 'button', id: 'page-previous', disabled: page.offset === 0, text: t('previous'), onclick: () => onPage(Math.max(0, page.offset - PAGE_SIZE)) }),
    el('span', { class: 'page-range', text: t('paging', { first: formatNumber(page.offset + 1), last: formatNumber(last), total: formatNumber(page.total) }) }),
    el('button', { type: 'button', id: 'page-next', disabled: last >= page.total, text: t('next'), onclick: () => onPage(page.offset + PAGE_SIZE) }),
  );
}
