// The pipstream dashboard: plain browser JavaScript (no build step), a client of the public REST API
// (/v1) and the WebSocket (/v1/ws) only. Tokens live in sessionStorage (gone with the tab), never in
// localStorage or cookies. Every value from the server reaches the DOM through textContent, never as HTML.
'use strict';

const SESSION_KEY = 'pipstream.session';
const CANDLE_S = 60;
const SMA_PERIOD = 20;
const MAX_SIGNALS = 100;

const $ = (id) => document.getElementById(id);

let session = loadSession();
let socket = null;
let socketBackoffMs = 500;
let requestId = 0;
const pendingReplies = new Map();
let instrument = '';
/** Latest quote per instrument seen on the prices channel (marks positions). */
const quotes = new Map();

function loadSession() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    return null;
  }
}

function saveSession(s) {
  session = s;
  if (s === null) sessionStorage.removeItem(SESSION_KEY);
  else sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
}

// ---- REST --------------------------------------------------------------------------------------------

async function post(path, body) {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : JSON.parse(text) };
}

/** Exchanges the refresh token (rotated on every use); false when the session is over. */
async function refresh() {
  if (session === null) return false;
  const r = await post('/v1/auth/refresh', { refresh_token: session.refresh_token });
  if (r.status !== 200) return false;
  saveSession({ ...session, access_token: r.body.access_token, refresh_token: r.body.refresh_token });
  return true;
}

/** An authenticated GET; an expired access token is refreshed once, a failed refresh logs out. */
async function api(path) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await fetch(path, { headers: { authorization: `Bearer ${session.access_token}` } });
    if (res.status === 401 && attempt === 0 && await refresh()) continue;
    if (res.status === 401) {
      logout();
      throw new Error('session expired');
    }
    const body = await res.json();
    if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
    return body;
  }
  throw new Error('unreachable');
}

const accountPath = (rest) => `/v1/accounts/${encodeURIComponent(session.account)}/${rest}`;

// ---- login -------------------------------------------------------------------------------------------

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('login-error').textContent = '';
  $('login-submit').disabled = true;
  try {
    const r = await post('/v1/auth/login', { email: $('email').value, password: $('password').value });
    if (r.status !== 200) {
      $('login-error').textContent = r.body?.error?.message ?? `login failed (HTTP ${r.status})`;
      return;
    }
    saveSession({ access_token: r.body.access_token, refresh_token: r.body.refresh_token, account: '' });
    $('password').value = '';
    await start();
  } catch (err) {
    $('login-error').textContent = err.message;
  } finally {
    $('login-submit').disabled = false;
  }
});

$('logout').addEventListener('click', () => {
  if (session !== null) post('/v1/auth/logout', { refresh_token: session.refresh_token }).catch(() => {});
  logout();
});

function logout() {
  saveSession(null);
  if (socket !== null) {
    const s = socket;
    socket = null;
    s.close();
  }
  $('dashboard').hidden = true;
  $('login').hidden = false;
}

async function start() {
  const me = await api('/v1/me');
  saveSession({ ...session, account: me.account });
  $('who').textContent = `${me.email ?? me.user} (${me.role})`;
  $('login').hidden = true;
  $('dashboard').hidden = false;
  chart.ensure();
  const { instruments } = await api('/v1/instruments');
  const select = $('instrument');
  select.replaceChildren(...instruments.map((i) => new Option(i.name, i.name)));
  instrument = instruments.some((i) => i.name === 'EUR_USD') ? 'EUR_USD' : (instruments[0]?.name ?? '');
  select.value = instrument;
  connect();
  await Promise.all([loadConfirmations(), loadPositions(), loadSignals()]).catch((err) => setStatus(`load failed: ${err.message}`, 'down'));
}

$('instrument').addEventListener('change', (ev) => {
  const next = ev.target.value;
  if (next === instrument) return;
  // Without a connection there is nothing to change: the next connection subscribes the selected instrument.
  send({ op: 'unsubscribe', channel: 'prices', instrument }).catch(() => {});
  instrument = next;
  chart.reset();
  $('quote').textContent = 'no price yet';
  send({ op: 'subscribe', channel: 'prices', instrument }).catch(() => {});
});

// ---- WebSocket ---------------------------------------------------------------------------------------

function setStatus(text, kind) {
  const el = $('ws-status');
  el.textContent = text;
  el.className = `status ${kind}`;
}

