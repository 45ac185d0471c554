import t from 'tap';
import { testGateway } from './helpers/gateway.ts';

t.test('register, login, refresh rotation with reuse detection, logout', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const a = await g.register('Trader@Example.com');
  t.match(a, { account: /^acct_/, access_token: String, refresh_token: String });

  t.equal((await g.register('trader@example.com').catch((e: Error) => e.message)).toString().includes('409'), true, 'email taken (case-insensitive)');
  t.equal((await g.call('POST', '/v1/auth/login', { body: { email: 'trader@example.com', password: 'wrong password!' } })).status, 401);
  t.equal((await g.call('POST', '/v1/auth/login', { body: { email: 'nobody@example.com', password: 'correct horse battery' } })).status, 401);
  const login = await g.call('POST', '/v1/auth/login', { body: { email: 'trader@example.com', password: 'correct horse battery' } });
  t.equal(login.status, 200);
  t.equal((await g.call('GET', '/v1/me', { token: login.body.access_token })).body.account, a.account);

  const r1 = await g.call('POST', '/v1/auth/refresh', { body: { refresh_token: login.body.refresh_token } });
  t.equal(r1.status, 200, 'first use rotates');
  t.not(r1.body.refresh_token, login.body.refresh_token);
  const r2 = await g.call('POST', '/v1/auth/refresh', { body: { refresh_token: r1.body.refresh_token } });
  t.equal(r2.status, 200, 'the rotated token works');

  const reuse = await g.call('POST', '/v1/auth/refresh', { body: { refresh_token: login.body.refresh_token } });
  t.equal(reuse.status, 401);
  t.equal(reuse.body.error.code, 'PS_REFRESH_REUSED');
  const after = await g.call('POST', '/v1/auth/refresh', { body: { refresh_token: r2.body.refresh_token } });
  t.equal(after.status, 401, 'the whole family is revoked, the newest token too');

  // Another login's family is untouched; logout revokes it.
  const other = await g.call('POST', '/v1/auth/refresh', { body: { refresh_token: a.refresh_token } });
  t.equal(other.status, 200);
  t.equal((await g.call('POST', '/v1/auth/logout', { body: { refresh_token: other.body.refresh_token } })).status, 204);
  t.equal((await g.call('POST', '/v1/auth/refresh', { body: { refresh_token: other.body.refresh_token } })).status, 401);
  t.equal((await g.call('POST', '/v1/auth/refresh', { body: { refresh_token: 'made-up' } })).status, 401);
});

t.test('access tokens: missing, forged, expired', async (t) => {
  const g = await testGateway(t, { accessTtlS: 1 });
  if (!g) return;
  const a = await g.register();
  t.equal((await g.call('GET', '/v1/me')).status, 401);
  const [h, p] = a.access_token.split('.');
  t.equal((await g.call('GET', '/v1/me', { token: `${h}.${p}.forged` })).status, 401);
  const forgedClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), acct: 'acct-other' })).toString('base64url');
  t.equal((await g.call('GET', '/v1/me', { token: `${h}.${forgedClaims}.${a.access_token.split('.')[2]}` })).status, 401, 'changed claims fail the signature');
  await new Promise((r) => setTimeout(r, 2100));
  const expired = await g.call('GET', '/v1/me', { token: a.access_token });
  t.equal(expired.status, 401);
  t.match(expired.body.error.message, /expired/);
});

t.test('API keys: created once, stored hashed, usable, listed without secret, revoked', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const a = await g.register();
  const created = await g.call('POST', `/v1/accounts/${a.account}/api-keys`, { token: a.access_token, body: { name: 'bot' } });
  t.equal(created.status, 201);
  t.match(created.body.key, /^psk_[0-9a-f]{32}_/);
  const stored = await g.sql`select key_hash from api_keys where id = ${created.body.id}`;
  // The secret is base64url, so it may itself contain '_': it is everything after the id.
  const secret = created.body.key.slice('psk_'.length + 32 + 1);
  t.equal(secret.length, 43);
  t.notOk(stored[0].key_hash.toString('utf8').includes(secret), 'only a digest is stored');
  const me = await g.call('GET', '/v1/me', { token: created.body.key });
  t.equal(me.status, 200);
  t.equal(me.body.via, 'api_key');
  t.equal((await g.call('POST', `/v1/accounts/${a.account}/api-keys`, { token: created.body.key, body: { name: 'x' } })).status, 403, 'a key cannot mint keys');
  const listed = await g.call('GET', `/v1/accounts/${a.account}/api-keys`, { token: a.access_token });
  t.equal(listed.body.api_keys.length, 1);
  t.notOk(JSON.stringify(listed.body).includes('psk_'));
  t.equal((await g.call('DELETE', `/v1/accounts/${a.account}/api-keys/${created.body.id}`, { token: a.access_token })).status, 204);
  t.equal((await g.call('GET', '/v1/me', { token: created.body.key })).status, 401);
  t.equal((await g.call('GET', '/v1/me', { token: 'psk_nonsense' })).status, 401);
});

t.test('bad input is a 4xx with a message, never a 500', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const cases: [string, string, { raw?: string; body?: unknown; headers?: Record<string, string> }, number][] = [
    ['POST', '/v1/auth/register', { raw: '{not json' }, 400],
    ['POST', '/v1/auth/register', { body: { email: 'a@b.c' } }, 400],
    ['POST', '/v1/auth/register', { body: { email: 'not-an-email', password: 'correct horse battery' } }, 400],
    ['POST', '/v1/auth/register', { body: { email: 'a@b.c', password: 'short' } }, 400],
    ['POST', '/v1/auth/register', { body: { email: 'a@b.c', password: 'correct horse battery', admin: true } }, 400],
    ['POST', '/v1/auth/register', { body: [1, 2] }, 400],
    ['POST', '/v1/auth/register', { body: null }, 400],
    ['POST', '/v1/auth/login', { raw: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400],
    ['POST', '/v1/auth/refresh', { body: { refresh_token: 42 } }, 400],
    ['POST', '/v1/auth/login', { raw: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(70_000) }) }, 413],
  ];
  for (const [method, path, o, status] of cases) {
    const r = await g.call(method, path, o);
    t.equal(r.status, status, `${method} ${path} ${o.raw?.slice(0, 20) ?? JSON.stringify(o.body)}`);
    t.type(r.body?.error?.message, 'string');
  }
  const missing = await g.call('POST', '/v1/auth/register', { body: { password: 'correct horse battery' } });
  t.same(missing.body.error.details.errors, [{ path: '/email', message: "must have required property 'email'" }], 'JSON paths');
});
