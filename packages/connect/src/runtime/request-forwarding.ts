/**
 * Forwarding a REST request to the worker that must serve it (Kafka's
 * HerderRequestHandler.completeOrForwardRequest): writes go to the leader, a task's restart to the
 * worker running it. The first worker forwards with `forward=true`, which allows one more hop (the
 * target may have lost its role meanwhile); a forwarded request that still lands on the wrong
 * worker (`forward=false`) answers 409, as does a request when no leader is known (a rebalance).
 */
import { ConnectRestError, type RequestTargetError } from './herder.js';

const REBALANCING = 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)';

export async function forwardRequest(target: RequestTargetError, method: string, url: URL, body: string): Promise<[number, unknown]> {
  const forward = url.searchParams.get('forward');
  if (target.url === null || forward === 'false') throw new ConnectRestError(409, REBALANCING);
  const next = new URL(url.pathname + url.search, target.url);
  next.searchParams.set('forward', forward === null ? 'true' : 'false');
  let response: Response;
  try {
    response = await fetch(next, { method, headers: body === '' ? {} : { 'content-type': 'application/json' }, body: body === '' || method === 'GET' ? undefined : body, signal: AbortSignal.timeout(90_000) });
  } catch (e) {
    throw new ConnectRestError(500, `IO Error trying to forward REST request: ${(e as Error).message}`);
  }
  const text = await response.text();
  return [response.status, text === '' ? undefined : JSON.parse(text)];
}
