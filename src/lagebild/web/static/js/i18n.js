// One UI language at a time: German (default) or English, chosen by ?lang=en. Every word the
// page shows comes from here or, for PLOVER types and modes, from the API's PLOVER table.

const MESSAGES = {
  de: {
    title: 'lagebild – Ereignisse',
    skip: 'Zur Ereignisliste springen',
    language: 'Sprache',
    switchLanguage: 'English',
    filters: 'Filter',
    country: 'Land',
    actor: 'Akteur (Name)',
    actorHint: 'Name, mehrere mit Komma',
    source: 'Quelle',
    target: 'Ziel',
    eitherDirection: 'beide Richtungen',
    type: 'Typ',
    modality: 'Modalität',
    since: 'von',
    until: 'bis',
    dateHint: 'TT.MM.JJJJ',
    place: 'Ort',
    placeHint: 'Name, mehrere mit Komma',
    placeCountry: 'Land des Orts',
    placeCountryHint: 'ISO3, z. B. UKR',
    reset: 'zurücksetzen',
    all: 'alle',
    multiHint: 'Strg/⌘ für mehrere',
    timeline: 'Zeitleiste: Ereignisse pro {bucket} und Typ',
    bucket: { day: 'Tag', week: 'Woche', month: 'Monat' },
    map: 'Orte',
    graph: 'Akteure: wer handelt gegenüber wem',
    results: 'Ergebnisse',
    eventsTab: 'Ereignisse (je Artikel)',
    clustersTab: 'Reale Ereignisse (Cluster)',
    article: 'Artikel',
    articleHint: 'Ein Ereignis wählen, um seinen Artikel mit den Belegstellen zu sehen.',
    footer: 'JSON-API: {docs} · Kartengeometrie: Natural Earth (world-atlas)',
    summary: '{events} Ereignisse in {clusters} realen Ereignissen',
    loading: 'lädt …',
    export: 'Export des Gefilterten:',
    exportEvents: 'Ereignisse',
    exportClusters: 'Cluster',
    gdelt: 'GDELT',
    noEvents: 'Keine Ereignisse für diese Filter.',
    noClusters: 'Keine realen Ereignisse für diese Filter.',
    paging: '{first}–{last} von {total}',
    previous: '← zurück',
    next: 'weiter →',
    columns: {
      day: 'Tag', type: 'Typ', modality: 'Modalität', source: 'Quelle', target: 'Ziel', place: 'Ort',
      article: 'Artikel', articles: 'Artikel', outlets: 'Medien', last_report: 'Meldungen', card: 'Ereignis',
    },
    sortBy: 'sortieren nach {column}',
    undated: 'undatiert',
    published: 'veröff. {day}',
    modalities: { asserted: 'berichtet', planned: 'geplant', possible: 'möglich', negated: 'verneint' },
    classes: { cooperation: 'Kooperation', conflict: 'Konflikt' },
    legendGraph: 'Linienstärke = Ereignisse; durchgezogen = Kooperation, gestrichelt = Konflikt',
    legendMap: 'Kreisfläche = Ereignisse am Ort; Klick oder Enter filtert nach dem Ort',
    withoutPlace: '{count} Ereignisse ohne Ort',
    edgesShown: 'Die {shown} stärksten von {total} Verbindungen gezeigt.',
    noEdges: 'Keine Ereignisse mit Quelle und Ziel für diese Filter.',
    noDated: 'Keine Ereignisse für diese Filter.',
    zoomIn: 'vergrößern', zoomOut: 'verkleinern', zoomReset: 'ganze Karte',
    asTable: 'als Tabelle',
    period: 'Zeitraum',
    events: 'Ereignisse',
    timelineSummary: '{events} Ereignisse vom {first} bis {last}, {undated} davon ohne eigenes Datum (am Tag der Veröffentlichung gezählt). Enter auf einem Zeitraum filtert auf ihn.',
    mapSummary: '{places} Orte mit {events} Ereignissen; {without} Ereignisse ohne Ort.',
    graphSummary: '{edges} Verbindungen zwischen {nodes} Parteien.',
    eventsAt: '{label}: {count} Ereignisse',
    edgeLabel: '{source} → {target}: {cooperation} Kooperation, {conflict} Konflikt',
    record: {
      class: 'Klasse', modality: 'Modalität', source: 'Quelle', target: 'Ziel', time: 'Zeit', place: 'Ort',
      attribution: 'Zuschreibung', mode: 'Modus', cluster: 'Cluster', evidence: 'Belegstellen',
    },
    ownVoice: 'Stimme des Mediums',
    undatedEvent: 'ohne eigenes Datum (Artikel vom {day})',
    eventsInArticle: '{count} Ereignisse in diesem Artikel',
    cluster: 'Reales Ereignis #{id}: {articles} Artikel aus {outlets} Medien, erste Meldung {first}, letzte {last}',
    reports: 'Meldungen',
    openReport: 'Meldung öffnen',
    according: 'laut {chain}',
    errors: {
      400: 'Die Anfrage war fehlerhaft.',
      404: 'Nicht gefunden.',
      422: 'Ungültige Filterwerte.',
      503: 'Die Datenbank ist nicht erreichbar.',
      date: '„{value}“ ist kein Datum (TT.MM.JJJJ).',
      network: 'Der Server antwortet nicht.',
      other: 'Fehler auf dem Server.',
    },
    errorPrefix: 'Fehler: {message}',
  },
  en: {
    title: 'lagebild – events',
    skip: 'Skip to the list of events',
    language: 'Language',
    switchLanguage: 'Deutsch',
    filters: 'Filters',
    country: 'Country',
    actor: 'Actor (name)',
    actorHint: 'name, several with commas',
    source: 'Source',
    target: 'Target',
    eitherDirection: 'either direction',
    type: 'Type',
    modality: 'Modality',
    since: 'from',
    until: 'to',
    dateHint: 'YYYY-MM-DD',
    place: 'Place',
    placeHint: 'name, several with commas',
    placeCountry: 'Country of the place',
    placeCountryHint: 'ISO3, e.g. UKR',
    reset: 'reset',
    all: 'all',
    multiHint: 'Ctrl/⌘ for several',
    timeline: 'Timeline: events per {bucket} and type',
    bucket: { day: 'day', week: 'week', month: 'month' },
    map: 'Places',
    graph: 'Actors: who acts on whom',
    results: 'Results',
    eventsTab: 'Events (per article)',
    clustersTab: 'Real-world events (clusters)',
    article: 'Article',
    articleHint: 'Choose an event to see its article with the evidence marked.',
    footer: 'JSON API: {docs} · Map geometry: Natural Earth (world-atlas)',
    summary: '{events} events in {clusters} real-world events',
    loading: 'loading …',
    export: 'Export what is filtered:',
    exportEvents: 'events',
    exportClusters: 'clusters',
    gdelt: 'GDELT',
    noEvents: 'No events for these filters.',
    noClusters: 'No real-world events for these filters.',
    paging: '{first}–{last} of {total}',
    previous: '← previous',
    next: 'next →',
    columns: {
      day: 'Day', type: 'Type', modality: 'Modality', source: 'Source', target: 'Target', place: 'Place',
      article: 'Article', articles: 'Articles', outlets: 'Outlets', last_report: 'Reports', card: 'Event',
    },
    sortBy: 'sort by {column}',
    undated: 'undated',
    published: 'publ. {day}',
    modalities: { asserted: 'asserted', planned: 'planned', possible: 'possible', negated: 'negated' },
    classes: { cooperation: 'cooperation', conflict: 'conflict' },
    legendGraph: 'line width = events; solid = cooperation, dashed = conflict',
    legendMap: 'circle area = events at the place; click or Enter filters by the place',
    withoutPlace: '{count} events without a place',
    edgesShown: 'The {shown} strongest of {total} links shown.',
    noEdges: 'No events with source and target for these filters.',
    noDated: 'No events for these filters.',
    zoomIn: 'zoom in', zoomOut: 'zoom out', zoomReset: 'whole map',
    asTable: 'as a table',
    period: 'Period',
    events: 'Events',
    timelineSummary: '{events} events from {first} to {last}, {undated} of them without a date of their own (counted on the day of publication). Enter on a period filters to it.',
    mapSummary: '{places} places with {events} events; {without} events without a place.',
    graphSummary: '{edges} links between {nodes} parties.',
    eventsAt: '{label}: {count} events',
    edgeLabel: '{source} → {target}: {cooperation} cooperation, {conflict} conflict',
    record: {
      class: 'Class', modality: 'Modality', source: 'Source', target: 'Target', time: 'Time', place: 'Place',
      attribution: 'Attribution', mode: 'Mode', cluster: 'Cluster', evidence: 'Evidence',
    },
    ownVoice: "the outlet's own voice",
    undatedEvent: 'no date of its own (article of {day})',
    eventsInArticle: '{count} events in this article',
    cluster: 'Real-world event #{id}: {articles} articles from {outlets} outlets, first report {first}, last {last}',
    reports: 'Reports',
    openReport: 'open report',
    according: 'according to {chain}',
    errors: {
      400: 'The request was malformed.',
      404: 'Not found.',
      422: 'Invalid filter values.',
      503: 'The database cannot be reached.',
      date: '“{value}” is not a date (YYYY-MM-DD).',
      network: 'The server does not answer.',
      other: 'Error on the server.',
    },
    errorPrefix: 'Error: {message}',
  },
};

