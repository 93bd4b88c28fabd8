// CloudWatch Logs subscription records as Firehose writes them to S3 (AWS's documented shape:
// messageType, owner, logGroup, logStream, subscriptionFilters, logEvents[{id,timestamp,message}]).
import { gzipSync } from 'node:zlib';

export interface LogEventFixture {
  id?: string;
  timestamp: number;
  message: string;
}

export const LOG_GROUP = '/aws/vpc/flowlogs';
export const ACCOUNT = '123456789012';

/** A DATA_MESSAGE record of the flow-log group, as JSON text. */
export function dataRecord(logStream: string, logEvents: LogEventFixture[]): string {
  return JSON.stringify({
    messageType: 'DATA_MESSAGE',
    owner: ACCOUNT,
    logGroup: LOG_GROUP,
    logStream,
    subscriptionFilters: ['netobs-to-firehose'],
    logEvents,
  });
}

/** The health check CloudWatch Logs sends when a subscription is created. */
export const CONTROL_RECORD = JSON.stringify({
  messageType: 'CONTROL_MESSAGE',
  owner: 'CloudwatchLogs',
  logGroup: '',
  logStream: '',
  subscriptionFilters: [],
  logEvents: [
    {
      id: '',
      timestamp: 1763800000000,
      message: 'CWL CONTROL MESSAGE: Checking health of destination Firehose.',
    },
  ],
});

/**
 * An S3 object as Firehose writes it without record transformation: each record is the
 * subscription's gzip data, appended back to back (one multi-member gzip, no newlines).
 */
export function firehoseObject(...records: string[]): Buffer {
  return Buffer.concat(records.map((record) => gzipSync(record)));
}
