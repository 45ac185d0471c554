// One thread of test/risk-limits-live.test.ts: random instrument checks, reserve / commit / release /
// closeTrades on shared account risk memory while the main thread changes the limits and halts. Every
// decision is checked against the limits of the version it was made under (the schedule is known: the
// limits of schedule[i] are version 2 + 2 i), and the committed effects are tallied so the test can
// prove that nothing leaked. Plain JavaScript: worker threads do not inherit tsx's loader hooks.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const {
  Reservation, attachAccountRisk, checkInstrumentOrder, instrumentChecks, release, reserve, RiskVerdict,
} = await import('../../engine/risk/mod.ts');
const { closeOne, settleOne, xorshift } = await import('./risk-random-ops.ts');

const job = workerData;
const account = attachAccountRisk(job.memory);
const control = new Int32Array(job.control);
const schedule = job.schedule;
const checks = account.instruments.map((name) => instrumentChecks(account, name));
const verdict = new RiskVerdict();

const stepOf = (version) => {
  const i = (version - 2) / 2;
  if (!Number.isInteger(i) || i < 0 || i >= schedule.length) throw new Error(`version ${version} was never applied`);
  return schedule[i];
};

const rng = xorshift(job.seed);
const { rand, randInt } = rng;

const result = {
  successes: 0, rejections: {}, checkRejections: {}, haltedRejections: 0, violations: [], position: account.instruments.map(() => 0),
  openTrades: 0, realizedMicros: 0, times: [], versions: [], versionsSeen: [], commits: 0, releases: 0, closes: 0,
};
const violation = (msg) => {
  result.violations.push(msg);
  if (result.violations.length > 20) throw new Error(result.violations.join('\n'));
};

/** Instrument checks ran under some version between `before` and `after`: the outcome must fit one of them. */
function checkFits(slot, units, passed, before, after) {
  const name = account.instruments[slot];
  const size = Math.abs(units);
  for (let v = before; v <= after; v += 2) {
    const l = stepOf(v).limits;
    const allowed = l.instruments === undefined || l.instruments.includes(name);
    const spreadOk = l.max_spread_pips === undefined || job.spreadPips <= l.max_spread_pips + 1e-9;
    const unitsOk = l.max_order_units === undefined || size <= l.max_order_units;
    if (passed ? allowed && spreadOk && unitsOk
      : verdict.reason === 'INSTRUMENT_NOT_ALLOWED' ? !allowed
        : verdict.reason === 'MAX_ORDER_UNITS' ? allowed && verdict.limit === l.max_order_units && size > l.max_order_units
          : verdict.reason === 'MAX_SPREAD' ? allowed && unitsOk && verdict.limit === l.max_spread_pips : false) return;
  }
  violation(`instrument check ${passed ? 'passed' : verdict.reason} for ${units} ${name} fits no version in ${before}..${after}`);
}

/** A reservation decided under res.limitsVersion: its figures must respect exactly those limits. */
function checkReservation(res) {
  const step = stepOf(res.limitsVersion);
  const l = step.limits;
  const maxPos = l.max_position_units ?? 2147483647;
  const maxTrades = l.max_open_trades ?? 2147483647;
  const rate = l.max_orders_per_minute ?? 0;
  if (res.pending) {
    if (step.halt) violation(`reserved under version ${res.limitsVersion}, which was in force only while halted`);
    if (res.exposure > maxPos) violation(`exposure ${res.exposure} > ${maxPos} (version ${res.limitsVersion})`);
    if (res.openTrades > maxTrades) violation(`open trades ${res.openTrades} > ${maxTrades} (version ${res.limitsVersion})`);
    return;
  }
  const ok = res.reason === 'MAX_POSITION' ? res.limit === maxPos && res.value > maxPos
    : res.reason === 'MAX_OPEN_TRADES' ? res.limit === maxTrades && res.value > maxTrades
      : res.reason === 'ORDER_RATE' ? res.limit === rate && rate > 0
        : res.reason === 'ACCOUNT_HALTED';
  if (!ok) violation(`${res.reason} limit ${res.limit} value ${res.value} does not fit version ${res.limitsVersion}`);
}

const outstanding = [];
const spare = [];
let lastVersion = -1;
/** Versions this thread has seen, in order: they never go back. */
function seen(version) {
  if (version < lastVersion) violation(`version went back from ${lastVersion} to ${version}`);
  if (version !== lastVersion) result.versionsSeen.push(version);
  lastVersion = version;
}

parentPort.postMessage({ ready: true });
Atomics.wait(control, 0, 0);
while (Atomics.load(control, 2) === 0) {
  const op = rand();
  if (op < 0.5 && outstanding.length < job.maxOutstanding) {
    const slot = randInt(0, account.instruments.length - 1);
    const units = randInt(1, job.maxUnits) * (rand() < 0.5 ? -1 : 1);
    const before = account.limitsVersion;
    seen(before);
    const passed = checkInstrumentOrder(checks[slot], job.bid, job.bid + job.spreadPips * checks[slot].pipSize, units, verdict);
    checkFits(slot, units, passed, before, account.limitsVersion);
    if (!passed) {
      result.checkRejections[verdict.reason] = (result.checkRejections[verdict.reason] ?? 0) + 1;
      continue;
    }
    const nowMs = Atomics.add(control, 1, 1) * job.msPerTick;
    const res = reserve(account, slot, units, nowMs, spare.pop() ?? new Reservation());
    seen(res.limitsVersion);
    checkReservation(res);
    if (res.pending) {
      result.successes++;
      result.times.push(res.timeMs);
      result.versions.push(res.limitsVersion);
      outstanding.push(res);
    } else {
      result.rejections[res.reason] = (result.rejections[res.reason] ?? 0) + 1;
      if (res.reason === 'ACCOUNT_HALTED') result.haltedRejections++;
      spare.push(res);
    }
  } else if (op < 0.8 && outstanding.length > 0) {
    settleOne(account, outstanding, spare, result, rng);
  } else if (result.openTrades > 0) {
    closeOne(account, result, rng);
  }
}
for (const res of outstanding) release(account, res);
result.releases += outstanding.length;
parentPort.postMessage({ result });
