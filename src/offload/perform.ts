/** What an offload request asks for, done on whichever thread calls it (the worker, or the main thread when the worker died). */
import { checkRender } from '../check/check.js';
import { layoutMeasured } from '../layout/layout.js';
import type { OffloadRequest } from './offload.js';

export async function perform(request: OffloadRequest): Promise<unknown> {
  return request.kind === 'layout'
    ? layoutMeasured(request.spec, request.metrics, request.requests, request.widths)
    : checkRender(request.input);
}
