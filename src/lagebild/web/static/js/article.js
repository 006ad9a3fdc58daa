// The article view: its text (always as text nodes) with every evidence span marked and linked
// to its event record.
import { actorLabel, clear, dayRange, el } from './dom.js';

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

export function showArticle(article, selectedId, onSelect) {
  const meta = clear(document.getElementById('article-meta'));
  meta.append(
    el('h3', { text: article.title || article.id }),
    el('p', { class: 'meta', text: [article.outlet, article.published, `id ${article.id}`].filter(Boolean).join(' · ') }),
  );
  if (article.url) meta.append(el('p', { class: 'meta' }, el('a', { href: safeUrl(article.url), rel: 'noreferrer', text: article.url })));
  meta.append(el('p', { class: 'meta', text: `${article.events.length} Ereignisse in diesem Artikel` }));
  const container = clear(document.getElementById('article-text'));
  container.dataset.articleId = article.id;
  for (const piece of segments(article.text, article.events)) {
    const text = article.text.slice(piece.start, piece.end);
    if (!piece.events.length) {
      container.append(document.createTextNode(text));
      continue;
    }
    const ids = piece.events.map((event) => event.event_id);
    const selected = ids.some((id) => id === selectedId);
    const mark = el('mark', {
      class: `evidence ${piece.events[0].event_class}${selected ? ' selected' : ''}`,
      'data-event-ids': ids.join(' '),
      'data-start': piece.start,
      title: piece.events.map((event) => `#${event.event_id} ${event.type}`).join(', '),
      tabindex: 0,
      onclick: () => onSelect(ids.find((id) => id !== selectedId) ?? ids[0]),
    }, text);
    container.append(mark);
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

export function showEventRecord(event) {
  const card = clear(document.getElementById('event-record'));
  card.hidden = !event;
  if (!event) return;
  card.dataset.eventId = event.event_id;
  const attribution = event.attribution.length
    ? event.attribution.map((claimant) => claimant.country ? `${claimant.text} (${claimant.country})` : claimant.text).join(' → ')
    : 'Stimme des Mediums';
  const place = [event.location_name, event.location_country].filter(Boolean).join(', ');
  const time = event.time_start ? `${dayRange(event.time_start, event.time_end)}${event.time_text ? ` („${event.time_text}“)` : ''}` : '';
  card.append(
    el('h3', { class: `event-type ${event.event_class}`, text: `#${event.event_id} ${event.type}` }),
    el('dl', {},
      row('Klasse', event.event_class === 'cooperation' ? 'Kooperation' : 'Konflikt'),
      row('Modalität', event.modality),
      row('Quelle', actorText(event, 'source')),
      row('Ziel', actorText(event, 'target')),
      row('Zeit', time || `Veröffentlichung ${event.published || '–'}`),
      row('Ort', place),
      row('Zuschreibung', attribution),
      row('Modus', event.mode),
      row('Cluster', event.cluster_id === null ? '' : String(event.cluster_id))),
    el('ol', { class: 'evidence-list' },
      event.evidence_spans.map((span) => el('li', {},
        el('a', {
          href: '#',
          class: 'evidence-link',
          onclick: (click) => { click.preventDefault(); focusSpan(event.event_id, span); },
        }, span.text)))),
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
