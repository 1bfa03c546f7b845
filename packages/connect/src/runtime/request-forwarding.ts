/**
 * Forwarding a REST request to the worker that must serve it (Kafka's
 * HerderRequestHandler.completeOrForwardRequest): writes go to the leader, a task's restart to the
 * worker running it. The first worker forwards with `forward=true`, which allows one more hop (the
 * target may have lost its role meanwhile); a forwarded request that still lands on the wrong
 * worker (`forward=false`) answers 409, as does a request when no leader is known (a rebalance).
 * A signed request between workers keeps its signature headers on the way.
 */
import { ConnectRestError, type RequestTargetError } from './herder.ts';
import type { RestClient, RestResponse } from './rest-client.ts';

const REBALANCING = 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)';

export async function forwardRequest(client: RestClient, target: RequestTargetError, method: string, url: URL, body: string, headers: Record<string, string> = {}): Promise<[number, unknown]> {
  const forward = url.searchParams.get('forward');
  if (target.url === null || forward === 'false') throw new ConnectRestError(409, REBALANCING);
  const next = new URL(url.pathname + url.search, target.url);
  next.searchParams.set('forward', forward === null ? 'true' : 'false');
  let response: RestResponse;
  try {
    response = await client.request(next, { method, headers, body: method === 'GET' ? undefined : body, timeoutMs: 90_000 });
  } catch (e) {
    throw new ConnectRestError(500, `IO Error trying to forward REST request: ${(e as Error).message}`);
  }
  const text = response.text;
  if (text === '') return [response.status, undefined];
  try {
    return [response.status, JSON.parse(text)];
  } catch {
    // Not a Connect worker's answer (a proxy's error page, say): as Kafka's RestClient, an IO error.
    throw new ConnectRestError(500, `IO Error trying to forward REST request: ${target.url} answered ${response.status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 200))}`);
  }
}
