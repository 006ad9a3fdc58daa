// The article view: its headline and text (always as text nodes) with every evidence span marked
// and linked to its event record; a cluster's reports; the event record with its evidence.
import { actorLabel, clear, el } from './dom.js';
import { placeText } from './table.js';
import {
  classLabel, formatDay, formatNumber, formatRange, modalityLabel, modeLabel, t, typeLabel,
} from './i18n.js';

// Cut the text at every span boundary; each piece knows which events' evidence covers it.
export function segments(text, events) {
  const cuts = new Set([0, text.length]);
  for (const event of events) {
    for (const span of event.evidence_spans) {
      cuts.add(Math.max(0, Math.min(text.length, span.start)));
      cuts.add(Math.max(0, Math.min(text.length, span.end)));
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const [start, end] = [points[index], points[index + 1]];
    const covering = events
      .filter((event) => event.evidence_spans.some((span) => span.start <= start && end <= span.end));
    pieces.push({ start, end, events: covering });
  }
  return pieces;
}

// Who says each passage: for every offset where attributed passages end, the different chains told
// there ('laut Agentur Interfax (RUS)'). A passage in the article's own voice, or stored before
// lagebild kept a chain per passage (attribution null), gets no note.
export function claimNotes(events) {
  const notes = new Map();
  for (const event of events) {
    for (const span of event.evidence_spans) {
      if (!span.attribution?.length) continue;
      if (!notes.has(span.end)) notes.set(span.end, new Set());
      notes.get(span.end).add(t('according', { chain: chainText(span.attribution) }));
    }
  }
  return notes;
}

// The headline: the record's title, else the text of its headline block.
export function headline(article) {
  if (article.title) return article.title;
  const block = article.structure?.blocks?.find((candidate) => candidate.kind === 'headline');
  return block ? article.text.slice(block.start, block.end).trim() : article.id;
}

export function showArticle(article, selectedId, onSelect) {
  const meta = clear(document.getElementById('article-meta'));
  meta.append(
    el('h3', { class: 'headline', text: headline(article) }),
    el('p', { class: 'meta', text: [article.outlet, formatDay(article.published), `id ${article.id}`].filter(Boolean).join(' · ') }),
  );
  if (article.url) meta.append(el('p', { class: 'meta url' }, el('a', { href: safeUrl(article.url), rel: 'noreferrer', text: article.url })));
  meta.append(el('p', { class: 'meta', text: t('eventsInArticle', { count: formatNumber(article.events.length) }) }));
  const container = clear(document.getElementById('article-text'));
  container.dataset.articleId = article.id;
  const notes = claimNotes(article.events);
  for (const piece of segments(article.text, article.events)) {
    const text = article.text.slice(piece.start, piece.end);
    if (!piece.events.length) {
      container.append(document.createTextNode(text));
      continue;
    }
    const ids = piece.events.map((event) => event.event_id);
    const selected = ids.some((id) => id === selectedId);
    const choose = () => onSelect(ids.find((id) => id !== selectedId) ?? ids[0]);
    container.append(el('mark', {
      class: `evidence ${piece.events[0].event_class}${selected ? ' selected' : ''}`,
      'data-event-ids': ids.join(' '),
      'data-start': piece.start,
      title: piece.events.map((event) => `#${event.event_id} ${typeLabel(event.type)}`).join(', '),
      tabindex: 0,
      role: 'button',
      'aria-pressed': selected ? 'true' : 'false',
      onclick: choose,
      onkeydown: (key) => { if (key.key === 'Enter' || key.key === ' ') { key.preventDefault(); choose(); } },
    }, text));
    const said = notes.get(piece.end);
    if (said) container.append(' ', el('span', { class: 'claim-note', text: [...said].join('; ') }));
  }
  const first = container.querySelector('mark.selected');
  if (first) first.scrollIntoView({ block: 'center' });
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:'].includes(parsed.protocol) ? parsed.href : '#';
  } catch {
    return '#';
  }
}

