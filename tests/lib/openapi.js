// Loads src/http/openapi.json and checks HTTP responses against it: the operation
// must exist for the method and path, the status must be documented, required
// headers must be present, and a JSON body must match the documented schema.
// This is what keeps the document and the server from drifting apart.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OPENAPI_PATH = resolve(REPO_ROOT, 'src', 'http', 'openapi.json');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const COMPONENT_SCHEMAS_ID = 'urn:textura:openapi:schemas';

export function loadDocument(path = OPENAPI_PATH) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// Matches a concrete path against an OpenAPI path template such as
// /api/v1/tickets/{id}. Returns the parameters, or null when it does not match.
export function matchPathTemplate(template, pathname) {
  const templateSegments = template.split('/');
  const pathSegments = pathname.split('/');
  if (templateSegments.length !== pathSegments.length) return null;
  const params = {};
  for (let i = 0; i < templateSegments.length; i++) {
    const t = templateSegments[i];
    const p = pathSegments[i];
    const param = /^\{([^{}]+)\}$/.exec(t);
    if (param) {
      if (p === '') return null;
      let value;
      try {
        value = decodeURIComponent(p);
      } catch {
        return null;
      }
      params[param[1]] = value;
    } else if (t !== p) {
      return null;
    }
  }
  return params;
}

// The most specific template wins: fewer parameters first, so /tickets/summary
// beats /tickets/{id} (OpenAPI: concrete paths match before templated ones).
export function findPathTemplate(paths, pathname) {
  const candidates = [];
  for (const template of Object.keys(paths)) {
    const params = matchPathTemplate(template, pathname);
    if (params) candidates.push({ template, params, templated: Object.keys(params).length });
  }
  candidates.sort((a, b) => a.templated - b.templated);
  return candidates[0] ?? null;
}

export function resolveRef(doc, value) {
  let seen = 0;
  while (value && typeof value === 'object' && typeof value.$ref === 'string') {
    if (!value.$ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${value.$ref}`);
    let target = doc;
    for (const raw of value.$ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (target === undefined || target === null || !(key in target)) {
        throw new Error(`unresolvable $ref ${value.$ref}`);
      }
      target = target[key];
    }
    value = target;
    if (++seen > 32) throw new Error(`$ref cycle at ${value.$ref}`);
  }
  return value;
}

// Schemas refer to each other as #/components/schemas/X; Ajv gets them as one
// schema with $defs, so the references are rewritten to point there.
function rewriteSchemaRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteSchemaRefs);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        out[key] = `${COMPONENT_SCHEMAS_ID}#/$defs/${value.slice('#/components/schemas/'.length)}`;
      } else {
        out[key] = rewriteSchemaRefs(value);
      }
    }
    return out;
  }
  return node;
}

export function createAjv(options = {}) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true, ...options });
  addFormats(ajv);
  return ajv;
}

