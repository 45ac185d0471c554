/**
 * The switchboard: every NATS subject, stream and service name pipstream uses,
 * in one place (DESIGN.md §3). Nothing else builds subject strings.
 */
const GiB = 1024 ** 3;

export const Streams = {
  // Single-token wildcards (not `>`) so that `<subject>.dlq` falls outside
  // these streams: JetStream refuses overlapping stream subjects.
  // Every stream is bounded by size as well as age, oldest dropped first: the server reserves each
  // stream's bytes, so a busy stream can never fill its store and make every other stream refuse
  // publishes. PostgreSQL is the archive; the sizes sum to 10.3125 GiB (BusOptions.streamMaxBytes).
  // Ticks are the bulk of the journal (~550 bytes each stored).
  PRICES: { name: 'PRICES', subjects: ['prices.forex.*'], maxBytes: 4 * GiB },
  SIGNALS: { name: 'SIGNALS', subjects: ['workflow.signals.*'], maxBytes: GiB },
  RISK: { name: 'RISK', subjects: ['risk.decisions.*'], maxBytes: GiB },
  // ~1 KB per order event stored: 2 GiB hold about a million orders' lifecycles.
  ORDERS: { name: 'ORDERS', subjects: ['orders.lifecycle.*'], maxBytes: 2 * GiB },
  NOTIFY: { name: 'NOTIFY', subjects: ['notifications.events.*'], maxBytes: GiB / 4 },
  // Derived from ORDERS and PRICES by the node's portfolio: positions after fills, P&L sampled on tick time.
  PORTFOLIO: { name: 'PORTFOLIO', subjects: ['portfolio.positions.*', 'portfolio.pnl.*'], maxBytes: GiB },
  // Hot-path latency per node and interval (persisted as latency samples).
  METRICS: { name: 'METRICS', subjects: ['metrics.latency.*'], maxBytes: GiB / 8 },
  BILLING: { name: 'BILLING', subjects: ['billing.events.*'], maxBytes: GiB / 4 },
  EXTERNAL: { name: 'EXTERNAL', subjects: ['events.geo.raw', 'events.weather.raw', 'events.news.raw'], maxBytes: GiB / 4 },
  DISRUPTIONS: { name: 'DISRUPTIONS', subjects: ['disruption.events'], maxBytes: GiB / 8 },
  // Control announcements (a workflow version, an instrument registered): nodes read them from the stream, so
  // one that was disconnected when an announcement went out still gets it once it is back, and in order.
  CONTROL: { name: 'CONTROL', subjects: ['workflow.changed.*', 'instrument.registered'], maxBytes: GiB / 16 },
  DEAD_LETTERS: {
    name: 'DEAD_LETTERS',
    subjects: ['prices.forex.*.dlq', 'workflow.signals.*.dlq', 'risk.decisions.*.dlq', 'orders.lifecycle.*.dlq',
      'notifications.events.*.dlq', 'billing.events.*.dlq', 'portfolio.positions.*.dlq', 'portfolio.pnl.*.dlq'],
    maxBytes: GiB / 4,
  },
} as const;

export type StreamName = keyof typeof Streams;

export const Subjects = {
  price: (instrument: string) => `prices.forex.${instrument}`,
  allPrices: 'prices.forex.*',
  signals: (account: string) => `workflow.signals.${account}`,
  allSignals: 'workflow.signals.*',
  riskDecisions: (account: string) => `risk.decisions.${account}`,
  orders: (account: string) => `orders.lifecycle.${account}`,
  confirmRequest: (account: string) => `confirmations.request.${account}`,
  /** Operators' control of an account's risk budget (engine/node/risk-control.ts). */
  riskControl: (account: string) => `risk.control.${account}`,
  notifications: (account: string) => `notifications.events.${account}`,
  positions: (account: string) => `portfolio.positions.${account}`,
  pnl: (account: string) => `portfolio.pnl.${account}`,
  latency: (nodeId: string) => `metrics.latency.${nodeId}`,
  billing: (account: string) => `billing.events.${account}`,
  instrumentRegistered: 'instrument.registered',
  workflowChanged: (account: string) => `workflow.changed.${account}`,
  allWorkflowChanges: 'workflow.changed.*',
  deadLetter: (subject: string) => `${subject}.dlq`,
} as const;

/** JetStream dedupe id of a tick: `<source>:<instrument>:<seq>` (DESIGN.md §3). */
export const tickMsgId = (source: string, instrument: string, seq: number) => `${source}:${instrument}:${seq}`;

export const Services = {
  /** One NATS micro-service per instrument actor; `$SRV.STATS.pipstream-instrument` lists them all. */
  instrumentActor: 'pipstream-instrument',
  /** Endpoint of one instrument actor's service: its stats as JSON. */
  instrumentStatus: (instrument: string) => `pipstream.instrument.${instrument}.status`,
  /** The trade path's actors, one instance per node, and the persistence actor, one per process. */
  execution: 'pipstream-execution',
  confirmation: 'pipstream-confirmation',
  alert: 'pipstream-alert',
  persistence: 'pipstream-persistence',
  /** Status endpoint of one instance of one of those (`instance`: the node id, or the persistence actor's). */
  actorStatus: (service: string, instance: string) => `pipstream.${service.replace(/^pipstream-/, '')}.${instance}.status`,
} as const;
