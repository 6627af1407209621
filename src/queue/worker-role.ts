import { Inject, Injectable, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '../config/configuration';

/** Provided by src/worker.ts: this process is a worker whatever RUN_WORKER says. */
export const WORKER_PROCESS = 'certpact:worker-process';

/**
 * Whether this process runs the queue workers (reminder scans and digests, bulk
 * verification, large imports): always in `src/worker.ts`, and in the API when
 * RUN_WORKER is true (the default). Every processor asks here, so a worker process never
 * leaves one queue unserved because it shares the API's RUN_WORKER=false.
 */
@Injectable()
export class WorkerRole {
  readonly runsWorkers: boolean;

  constructor(
    @Inject(appConfig.KEY) app: ConfigType<typeof appConfig>,
    @Optional() @Inject(WORKER_PROCESS) workerProcess?: boolean,
  ) {
    this.runsWorkers = workerProcess === true || app.runWorker;
  }
}
