import { Injectable } from '@nestjs/common';
import { Metrics } from '../observability/metrics';
import { ReminderQueues } from './reminder-queues';

/** What an operator watches of the reminder engine, in Prometheus' terms. */
@Injectable()
export class ReminderMetrics {
  readonly created;
  readonly digestsSent;
  readonly digestsFailed;
  readonly scanDuration;

  constructor(metrics: Metrics, queues: ReminderQueues) {
    this.created = metrics.counter({
      name: 'certpact_reminders_created_total',
      help: 'Reminder rows stored by the scan, by kind',
      labelNames: ['kind'],
    });
    this.digestsSent = metrics.counter({
      name: 'certpact_digests_sent_total',
      help: 'Digests the mail server accepted',
    });
    this.digestsFailed = metrics.counter({
      name: 'certpact_digests_failed_total',
      help: 'Digest attempts the mail server refused, by outcome (retry, or failed for good)',
      labelNames: ['outcome'],
    });
    this.scanDuration = metrics.histogram({
      name: 'certpact_scan_duration_seconds',
      help: "Duration of one organization's reminder scan",
      labelNames: ['organization'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    });
    metrics.gauge({
      name: 'certpact_queue_jobs',
      help: 'Jobs in the reminder queues, by queue and state (absent while Redis does not answer)',
      labelNames: ['queue', 'state'],
      async collect() {
        this.reset();
        const counts = await queues.jobCounts();
        for (const [queue, states] of Object.entries(counts ?? {}))
          for (const [state, count] of Object.entries(states)) this.set({ queue, state }, count);
      },
    });
  }
}
