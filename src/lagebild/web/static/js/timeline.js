// Timeline: the server's counts of matching events per period (day, week or month) and type, one
// lane per type, bar height by count; the axis spans the chosen range with ticks on round dates.
// Below it the same numbers as a table, each period a button that filters to it.
import { clear, containerWidth, el, svg, tooltip } from './dom.js';
import { classLabel, formatDay, formatNumber, t, typeLabel } from './i18n.js';

const LANE = 24;
const MARGIN = { left: 120, right: 16, top: 8, bottom: 28 };
const DAY_MS = 86400000;
const MIN_TICK_GAP = 90; // pixels between tick labels

const toTime = (day) => Date.parse(`${day}T00:00:00Z`);
const isoDay = (time) => new Date(time).toISOString().slice(0, 10);

function periodEnd(period, bucket) {
  const date = new Date(toTime(period));
  if (bucket === 'day') return toTime(period) + DAY_MS;
  if (bucket === 'week') return toTime(period) + 7 * DAY_MS;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

// Round ticks: the finest of days, weeks (Mondays), months, quarters, years, decades that leaves
// room for the labels.
function ticks(first, last, width) {
  const most = Math.max(2, Math.floor(width / MIN_TICK_GAP));
  const start = new Date(first);
  const steps = [
    { unit: 'day', every: 1 }, { unit: 'day', every: 7 }, { unit: 'month', every: 1 }, { unit: 'month', every: 3 },
    { unit: 'month', every: 6 }, { unit: 'year', every: 1 }, { unit: 'year', every: 2 }, { unit: 'year', every: 5 },
    { unit: 'year', every: 10 },
  ];
  for (const step of steps) {
    const found = [];
    let cursor;
    if (step.unit === 'day') {
      cursor = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
      if (step.every === 7) cursor += ((8 - new Date(cursor).getUTCDay()) % 7) * DAY_MS;
    } else if (step.unit === 'month') {
      const month = Math.ceil((start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0)) / step.every) * step.every;
      cursor = Date.UTC(start.getUTCFullYear(), month, 1);
    } else {
      const year = Math.ceil((start.getUTCFullYear() + (start.getUTCMonth() || start.getUTCDate() > 1 ? 1 : 0)) / step.every) * step.every;
      cursor = Date.UTC(year, 0, 1);
    }
    while (cursor < last && found.length <= most) {
      found.push(cursor);
      const date = new Date(cursor);
      if (step.unit === 'day') cursor += step.every * DAY_MS;
      else if (step.unit === 'month') cursor = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step.every, 1);
      else cursor = Date.UTC(date.getUTCFullYear() + step.every, 0, 1);
    }
    if (found.length <= most) return { times: found, unit: step.unit };
  }
  return { times: [first, last], unit: 'day' };
}

function tickLabel(time, unit) {
  const day = isoDay(time);
  if (unit === 'year') return day.slice(0, 4);
  if (unit === 'month') return formatDay(day).replace(/^01\./, '').replace(/-01$/, '');
  return formatDay(day);
}

export function drawTimeline(container, timeline, typeOrder, classes, onPeriod) {
  clear(container);
  document.getElementById('timeline-title').textContent = t('timeline', { bucket: t(`bucket.${timeline.bucket}`) });
  if (!timeline.counts.length) {
    container.append(el('p', { class: 'hint', text: t('noDated') }));
    return;
  }
  const types = typeOrder.filter((type) => timeline.counts.some((count) => count.type === type));
  const width = containerWidth(container, 900);
  const height = MARGIN.top + types.length * LANE + MARGIN.bottom;
  const first = toTime(timeline.first);
  const last = periodEnd(timeline.last, 'day');
  const x = (time) => MARGIN.left + ((Math.min(Math.max(time, first), last) - first) / (last - first)) * (width - MARGIN.left - MARGIN.right);
  const maximum = Math.max(...timeline.counts.map((count) => count.events));
  const total = timeline.counts.reduce((sum, count) => sum + count.events, 0);
  const summary = t('timelineSummary', {
    events: formatNumber(total), first: formatDay(timeline.first), last: formatDay(timeline.last), undated: formatNumber(timeline.undated),
  });
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'timeline', role: 'img', 'aria-label': summary });
  types.forEach((type, lane) => {
    const y = MARGIN.top + lane * LANE;
    chart.append(
      svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y + LANE - 1, y2: y + LANE - 1, class: 'lane' }),
      svg('text', { x: MARGIN.left - 8, y: y + LANE / 2 + 4, 'text-anchor': 'end', class: `lane-label ${classes[type]}`, text: typeLabel(type) }),
    );
  });
  const axisY = height - MARGIN.bottom;
  const axis = ticks(first, last, width - MARGIN.left - MARGIN.right);
  for (const tick of axis.times) {
    chart.append(
      svg('line', { x1: x(tick), x2: x(tick), y1: MARGIN.top, y2: axisY + 4, class: 'tick-line' }),
      svg('text', { x: x(tick), y: axisY + 18, 'text-anchor': 'middle', class: 'tick', text: tickLabel(tick, axis.unit) }),
    );
  }
  for (const count of timeline.counts) {
    const lane = types.indexOf(count.type);
    const start = x(toTime(count.period));
    const end = Math.max(start + 2, x(periodEnd(count.period, timeline.bucket)) - 1);
    const barHeight = Math.max(2, (LANE - 4) * Math.sqrt(count.events / maximum));
    const y = MARGIN.top + lane * LANE + LANE - 1 - barHeight;
    chart.append(svg('rect', {
      x: start.toFixed(1), y: y.toFixed(1), width: (end - start).toFixed(1), height: barHeight.toFixed(1),
      class: `bar ${classes[count.type]}`, 'data-period': count.period, 'data-type': count.type, 'data-events': count.events,
      onclick: () => onPeriod(count.period, isoDay(periodEnd(count.period, timeline.bucket) - DAY_MS), count.type),
    }, tooltip(`${typeLabel(count.type)} (${classLabel(classes[count.type])}), ${formatDay(count.period)}: ${formatNumber(count.events)}`)));
  }
  container.append(chart, timelineTable(timeline, onPeriod));
}

function timelineTable(timeline, onPeriod) {
  const byPeriod = new Map();
  for (const count of timeline.counts) {
    const row = byPeriod.get(count.period) || { events: 0, types: [] };
    row.events += count.events;
    row.types.push(`${typeLabel(count.type)} ${formatNumber(count.events)}`);
    byPeriod.set(count.period, row);
  }
  // Built when opened: most views never open it, and it has a row per period.
  const details = el('details', { class: 'chart-table' }, el('summary', { text: t('asTable') }));
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('table')) details.append(periodTable(byPeriod, timeline, onPeriod));
  });
  return details;
}

function periodTable(byPeriod, timeline, onPeriod) {
  return el('table', {},
      el('thead', {}, el('tr', {}, el('th', { text: t('period') }), el('th', { text: t('events') }), el('th', { text: t('type') }))),
      el('tbody', {}, [...byPeriod].map(([period, row]) => el('tr', {},
        el('td', {}, el('button', {
          type: 'button', class: 'link-button', text: formatDay(period),
          onclick: () => onPeriod(period, isoDay(periodEnd(period, timeline.bucket) - DAY_MS)),
        })),
        el('td', { text: formatNumber(row.events) }),
        el('td', { text: row.types.join(', ') })))));
}
