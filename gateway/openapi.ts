/**
 * The OpenAPI 3.1 document, generated from the same route declarations the app mounts (schemas included),
 * so what is documented is what runs; test/gateway-openapi.test.ts checks every documented route answers.
 */
import type { RouteDef } from './http/route.ts';
import { S } from './http/validate.ts';
import { WS_PATH } from './ws/socket.ts';

const errorSchema = {
  type: 'object', required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: {
    code: { type: 'string' }, message: { type: 'string' },
    details: { type: 'object', properties: { errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } } },
  } } },
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function openApiDocument(routes: readonly RouteDef[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const parameters = [
      ...names.map((n) => ({ name: n, in: 'path', required: true, schema: n === 'account' ? S.account : r.params?.[n] ?? { type: 'string' } })),
      ...Object.entries(r.query ?? {}).map(([n, schema]) => ({ name: n, in: 'query', required: false, schema })),
    ];
    const responses: Record<string, unknown> = {
      [String(r.response.status)]: r.response.schema === undefined && r.response.contentType === undefined
        ? { description: r.response.description }
        : { description: r.response.description, content: { [r.response.contentType ?? 'application/json']: { schema: r.response.schema ?? { type: 'string' } } } },
    };
    if (r.body !== undefined || parameters.length > 0) responses['400'] = errorResponse('invalid input (details.errors carries JSON paths)');
    if (r.access !== 'public') {
      responses['401'] = errorResponse('missing or invalid credentials');
      responses['404'] = errorResponse("not found in the caller's account");
    }
    if (r.access === 'write' || r.access === 'owner') responses['403'] = errorResponse('the role may not do this');
    if (r.unlimited !== true) responses['429'] = errorResponse('rate limited; see Retry-After');
    (paths[r.path] ??= {})[r.method] = {
      operationId: `${r.method}${r.path.replace(/[{}]/g, '').split(/[/-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`,
      summary: r.summary,
      tags: [r.tag],
      ...(r.access === 'public' ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body !== undefined ? { requestBody: { required: true, content: { 'application/json': { schema: r.body } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'pipstream gateway', version: '1',
      description: `REST API of pipstream (DESIGN.md §10). The WebSocket endpoint is ${WS_PATH} (see gateway/README.md); `
        + 'the dashboard at / (static files under /dashboard/ and /vendor/) is a client of this API, not part of it.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      schemas: { Error: errorSchema },
    },
  };
}
