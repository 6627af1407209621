import { WorkerRole } from './worker-role';

const app = (runWorker: boolean) => ({ runWorker }) as never;

describe('WorkerRole', () => {
  it.each([
    ['the API with RUN_WORKER=true', true, undefined, true],
    ['the API with RUN_WORKER=false', false, undefined, false],
    ['src/worker.ts with RUN_WORKER=false (an env file shared with the API)', false, true, true],
    ['src/worker.ts with RUN_WORKER=true', true, true, true],
  ])('%s', (_name, runWorker, workerProcess, expected) => {
    expect(new WorkerRole(app(runWorker), workerProcess).runsWorkers).toBe(expected);
  });
});
