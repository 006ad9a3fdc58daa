// /docs: the OpenAPI schema (/openapi.json) as a readable list of operations, served from
// the package (no CDN, so no Swagger UI: the schema itself is the reference).
import { clear, el } from './dom.js';

function schemaText(schema = {}) {
  if (schema.enum) return schema.enum.join(' | ');
  if (schema.anyOf) return schema.anyOf.map(schemaText).join(' or ');
  if (schema.$ref) return schema.$ref.split('/').pop();
  if (schema.type === 'array') return `list of ${schemaText(schema.items)}`;
  const limits = ['minimum', 'maximum', 'maxLength'].filter((key) => key in schema).map((key) => `${key} ${schema[key]}`);
  return [schema.format || schema.type || 'any', ...limits].join(', ');
}

function parameterTable(parameters) {
  if (!parameters?.length) return el('p', { class: 'meta', text: 'no parameters' });
  return el('table', { class: 'parameters' },
    el('thead', {}, el('tr', {}, ['name', 'in', 'type', 'description'].map((name) => el('th', { text: name })))),
    el('tbody', {}, parameters.map((parameter) => el('tr', {},
      el('td', {}, el('code', { text: parameter.name + (parameter.required ? ' *' : '') })),
      el('td', { text: parameter.in }),
      el('td', { text: schemaText(parameter.schema) }),
      el('td', { text: parameter.description || parameter.schema?.description || '' })))));
}

function operation(path, method, spec) {
  const responses = Object.entries(spec.responses || {}).map(([code, response]) => `${code} ${response.description}`);
  const bodyTypes = Object.keys(spec.requestBody?.content || {});
  return el('article', { class: 'operation' },
    el('h2', {}, el('code', { text: `${method.toUpperCase()} ${path}` })),
    el('p', { text: spec.summary || '' }),
    spec.description ? el('p', { class: 'meta', text: spec.description }) : null,
    parameterTable(spec.parameters),
    bodyTypes.length ? el('p', { class: 'meta', text: `body: ${bodyTypes.join(', ')}` }) : null,
    el('p', { class: 'meta', text: `responses: ${responses.join(' · ')}` }));
}

async function start() {
  const container = document.getElementById('operations');
  const schema = await (await fetch('/openapi.json')).json();
  clear(container);
  container.append(el('p', { text: schema.info.description || '' }));
  for (const [path, methods] of Object.entries(schema.paths)) {
    for (const [method, spec] of Object.entries(methods)) container.append(operation(path, method, spec));
  }
}

start();