/** Sends a request; the promise settles with the reply carrying its id. */
function send(message) {
  if (socket === null || socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error('not connected'));
  const id = ++requestId;
  socket.send(JSON.stringify({ ...message, id }));
  return new Promise((resolve, reject) => pendingReplies.set(id, { resolve, reject }));
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${scheme}//${location.host}/v1/ws?access_token=${encodeURIComponent(session.access_token)}`);
  socket = ws;
  setStatus('connecting', '');
  ws.addEventListener('open', () => {
    socketBackoffMs = 500;
    setStatus('subscribing', '');
    const subscribed = ['signals', 'confirmations', 'positions'].map((channel) => send({ op: 'subscribe', channel }));
    if (instrument !== '') subscribed.push(send({ op: 'subscribe', channel: 'prices', instrument }));
    // Live only once the gateway has acknowledged every subscription: from then on nothing is missed.
    Promise.all(subscribed).then(() => setStatus('live', 'live'), (err) => setStatus(`subscribe failed: ${err.message}`, 'down'));
  });
  ws.addEventListener('message', (ev) => onMessage(JSON.parse(ev.data)));
  ws.addEventListener('close', async () => {
    for (const p of pendingReplies.values()) p.reject(new Error('connection closed'));
    pendingReplies.clear();
    if (socket !== ws) return; // logged out or replaced
    setStatus('reconnecting', 'down');
    // The upgrade is refused once the access token has expired: a fresh one first, then back off.
    await new Promise((r) => setTimeout(r, socketBackoffMs));
    socketBackoffMs = Math.min(socketBackoffMs * 2, 15_000);
    if (socket !== ws) return;
    if (!(await refresh())) return logout();
    connect();
  });
}

function onMessage(m) {
  if (m.channel === undefined || 'id' in m) {
    const waiter = pendingReplies.get(m.id);
    if (waiter === undefined) return;
    pendingReplies.delete(m.id);
    if (m.ok) waiter.resolve(m);
    else waiter.reject(new Error(m.error?.message ?? 'request failed'));
    return;
  }
  switch (m.channel) {
    case 'prices': return onPrice(m);
    case 'signals': return addSignal(m.data);
    case 'confirmations': return onConfirmation(m.data);
    case 'positions': return onPosition(m.data);
  }
}

// ---- chart: 1-minute mid candles built from ticks, SMA(20) of the closes --------------------------------

const chart = {
  api: null,
  candles: null,
  sma: null,
  /** Candle data, oldest first; the last one is still forming. */
  bars: [],
  ticks: 0,

  ensure() {
    if (this.api !== null) return;
    const LC = window.LightweightCharts;
    // The attribution logo injects an inline <style>, which the CSP forbids: the page credits TradingView in text.
    this.api = LC.createChart($('chart'), {
      autoSize: true,
      layout: { attributionLogo: false, background: { color: '#ffffff' }, textColor: '#1d232b' },
      timeScale: { timeVisible: true, secondsVisible: false },
    });
    this.candles = this.api.addSeries(LC.CandlestickSeries, { priceFormat: { type: 'price', precision: 5, minMove: 0.00001 } });
    this.sma = this.api.addSeries(LC.LineSeries, { color: '#2962ff', lineWidth: 2, priceLineVisible: false, lastValueVisible: false,
      priceFormat: { type: 'price', precision: 5, minMove: 0.00001 } });
  },

  reset() {
    this.bars = [];
    this.ticks = 0;
    this.candles.setData([]);
    this.sma.setData([]);
    this.publish();
  },

  /** Tick time decides the candle; a tick older than the forming candle (another feed, a replay) is ignored. */
  tick(timeMs, mid) {
    const time = Math.floor(timeMs / 1000 / CANDLE_S) * CANDLE_S;
    const last = this.bars[this.bars.length - 1];
    if (last !== undefined && time < last.time) return;
    let bar;
    if (last !== undefined && time === last.time) {
      bar = last;
      bar.high = Math.max(bar.high, mid);
      bar.low = Math.min(bar.low, mid);
      bar.close = mid;
    } else {
      bar = { time, open: mid, high: mid, low: mid, close: mid };
      this.bars.push(bar);
      // Enough history for the SMA and a screen of candles; older ones are dropped.
      if (this.bars.length > 2000) this.bars.splice(0, this.bars.length - 2000);
    }
    this.ticks++;
    this.candles.update({ ...bar });
    if (this.bars.length >= SMA_PERIOD) {
      let sum = 0;
      for (let i = this.bars.length - SMA_PERIOD; i < this.bars.length; i++) sum += this.bars[i].close;
      this.sma.update({ time, value: sum / SMA_PERIOD });
    }
    this.publish();
  },

  /** What the chart shows, as attributes (tests and tooling read them; a canvas has no DOM). */
  publish() {
    const el = $('chart');
    const last = this.bars[this.bars.length - 1];
    el.dataset.candles = String(this.bars.length);
    el.dataset.ticks = String(this.ticks);
    if (last === undefined) {
      delete el.dataset.lastTime;
      delete el.dataset.lastClose;
    } else {
      el.dataset.lastTime = String(last.time);
      el.dataset.lastClose = String(last.close);
    }
  },
};

