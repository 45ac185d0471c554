/**
 * What a REST route is: one declaration holds the method, the path (OpenAPI template syntax), who may
 * call it, the schemas of its input and output and the handler. The app mounts it and the OpenAPI
 * document is generated from the same list, so the two cannot drift apart.
 */
import type { JsonSchema } from './validate.ts';

export type Role = 'owner' | 'trader' | 'viewer';

/** Who is calling: from an access token or an API key. */
export interface Principal {
  userId: string;
  account: string;
  role: Role;
  via: 'token' | 'api_key';
  /** Stable digest of the credential: the per-token rate-limit bucket. */
  credential: string;
}

export interface RequestCtx {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** Null only on public routes. */
  principal: Principal | null;
  ip: string;
  userAgent: string;
}

export interface Reply {
  status?: number;
  body?: unknown;
  /** Sent as is with this content type instead of JSON (Prometheus text). */
  text?: { contentType: string; value: string };
}

export type Access =
  | 'public' // no credentials (auth, health, docs)
  | 'read' // any authenticated user of the account
  | 'write' // owner or trader
  | 'owner'; // the account owner only

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** Path parameter schemas (`{account}` is implied and checked against the caller's account). */
  params?: Record<string, JsonSchema>;
  query?: Record<string, JsonSchema>;
  body?: JsonSchema;
  response: { status: number; description: string; schema?: JsonSchema; contentType?: string };
  /** Not counted as a billable API call (health, metrics, docs). */
  unmetered?: boolean;
  /** Not rate limited (probes and scrapes). */
  unlimited?: boolean;
  handle(ctx: RequestCtx): Promise<Reply>;
}
