// World map: Natural Earth 110m countries (vendored world-atlas TopoJSON), equirectangular, one
// circle per event place (at the GeoNames city when the API knows it, else at the centroid of the
// country's largest polygon). Rings that cross the date line are unwrapped and drawn on both
// sides, so Russia and Fiji stay whole. Zoom and pan by buttons, wheel, drag or arrow keys; a
// place (a focusable button) filters by itself on click, Enter or Space.
import { clear, containerWidth, svg, tooltip } from './dom.js';
import { formatNumber, t } from './i18n.js';

const GEOMETRY_URL = '/static/vendor/world-atlas/countries-110m.json';
const NORTH = 84;
const SOUTH = -58; // Antarctica is cut off: no events there, and it would take a third of the map
const ZOOM_STEP = 1.5;
const MAX_ZOOM = 16;
const PAN_STEP = 0.2; // of the visible width per arrow key

let countriesPromise = null;
const drawnCountries = new Map(); // width -> [feature id, path]: the geometry is drawn once per width

export function loadCountries() {
  if (!countriesPromise) {
    countriesPromise = fetch(GEOMETRY_URL)
      .then((response) => response.json())
      .then((topology) => window.topojson.feature(topology, topology.objects.countries).features);
  }
  return countriesPromise;
}

function projection(width) {
  const height = Math.round((width * (NORTH - SOUTH)) / 360);
  const project = ([longitude, latitude]) => [
    ((longitude + 180) / 360) * width,
    ((NORTH - latitude) / (NORTH - SOUTH)) * height,
  ];
  project.height = height;
  return project;
}