function mediaTypeOf(contentType) {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function headerValue(headers, name) {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function describeAjvErrors(errors) {
  return (errors ?? [])
    .map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`)
    .join('; ');
}

export class OpenApiValidator {
  constructor(doc = loadDocument()) {
    this.doc = doc;
    this.ajv = createAjv();
    this.ajv.addSchema({
      $id: COMPONENT_SCHEMAS_ID,
      $defs: rewriteSchemaRefs(doc.components?.schemas ?? {}),
    });
    this.compiled = new Map();
  }

  // Compiles (once) the schema found at `key` (any unique string).
  compile(key, schema) {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteSchemaRefs(schema));
      this.compiled.set(key, validate);
    }
    return validate;
  }

  // Returns {template, params, pathItem, operation, methods} or null when no path
  // template matches. operation is null when the path exists but not the method.
  findOperation(method, pathname) {
    const found = findPathTemplate(this.doc.paths ?? {}, pathname);
    if (!found) return null;
    const pathItem = resolveRef(this.doc, this.doc.paths[found.template]);
    const methods = HTTP_METHODS.filter((m) => pathItem[m]).map((m) => m.toUpperCase());
    const operation = pathItem[method.toLowerCase()] ?? null;
    return { ...found, pathItem, operation, methods };
  }

  // Returns a list of problems (empty when the response conforms).
  // response: {status, headers (lower-case keys, node style), body: Buffer}
  validateResponse(method, url, response) {
    const problems = [];
    const { pathname } = new URL(url, 'http://placeholder');
    const { status, headers, body } = response;
    if (status >= 500) problems.push(`status ${status}: a 5xx is a bug`);

    const found = this.findOperation(method, pathname);
    if (!found || !found.operation) {
      // Not an operation of the document: only the generic errors may answer.
      if (found) {
        if (status !== 405) {
          problems.push(`${method} ${found.template} is not documented, yet it answered ${status} (expected 405)`);
        } else {
          const allow = headerValue(headers, 'allow').join(',');
          const allowed = new Set(allow.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean));
          for (const m of found.methods) {
            if (!allowed.has(m)) problems.push(`405 Allow "${allow}" lacks documented method ${m}`);
          }
          for (const m of allowed) {
            if (m !== 'HEAD' && m !== 'OPTIONS' && !found.methods.includes(m)) {
              problems.push(`405 Allow "${allow}" names ${m}, which ${found.template} does not document`);
            }
          }
        }
      } else if (pathname === '/api' || pathname.startsWith('/api/')) {
        if (status !== 404 && status !== 405) {
          problems.push(`${method} ${pathname} matches no documented path, yet it answered ${status} (expected 404)`);
        }
      } else {
        return problems; // the web app and other non-API paths are not in the document
      }
      if (status === 404 || status === 405) {
        this.#checkJsonBody(problems, headers, body, this.doc.components.schemas.Error, 'components/schemas/Error');
      }
      return problems;
    }

    const responses = found.operation.responses ?? {};
    const key = String(status);
    // x-textura-any-operation-responses: what the transport may answer before routing.
    const anyOperation = this.doc['x-textura-any-operation-responses'] ?? {};
    let documented = responses[key] ?? responses[`${key[0]}XX`] ?? responses.default ?? anyOperation[key];
    if (!documented) {
      problems.push(
        `${method} ${found.template} answered ${status}, which is not documented (documented: ${Object.keys(responses).join(', ')})`,
      );
      return problems;
    }
    const pointer = `${method} ${found.template} ${key}`;
    documented = resolveRef(this.doc, documented);

    for (const [name, headerDef] of Object.entries(documented.headers ?? {})) {
      const def = resolveRef(this.doc, headerDef);
      const values = headerValue(headers, name);
      if (values.length === 0) {
        if (def.required) problems.push(`${pointer}: required header ${name} is missing`);
        continue;
      }
      if (def.schema) {
        const validate = this.compile(`${pointer} header ${name}`, def.schema);
        if (!values.some((v) => validate(v))) {
          problems.push(`${pointer}: header ${name}: ${JSON.stringify(values)} does not match ${JSON.stringify(def.schema)}`);
        }
      }
    }

    const content = documented.content;
    if (!content) {
      if (body.length > 0) problems.push(`${pointer}: documented without a body, yet the body has ${body.length} bytes`);
      return problems;
    }
    const mediaType = mediaTypeOf(headerValue(headers, 'content-type')[0]);
    // Media ranges (image/*, */*) document bodies of any such type (file downloads).
    const media = content[mediaType] ?? content[`${mediaType.split('/')[0]}/*`] ?? content['*/*'];
    if (!media) {
      problems.push(`${pointer}: Content-Type "${mediaType}" is not documented (documented: ${Object.keys(content).join(', ')})`);
      return problems;
    }
    if (mediaType === 'application/json' && media === content['application/json'] && media.schema) {
      this.#checkJsonBody(problems, headers, body, media.schema, pointer);
    }
    return problems;
  }

  #checkJsonBody(problems, headers, body, schema, pointer) {
    const mediaType = mediaTypeOf(headerValue(headers, 'content-type')[0]);
    if (mediaType !== 'application/json') {
      problems.push(`${pointer}: Content-Type is "${mediaType}", expected application/json`);
      return;
    }
    let parsed;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (e) {
      problems.push(`${pointer}: body is not JSON (${e.message}): ${body.toString('utf8').slice(0, 200)}`);
      return;
    }
    const validate = this.compile(`${pointer} body`, schema);
    if (!validate(parsed)) {
      problems.push(`${pointer}: body does not match the schema: ${describeAjvErrors(validate.errors)}`);
    }
  }
}

let shared;
export function sharedValidator() {
  shared ??= new OpenApiValidator();
  return shared;
}
