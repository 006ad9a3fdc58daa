// Actor graph: the strongest links the API returns, parties on a circle, an arrow per direction
// and class (green solid cooperation, red dashed conflict), its width by the number of events.
// A party is a focusable button: click, Enter or Space filters by it.
import { clear, containerWidth, el, svg, tooltip } from './dom.js';
import { formatNumber, t } from './i18n.js';

const CLASSES = ['cooperation', 'conflict'];
const MAX_NODES = 40; // more parties than this make an unreadable circle: the busiest are shown

function layout(nodes, width, height) {
  const radius = Math.min(width, height) / 2 - 60;
  const positions = new Map();
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / nodes.length - Math.PI / 2;
    positions.set(node.id, [width / 2 + radius * Math.cos(angle), height / 2 + radius * Math.sin(angle)]);
  });
  return positions;
}

function arrowMarkers() {
  return svg('defs', {}, CLASSES.map((name) => svg('marker', {
    id: `arrow-${name}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 11, markerHeight: 11, markerUnits: 'userSpaceOnUse', orient: 'auto',
  }, svg('path', { d: 'M0,0L10,5L0,10Z', class: `arrow ${name}` }))));
}

// A curve from a to b that bends to its left by `bend` pixels, ending at the target's rim.
function curve([x1, y1], [x2, y2], bend, targetRadius) {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const length = Math.hypot(dx, dy) || 1;
  const [mx, my] = [(x1 + x2) / 2 - (dy / length) * bend, (y1 + y2) / 2 + (dx / length) * bend];
  const [ex, ey] = [x2 - mx, y2 - my];
  const toRim = targetRadius / (Math.hypot(ex, ey) || 1);
  return `M${x1.toFixed(1)},${y1.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${(x2 - ex * toRim).toFixed(1)},${(y2 - ey * toRim).toFixed(1)}`;
}

function loop([x, y], radius) {
  return `M${x - 4},${y - radius}C${x - 30},${y - radius - 40} ${x + 30},${y - radius - 40} ${x + 4},${y - radius}`;
}

export function drawGraph(container, graph, onActor) {
  clear(container);
  const note = document.getElementById('graph-note');
  note.textContent = graph.edges_total > graph.edges.length
    ? t('edgesShown', { shown: formatNumber(graph.edges.length), total: formatNumber(graph.edges_total) }) : '';
  if (!graph.edges.length) {
    container.append(el('p', { class: 'hint', text: t('noEdges') }));
    return;
  }
  const nodes = graph.nodes.slice(0, MAX_NODES);
  const shown = new Set(nodes.map((node) => node.id));
  const width = containerWidth(container, 600);
  const height = Math.max(300, Math.min(width * 0.7, 440));
  const positions = layout(nodes, width, height);
  const maximum = Math.max(1, ...graph.edges.map((edge) => Math.max(edge.cooperation, edge.conflict)));
  const nodeRadius = (node) => 6 + 10 * Math.sqrt(node.events / Math.max(1, nodes[0].events));
  const radii = new Map(nodes.map((node) => [node.id, nodeRadius(node)]));
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  const summary = t('graphSummary', { edges: formatNumber(graph.edges.length), nodes: formatNumber(nodes.length) });
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'graph', role: 'group', 'aria-label': summary }, arrowMarkers());
  for (const edge of graph.edges) {
    if (!shown.has(edge.source) || !shown.has(edge.target)) continue;
    CLASSES.filter((name) => edge[name] > 0).forEach((name, index) => {
      const from = positions.get(edge.source);
      const d = edge.source === edge.target ? loop(from, radii.get(edge.source))
        : curve(from, positions.get(edge.target), 18 + index * 22, radii.get(edge.target) + 2);
      chart.append(svg('path', {
        d,
        class: `edge ${name}`,
        'stroke-width': (1.5 + 7 * (edge[name] / maximum)).toFixed(1),
        'marker-end': `url(#arrow-${name})`,
        'data-source': edge.source,
        'data-target': edge.target,
      }, tooltip(edgeLabel(edge, labels))));
    });
  }
  for (const node of nodes) {
    const [x, y] = positions.get(node.id);
    const below = y > height / 2;
    // The name includes the code the circle shows (the accessible name holds the visible text).
    const name = node.label === node.id ? node.id : `${node.id} ${node.label}`;
    const label = t('eventsAt', { label: name, count: formatNumber(node.events) });
    chart.append(svg('g', {
      class: 'node', 'data-actor': node.id, tabindex: 0, role: 'button', 'aria-label': label,
      onclick: () => onActor(node.id),
      onkeydown: (key) => { if (key.key === 'Enter' || key.key === ' ') { key.preventDefault(); onActor(node.id); } },
    },
      svg('circle', { cx: x, cy: y, r: radii.get(node.id).toFixed(1) }),
      svg('text', { x, y: below ? y + radii.get(node.id) + 14 : y - radii.get(node.id) - 6, 'text-anchor': 'middle', text: node.id })));
  }
  container.append(chart, edgeTable(graph.edges, labels));
}

function edgeLabel(edge, labels) {
  return t('edgeLabel', {
    source: labels.get(edge.source) || edge.source, target: labels.get(edge.target) || edge.target,
    cooperation: formatNumber(edge.cooperation), conflict: formatNumber(edge.conflict),
  });
}

function edgeTable(edges, labels) {
  return el('details', { class: 'chart-table' },
    el('summary', { text: t('asTable') }),
    el('ul', {}, edges.map((edge) => el('li', { text: edgeLabel(edge, labels) }))));
}
