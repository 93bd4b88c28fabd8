// The time range the app opens with, in both hosts. Kibana's own default is 15 minutes, too
// short for flow logs, which AWS delivers in 1–10 minute batches.
export const DEFAULT_TIME_RANGE = { from: 'now-24h', to: 'now' } as const;
