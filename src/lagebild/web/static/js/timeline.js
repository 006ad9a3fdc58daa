// Timeline: one lane per PLOVER type, one mark per event at its day (a bar for a day interval).
import { actorLabel, clear, containerWidth, dayRange, eventDay, svg, tooltip } from './dom.js';

const LANE = 22;
const MARGIN = { left: 92, right: 16, top: 8, bottom: 26 };
const DAY_MS = 86400000;

const toTime = (day) => Date.parse(`${day}T00:00:00Z`);

function timeScale(events, width) {
  const days = events.flatMap((event) => [eventDay(event), event.time_end || eventDay(event)]).filter(Boolean).map(toTime);
  let first = Math.min(...days);
  let last = Math.max(...days);
  if (first === last) { first -= 3 * DAY_MS; last += 3 * DAY_MS; }
  const pad = (last - first) * 0.03;
  first -= pad; last += pad;
  const span = width - MARGIN.left - MARGIN.right;
  const scale = (time) => MARGIN.left + ((time - first) / (last - first)) * span;
  scale.first = first;
  scale.last = last;
  return scale;
}

function ticks(scale, count) {
  const step = (scale.last - scale.first) / count;
  return Array.from({ length: count + 1 }, (_, index) => new Date(scale.first + index * step));
}

export function drawTimeline(container, events, typeOrder, onOpen) {
  clear(container);
  const dated = events.filter((event) => eventDay(event));
  if (!dated.length) {
    container.textContent = 'Keine datierten Ereignisse für diese Filter.';
    return;
  }
  const types = typeOrder.filter((type) => dated.some((event) => event.type === type));
  const width = containerWidth(container, 900);
  const height = MARGIN.top + types.length * LANE + MARGIN.bottom;
  const x = timeScale(dated, width);
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline', role: 'img' });
  types.forEach((type, lane) => {
    const y = MARGIN.top + lane * LANE + LANE / 2;
    chart.append(
      svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y, y2: y, class: 'lane' }),
      svg('text', { x: MARGIN.left - 8, y: y + 4, 'text-anchor': 'end', class: 'lane-label', text: type }),
    );
  });
  const axisY = height - MARGIN.bottom + 4;
  for (const tick of ticks(x, Math.max(2, Math.floor(width / 140)))) {
    chart.append(svg('text', {
      x: x(tick.getTime()), y: axisY + 14, 'text-anchor': 'middle', class: 'tick', text: tick.toISOString().slice(0, 10),
    }));
  }
  for (const event of dated) {
    const y = MARGIN.top + types.indexOf(event.type) * LANE + LANE / 2;
    const start = x(toTime(eventDay(event)));
    const end = x(toTime(event.time_end || eventDay(event)) + DAY_MS * 0.999);
    const label = `#${event.event_id} ${event.type} ${dayRange(eventDay(event), event.time_end)}: `
      + `${actorLabel(event, 'source')} → ${actorLabel(event, 'target')} (${event.modality})`;
    const mark = svg('g', {
      class: `timeline-event ${event.event_class} ${event.modality}`,
      'data-event-id': event.event_id,
      onclick: () => onOpen(event.event_id),
    }, tooltip(label));
    if (end - start > 8) mark.append(svg('rect', { x: start, y: y - 4, width: end - start, height: 8, rx: 3 }));
    mark.append(svg('circle', { cx: start, cy: y, r: 5 }));
    chart.append(mark);
  }
  container.append(chart);
}
