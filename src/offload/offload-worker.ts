/** The worker side of Offload: checks and compacts on request, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { preloadSpelling } from '../check/content-lint.js';
import type { OffloadOptions, OffloadReply, OffloadRequest } from './offload.js';
import { checkRender } from '../check/check.js';
import { traced } from '../trace.js';
import { finishCapture } from './finish.js';

if ((workerData as OffloadOptions).spelling) preloadSpelling();

const port = parentPort;
if (!port) throw new Error('offload-worker.js runs only as a worker thread');

port.on('message', (request: OffloadRequest) => {
  const work = (): Promise<unknown> => (request.kind === 'finish' ? finishCapture(request.input) : checkRender(request.input));
  traced(`worker ${request.kind}`, work).then(
    (value) => port.postMessage({ id: request.id, value } satisfies OffloadReply),
    (error: unknown) =>
      port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies OffloadReply),
  );
});