function polygons(geometry) {
  if (!geometry) return [];
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

// Longitudes made continuous along the ring (a step of more than 180° crosses the date line).
export function unwrapRing(ring) {
  let shift = 0;
  return ring.map(([longitude, latitude], index) => {
    if (index) {
      const step = longitude + shift - (ring[index - 1][0] + shift);
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    return [longitude + shift, latitude];
  });
}

function ringPath(ring, project, offset) {
  return `${ring.map((point, index) => `${index ? 'L' : 'M'}${project([point[0] + offset, point[1]]).map((n) => n.toFixed(1)).join(',')}`).join('')}Z`;
}

// A polygon's rings unwrapped; drawn once more shifted by 360° where they leave [-180, 180].
export function polygonPath(polygon, project) {
  const rings = polygon.map(unwrapRing);
  const longitudes = rings.flat().map(([longitude]) => longitude);
  const offsets = [0];
  if (Math.max(...longitudes) > 180) offsets.push(-360);
  if (Math.min(...longitudes) < -180) offsets.push(360);
  return offsets.map((offset) => rings.map((ring) => ringPath(ring, project, offset)).join('')).join('');
}

// Shoelace area and centroid of a projected ring.
function ringCentroid(ring) {
  let area = 0; let cx = 0; let cy = 0;
  for (let index = 0; index < ring.length - 1; index += 1) {
    const [x0, y0] = ring[index];
    const [x1, y1] = ring[index + 1];
    const cross = x0 * y1 - x1 * y0;
    area += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross;
  }
  return area ? { area: Math.abs(area / 2), point: [cx / (3 * area), cy / (3 * area)] } : { area: 0, point: ring[0] };
}

export function countryCentroid(feature, project) {
  const outer = polygons(feature.geometry).map((polygon) => ringCentroid(unwrapRing(polygon[0]).map(project)));
  return outer.reduce((best, next) => (next.area > best.area ? next : best), { area: -1, point: null }).point;
}

function placePoint(place, byCode, project) {
  if (place.latitude !== null && place.longitude !== null) return project([place.longitude, place.latitude]);
  const feature = byCode.get(place.country_numeric);
  return feature ? countryCentroid(feature, project) : null;
}

// The smallest view (at least a third of the world, same aspect) that shows every point with a margin.
function fitView(points, width, height) {
  if (!points.length) return [0, 0, width, height];
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  const needed = Math.max((Math.max(...xs) - Math.min(...xs)) * 1.3, (Math.max(...ys) - Math.min(...ys)) * 1.3 * (width / height));
  const viewWidth = Math.min(width, Math.max(width / 3, needed));
  return clampView([cx - viewWidth / 2, cy - (viewWidth * height) / width / 2, viewWidth, (viewWidth * height) / width], width, height);
}

function clampView([x, y, w, h], width, height) {
  const viewWidth = Math.min(width, Math.max(width / MAX_ZOOM, w));
  const viewHeight = (viewWidth * height) / width;
  return [
    Math.min(Math.max(0, x + (w - viewWidth) / 2), width - viewWidth),
    Math.min(Math.max(0, y + (h - viewHeight) / 2), height - viewHeight),
    viewWidth,
    viewHeight,
  ].map((n) => Number(n.toFixed(1)));
}

// Zoom and pan change the viewBox; circles keep their size on screen.
function viewer(map, width, height, fitted) {
  let view = fitted;
  const apply = () => {
    map.setAttribute('viewBox', view.join(' '));
    const scale = view[2] / width;
    for (const circle of map.querySelectorAll('circle.place')) circle.setAttribute('r', (Number(circle.dataset.radius) * scale).toFixed(2));
    map.dataset.zoom = (width / view[2]).toFixed(2);
  };
  const zoom = (factor, [fx, fy] = [0.5, 0.5]) => {
    const [x, y, w, h] = view;
    const next = [x + w * fx - (w / factor) * fx, y + h * fy - (h / factor) * fy, w / factor, h / factor];
    view = clampView(next, width, height);
    apply();
  };
  const pan = (dx, dy) => {
    view = clampView([view[0] + dx, view[1] + dy, view[2], view[3]], width, height);
    apply();
  };
  apply();
  return { zoom, pan, reset: () => { view = fitted; apply(); }, current: () => view };
}

function enablePointer(map, control, width) {
  let drag = null;
  map.addEventListener('wheel', (wheel) => {
    wheel.preventDefault();
    const box = map.getBoundingClientRect();
    control.zoom(wheel.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, [(wheel.clientX - box.left) / box.width, (wheel.clientY - box.top) / box.height]);
  }, { passive: false });
  map.addEventListener('pointerdown', (down) => {
    if (down.target.classList.contains('place')) return;
    drag = { x: down.clientX, y: down.clientY };
  });
  map.addEventListener('pointermove', (move) => {
    if (!drag) return;
    const scale = control.current()[2] / map.getBoundingClientRect().width;
    control.pan((drag.x - move.clientX) * scale, (drag.y - move.clientY) * scale);
    drag = { x: move.clientX, y: move.clientY };
  });
  for (const name of ['pointerup', 'pointerleave']) map.addEventListener(name, () => { drag = null; });
  map.addEventListener('keydown', (key) => {
    const step = control.current()[2] * PAN_STEP;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[key.key] && key.target === map) { key.preventDefault(); control.pan(...moves[key.key]); }
    if (key.key === '+' || key.key === '=') control.zoom(ZOOM_STEP);
    if (key.key === '-') control.zoom(1 / ZOOM_STEP);
  });
  return width;
}

export async function drawMap(container, found, onPlace) {
  const features = await loadCountries();
  clear(container);
  const { places } = found;
  const width = containerWidth(container, 600);
  const project = projection(width);
  const byCode = new Map(features.map((feature) => [feature.id, feature]));
  const withEvents = new Set(places.map((place) => place.country_numeric));
  const total = places.reduce((sum, place) => sum + place.events, 0);
  const summary = t('mapSummary', { places: formatNumber(places.length), events: formatNumber(total), without: formatNumber(found.without_place) });
  const map = svg('svg', {
    width, height: project.height, class: 'map', role: 'group', tabindex: 0, 'aria-label': summary,
  });
  map.append(svg('rect', { x: 0, y: 0, width, height: project.height, class: 'sea' }));
  if (!drawnCountries.has(width)) {
    drawnCountries.set(width, features.map((feature) => polygons(feature.geometry).map((polygon) => polygonPath(polygon, project)).join('')));
  }
  const paths = drawnCountries.get(width);
  for (const [index, feature] of features.entries()) {
    const path = paths[index];
    map.append(svg('path', { d: path, class: withEvents.has(feature.id) ? 'country active' : 'country', 'data-id': feature.id },
      tooltip(feature.properties.name)));
  }
  const maximum = Math.max(1, ...places.map((place) => place.events));
  const points = places.map((place) => [place, placePoint(place, byCode, project)]).filter(([, point]) => point);
  const detail = document.getElementById('map-detail');
  const show = (text) => { detail.textContent = text; };
  show(places.length === 1 ? t('eventsAt', { label: places[0].label, count: formatNumber(places[0].events) }) : '');
  for (const [place, point] of points) {
    const label = t('eventsAt', { label: place.label, count: formatNumber(place.events) });
    const choose = () => { show(label); onPlace(place); };
    map.append(svg('circle', {
      cx: point[0].toFixed(2), cy: point[1].toFixed(2), 'data-radius': (4 + 10 * Math.sqrt(place.events / maximum)).toFixed(2),
      class: 'place', 'data-country': place.country, 'data-name': place.name || '', tabindex: 0, role: 'button', 'aria-label': label,
      onclick: choose,
      onfocus: () => show(label),
      onpointerenter: () => show(label),
      onkeydown: (key) => { if (key.key === 'Enter' || key.key === ' ') { key.preventDefault(); choose(); } },
    }, tooltip(label)));
  }
  container.append(map);
  const control = viewer(map, width, project.height, fitView(points.map(([, point]) => point), width, project.height));
  enablePointer(map, control, width);
  const buttons = { 'map-zoom-in': () => control.zoom(ZOOM_STEP), 'map-zoom-out': () => control.zoom(1 / ZOOM_STEP), 'map-zoom-reset': control.reset };
  for (const [id, action] of Object.entries(buttons)) document.getElementById(id).onclick = action;
  document.getElementById('without-place').textContent = t('withoutPlace', { count: formatNumber(found.without_place) });
}
