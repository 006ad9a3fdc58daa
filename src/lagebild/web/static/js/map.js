// World map: Natural Earth 110m countries (vendored world-atlas TopoJSON), equirectangular,
// one circle per event place: at the GeoNames city when the API knows it, else at the
// centroid of the country's largest polygon.
import { clear, containerWidth, svg, tooltip } from './dom.js';

const GEOMETRY_URL = '/static/vendor/world-atlas/countries-110m.json';
const NORTH = 84;
const SOUTH = -58; // Antarctica is cut off: no events there, and it would take a third of the map

let countriesPromise = null;

function loadCountries() {
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

function ringPath(ring, project) {
  return `${ring.map((point, index) => `${index ? 'L' : 'M'}${project(point).map((n) => n.toFixed(1)).join(',')}`).join('')}Z`;
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
  const outer = polygons(feature.geometry).map((polygon) => ringCentroid(polygon[0].map(project)));
  return outer.reduce((best, next) => (next.area > best.area ? next : best), { area: -1, point: null }).point;
}

function placePoint(place, byCode, project) {
  if (place.latitude !== null && place.longitude !== null) return project([place.longitude, place.latitude]);
  const feature = byCode.get(place.country_numeric);
  return feature ? countryCentroid(feature, project) : null;
}

// The smallest view (at least a third of the world, same aspect) that shows every point with a margin.
function zoomTo(points, width, height) {
  if (!points.length) return [0, 0, width, height];
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  const needed = Math.max((Math.max(...xs) - Math.min(...xs)) * 1.3, (Math.max(...ys) - Math.min(...ys)) * 1.3 * (width / height));
  const viewWidth = Math.min(width, Math.max(width / 3, needed));
  const viewHeight = (viewWidth * height) / width;
  const x = Math.min(Math.max(0, cx - viewWidth / 2), width - viewWidth);
  const y = Math.min(Math.max(0, cy - viewHeight / 2), height - viewHeight);
  return [x, y, viewWidth, viewHeight].map((n) => Number(n.toFixed(1)));
}

export async function drawMap(container, places) {
  const features = await loadCountries();
  clear(container);
  const width = containerWidth(container, 600);
  const project = projection(width);
  const byCode = new Map(features.map((feature) => [feature.id, feature]));
  const withEvents = new Set(places.map((place) => place.country_numeric));
  const map = svg('svg', { width, height: project.height, viewBox: `0 0 ${width} ${project.height}`, class: 'map', role: 'img' });
  for (const feature of features) {
    const path = polygons(feature.geometry).map((polygon) => polygon.map((ring) => ringPath(ring, project)).join('')).join('');
    map.append(svg('path', { d: path, class: withEvents.has(feature.id) ? 'country active' : 'country' },
      tooltip(feature.properties.name)));
  }
  const maximum = Math.max(1, ...places.map((place) => place.events));
  const points = places.map((place) => [place, placePoint(place, byCode, project)]).filter(([, point]) => point);
  const view = zoomTo(points.map(([, point]) => point), width, project.height);
  map.setAttribute('viewBox', view.join(' '));
  const scale = view[2] / width; // circles keep their size on screen when the map zooms in
  for (const [place, point] of points) {
    const radius = (3 + 9 * Math.sqrt(place.events / maximum)) * scale;
    const label = `${place.name || place.country} (${place.country}): ${place.events} Ereignisse`;
    map.append(svg('circle', {
      cx: point[0].toFixed(2), cy: point[1].toFixed(2), r: radius.toFixed(2), class: 'place', 'data-country': place.country,
    }, tooltip(label)));
  }
  container.append(map);
}
