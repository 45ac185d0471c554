import t from 'tap';
import fc from 'fast-check';
import { createAccountRisk } from '../engine/risk/mod.ts';
import { budgetCmds, BudgetModel, limitsArb } from './helpers/risk-budget-model.ts';

const cmd = fc.oneof(...budgetCmds([4, 2, 2, 1]));

t.test('property: any sequence of reserve/commit/release/close matches a sequential model and keeps every limit', async (t) => {
  let checked = 0;
  fc.assert(fc.property(limitsArb, fc.array(cmd, { maxLength: 60 }), (limits, cmds) => {
    const acct = createAccountRisk(limits, ['EUR_USD', 'USD_JPY']);
    const maxPos = limits.max_position_units ?? 2147483647;
    const maxTrades = limits.max_open_trades ?? 2147483647;
    const model = new BudgetModel(acct);
    for (const c of cmds) {
      model.step(c, limits);
      const s = model.check(c);
      if (s.openTrades > maxTrades || s.instruments.some((i) => i.longBound > maxPos || i.shortBound < -maxPos)) throw new Error(`limit exceeded after ${JSON.stringify(c)}`);
    }
    model.finish();
    checked++;
    return true;
  }), { numRuns: 300 });
  t.equal(checked, 300);
});