function onPrice(m) {
  quotes.set(m.instrument, { bid: m.bid, ask: m.ask, timeMs: m.time_ms });
  if (m.instrument !== instrument) return;
  const mid = (m.bid + m.ask) / 2;
  chart.tick(m.time_ms, mid);
  const at = new Date(m.time_ms);
  if (Number.isNaN(at.getTime())) return;
  $('quote').textContent = `${m.bid.toFixed(5)} / ${m.ask.toFixed(5)} at ${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  if (positions.has(m.instrument)) schedulePositions();
}

// ---- signals -----------------------------------------------------------------------------------------

const SIGNAL_KINDS = { SIGNAL_ALERT: 'alert', SIGNAL_PENDING_CONFIRMATION: 'confirm', SIGNAL_AUTO_EXECUTE: 'execute' };

function addSignal(s, atEnd = false) {
  const li = document.createElement('li');
  li.dataset.id = s.id;
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = SIGNAL_KINDS[s.type] ?? s.type ?? s.mode ?? 'signal';
  const time = s.time_ms ?? Date.parse(s.time);
  const text = [s.instrument, s.side ?? '', s.units ? `${s.units} u` : '', Number.isFinite(Number(s.price)) ? `@ ${Number(s.price).toFixed(5)}` : '',
    Number.isFinite(time) ? new Date(time).toISOString().slice(0, 19).replace('T', ' ') : '', s.workflow_id ? `(${s.workflow_id})` : ''];
  li.append(kind, document.createTextNode(text.filter((x) => x !== '').join(' ')));
  const list = $('signal-list');
  if (atEnd) list.append(li);
  else list.prepend(li);
  while (list.children.length > MAX_SIGNALS) list.lastElementChild.remove();
}

async function loadSignals() {
  const { signals } = await api(accountPath('signals?limit=20'));
  for (const s of signals) if ($('signal-list').querySelector(`li[data-id="${CSS.escape(s.id)}"]`) === null) addSignal(s, true);
}

// ---- pending confirmations ---------------------------------------------------------------------------

/** Signal id (what confirm/reject name) -> { instrument, side, units, bid, ask, expiresMs, state }. */
const confirmations = new Map();

function onConfirmation(u) {
  if (u.state !== 'PENDING_CONFIRMATION') {
    confirmations.delete(u.signalId);
    renderConfirmations();
    return;
  }
  confirmations.set(u.signalId, { instrument: u.instrument, side: u.side, units: u.units, bid: u.bid, ask: u.ask, expiresMs: u.expiresMs, note: '' });
  renderConfirmations();
}

async function loadConfirmations() {
  const { confirmations: rows } = await api(accountPath('confirmations'));
  for (const r of rows) {
    if (confirmations.has(r.id)) continue;
    confirmations.set(r.id, { instrument: r.instrument, side: r.side, units: Number(r.units), bid: null, ask: null,
      expiresMs: r.expires_at ? Date.parse(r.expires_at) : null, note: '' });
  }
  renderConfirmations();
}

async function decide(id, op) {
  const c = confirmations.get(id);
  if (c === undefined) return;
  c.busy = true;
  c.note = op === 'confirm' ? 'confirming' : 'rejecting';
  renderConfirmations();
  try {
    const reply = await send({ op, order: id });
    const r = reply.result;
    if (r.ok) {
      confirmations.delete(id);
    } else {
      c.note = r.reason ?? r.state ?? 'refused';
      c.busy = false;
    }
  } catch (err) {
    c.note = err.message;
    c.busy = false;
  }
  renderConfirmations();
}

const secondsLeft = (c) => (c.expiresMs === null ? null : Math.max(0, Math.ceil((c.expiresMs - Date.now()) / 1000)));

function renderConfirmations() {
  const body = $('confirmation-rows');
  const rows = [];
  for (const [id, c] of confirmations) {
    const tr = document.createElement('tr');
    tr.dataset.id = id;
    const left = secondsLeft(c);
    const expired = left === 0;
    const cells = [c.instrument, c.side ?? '', String(c.units),
      c.bid === null ? '' : `${Number(c.bid).toFixed(5)} / ${Number(c.ask).toFixed(5)}`,
      left === null ? '' : (expired ? 'expired' : `${left} s`)];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    tr.children[4].className = 'countdown';
    const actions = document.createElement('td');
    actions.className = 'actions';
    for (const [op, label] of [['confirm', 'Confirm'], ['reject', 'Reject']]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = op;
      b.textContent = label;
      b.disabled = c.busy === true || expired;
      b.addEventListener('click', () => decide(id, op));
      actions.append(b);
    }
    if (c.note !== '') actions.append(document.createTextNode(c.note));
    tr.append(actions);
    if (expired) tr.className = 'settled';
    rows.push(tr);
  }
  body.replaceChildren(...rows);
  $('confirmations-empty').hidden = rows.length > 0;
}

// The countdown only: each row's text is refreshed in place, so a click is never lost to a re-render.
setInterval(() => {
  for (const tr of $('confirmation-rows').children) {
    const c = confirmations.get(tr.dataset.id);
    if (c === undefined) continue;
    const left = secondsLeft(c);
    if (left === null) continue;
    tr.querySelector('.countdown').textContent = left === 0 ? 'expired' : `${left} s`;
    if (left === 0 && !tr.classList.contains('settled')) {
      tr.classList.add('settled');
      for (const b of tr.querySelectorAll('button')) b.disabled = true;
    }
  }
}, 1000);

// ---- positions and P&L -------------------------------------------------------------------------------

/** Instrument -> { units (long > 0), avgPrice, realized }. */
const positions = new Map();

function onPosition(p) {
  positions.set(p.instrument, { units: p.units, avgPrice: p.avgPrice, realized: p.realized });
  renderPositions();
}

async function loadPositions() {
  const [{ positions: rows }, { pnl }] = await Promise.all([api(accountPath('positions')), api(accountPath('pnl?limit=1'))]);
  for (const r of rows) {
    if (!positions.has(r.instrument)) positions.set(r.instrument, { units: Number(r.units), avgPrice: Number(r.avg_price), realized: Number(r.realized) });
  }
  const last = pnl[0];
  $('pnl').textContent = last === undefined ? ''
    : `Last sample ${String(last.time).slice(0, 19)}: balance ${fmt(last.balance)}, equity ${fmt(last.equity)}, day ${fmt(last.daily_pnl)}, drawdown ${Number(last.drawdown_pct).toFixed(2)} %`;
  renderPositions();
}

const fmt = (x) => Number(x).toFixed(2);

function signed(td, x) {
  td.textContent = fmt(x);
  td.className = x > 0 ? 'pos' : x < 0 ? 'neg' : '';
}

let positionsQueued = false;

/** Ticks can arrive by the thousand per second: the positions table is re-marked once per frame at most. */
function schedulePositions() {
  if (positionsQueued) return;
  positionsQueued = true;
  requestAnimationFrame(() => {
    positionsQueued = false;
    renderPositions();
  });
}

function renderPositions() {
  const rows = [];
  let realized = 0;
  let unrealized = 0;
  let marked = true;
  for (const [name, p] of [...positions].sort(([a], [b]) => a.localeCompare(b))) {
    const tr = document.createElement('tr');
    tr.dataset.instrument = name;
    const q = quotes.get(name);
    const open = p.units !== 0 ? (q === undefined ? null : p.units * ((q.bid + q.ask) / 2 - p.avgPrice)) : 0;
    const tds = Array.from({ length: 5 }, () => document.createElement('td'));
    tds[0].textContent = name;
    tds[1].textContent = String(p.units);
    tds[1].className = 'units';
    tds[2].textContent = p.units === 0 ? '' : Number(p.avgPrice).toFixed(5);
    signed(tds[3], p.realized);
    if (open === null) {
      tds[4].textContent = 'no price';
      marked = false;
    } else {
      signed(tds[4], open);
      unrealized += open;
    }
    realized += p.realized;
    tr.append(...tds);
    rows.push(tr);
  }
  const total = document.createElement('tr');
  total.className = 'total';
  const label = document.createElement('td');
  label.textContent = 'Total';
  label.colSpan = 3;
  const r = document.createElement('td');
  const u = document.createElement('td');
  signed(r, realized);
  if (marked) signed(u, unrealized);
  else u.textContent = 'partly unpriced';
  total.append(label, r, u);
  if (rows.length > 0) rows.push(total);
  $('position-rows').replaceChildren(...rows);
}

// ---- boot --------------------------------------------------------------------------------------------

if (session === null) {
  $('login').hidden = false;
} else {
  start().catch(() => logout());
}