function actorText(event, role) {
  const text = event[`${role}_text`];
  const sector = event[`${role}_sector`];
  const label = actorLabel(event, role);
  if (label === '–') return label;
  return [label, sector ? `[${sector}]` : '', text && !label.includes(text) ? `„${text}“` : ''].filter(Boolean).join(' ');
}

function row(name, value) {
  return el('div', { class: 'field' }, el('dt', { text: name }), el('dd', { text: value || '–' }));
}

export function eventTime(event) {
  if (!event.time_start) return t('undatedEvent', { day: formatDay(event.published) });
  return `${formatRange(event.time_start, event.time_end)}${event.time_text ? ` („${event.time_text}“)` : ''}`;
}

function chainText(chain) {
  return chain.map((claimant) => (claimant.country ? `${claimant.text} (${claimant.country})` : claimant.text)).join(' → ');
}

function attributionText(event) {
  return event.attribution.length ? chainText(event.attribution) : t('ownVoice');
}

// Who says one passage: 'laut X → Y', the article's own voice, or null when not known.
function passageClaim(span) {
  if (!span.attribution) return null;
  return span.attribution.length ? t('according', { chain: chainText(span.attribution) }) : t('ownVoice');
}

export function showEventRecord(event) {
  const card = clear(document.getElementById('event-record'));
  card.hidden = !event;
  if (!event) return;
  card.dataset.eventId = event.event_id;
  const place = [placeText(event), event.location_country].filter((part) => part && part !== '–').join(', ');
  const attribution = attributionText(event);
  card.append(
    el('h3', { class: `event-type ${event.event_class}`, text: `#${event.event_id} ${typeLabel(event.type)}` }),
    el('dl', {},
      row(t('record.class'), classLabel(event.event_class)),
      row(t('record.modality'), modalityLabel(event.modality)),
      row(t('record.source'), actorText(event, 'source')),
      row(t('record.target'), actorText(event, 'target')),
      row(t('record.time'), eventTime(event)),
      row(t('record.place'), place),
      row(t('record.attribution'), attribution),
      row(t('record.mode'), modeLabel(event.type, event.mode)),
      row(t('record.cluster'), event.cluster_id === null ? '' : String(event.cluster_id))),
    el('p', { class: 'evidence-title', text: t('record.evidence') }),
    el('ol', { class: 'evidence-list' },
      event.evidence_spans.map((span) => el('li', {},
        el('a', {
          href: '#',
          class: 'evidence-link',
          onclick: (click) => { click.preventDefault(); focusSpan(event.event_id, span); },
        }, span.text),
        passageClaim(span) && el('span', { class: 'claim', text: ` – ${passageClaim(span)}` })))),
  );
}

function focusSpan(eventId, span) {
  const mark = [...document.querySelectorAll('#article-text mark.evidence')].find((node) =>
    node.dataset.eventIds.split(' ').includes(String(eventId)) && Number(node.dataset.start) >= span.start);
  if (mark) {
    mark.scrollIntoView({ block: 'center' });
    mark.focus();
  }
}

// A cluster: what happened, and each report (outlet, day) one click from its article.
export function showCluster(cluster, onReport) {
  const view = clear(document.getElementById('cluster-view'));
  view.hidden = !cluster;
  if (!cluster) return;
  view.dataset.clusterId = cluster.cluster_id;
  view.append(
    el('h3', { class: `event-type ${cluster.event_class}`, text: `${typeLabel(cluster.type)}: ${actorLabel(cluster, 'source')} → ${actorLabel(cluster, 'target')}` }),
    el('p', { class: 'meta', text: t('cluster', {
      id: cluster.cluster_id, articles: formatNumber(cluster.articles), outlets: formatNumber(cluster.outlets),
      first: formatDay(cluster.first_published), last: formatDay(cluster.last_published),
    }) }),
    el('p', { class: 'evidence-title', text: t('reports') }),
    el('ul', { class: 'reports' }, cluster.reports.map((report) => el('li', {},
      el('button', {
        type: 'button', class: 'link-button report', 'data-event-id': report.event_id,
        text: `${formatDay(report.published)} · ${report.outlet || report.article_id} · ${modalityLabel(report.modality)}`,
        onclick: () => onReport(report.event_id),
      })))),
  );
}