export const LANGUAGES = Object.keys(MESSAGES);

// Read once: changing the language loads the page anew (the switch is a link).
const PAGE_LANGUAGE = (() => {
  const lang = new URLSearchParams(window.location.search).get('lang');
  return LANGUAGES.includes(lang) ? lang : 'de';
})();

export function currentLanguage() {
  return PAGE_LANGUAGE;
}

let plover = [];

export function setPlover(table) {
  plover = table;
}

function lookup(path) {
  return path.split('.').reduce((node, key) => (node == null ? node : node[key]), MESSAGES[currentLanguage()]);
}

// t('paging', {first: 1}) fills {first}; a missing key shows itself, so it is seen and fixed.
export function t(path, values = {}) {
  const text = lookup(path);
  if (typeof text !== 'string') return path;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
}

export function typeLabel(type) {
  const row = plover.find((entry) => entry.name === type);
  return row ? row[`label_${currentLanguage()}`] : type;
}

export function modeLabel(type, mode) {
  if (!mode) return '';
  const row = plover.find((entry) => entry.name === type);
  const found = row?.modes.find((entry) => entry.name === mode);
  return found ? found[`label_${currentLanguage()}`] : mode;
}

export function modalityLabel(modality) {
  return lookup(`modalities.${modality}`) || modality;
}

export function classLabel(eventClass) {
  return lookup(`classes.${eventClass}`) || eventClass;
}

// Days are ISO strings (YYYY-MM-DD) in the API; German shows and takes dd.mm.yyyy.
export function formatDay(day) {
  if (!day) return '–';
  if (currentLanguage() !== 'de') return day;
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

export function parseDay(text) {
  const value = text.trim();
  if (!value) return '';
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parts = german ? [german[3], german[2], german[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const day = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  const check = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== day ? null : day;
}

export function formatRange(first, last) {
  if (!first) return '–';
  return !last || last === first ? formatDay(first) : `${formatDay(first)} – ${formatDay(last)}`;
}

const numberFormats = new Map(); // one Intl.NumberFormat per language: making one is slow

export function formatNumber(count) {
  const lang = currentLanguage();
  if (!numberFormats.has(lang)) numberFormats.set(lang, new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB'));
  return numberFormats.get(lang).format(count);
}

// The page's fixed words: elements carry data-i18n="key" (text) or data-i18n-attr="attr:key".
export function translatePage(root = document) {
  document.documentElement.lang = currentLanguage();
  document.title = t('title');
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(' ')) {
      const [attribute, key] = pair.split(':');
      node.setAttribute(attribute, t(key));
    }
  }
}
