// Forwarding a REST request to the worker that must serve it: an answer that is not a Connect
// worker's (a proxy's HTML error page) is an IO error naming the target, not a JSON parse error;
// a request already forwarded once is not forwarded again (two workers that each think the other
// leads cannot bounce it for ever); the forwarded request carries forward=true, and its body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from '../src/runtime/request-forwarding.ts';
import { RestClient } from '../src/runtime/rest-client.ts';
import { ConnectRestError, RequestTargetError } from '../src/runtime/herder.ts';

async function withServer(answer: (req: IncomingMessage, body: string) => [number, string], run: (url: string) => Promise<void>): Promise<void> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const [status, text] = answer(req, body);
      res.writeHead(status, { 'content-type': 'text/html' }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

test('an answer that is not JSON is a 500 IO error naming the target', async () => {
  await withServer(
    () => [502, '<html>Bad Gateway</html>'],
    async (url) => {
      const err = await forwardRequest(new RestClient(), new RequestTargetError('not the leader', url), 'POST', new URL('http://me/connectors'), '{"name":"x"}').then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(err instanceof ConnectRestError, String(err));
      assert.equal(err.status, 500);
      assert.match(err.message, /IO Error trying to forward REST request/);
      assert.ok(err.message.includes(url) && err.message.includes('502') && err.message.includes('Bad Gateway'), err.message);
    },
  );
});

test('the request is forwarded once with forward=true and its body; a forwarded request is not forwarded again', async () => {
  const seen: string[] = [];
  await withServer(
    (req, body) => {
      seen.push(`${req.method} ${req.url} ${body}`);
      return [201, '{"name":"x"}'];
    },
    async (url) => {
      assert.deepEqual(await forwardRequest(new RestClient(), new RequestTargetError('not the leader', url), 'POST', new URL('http://me/connectors'), '{"name":"x"}'), [201, { name: 'x' }]);
      assert.deepEqual(seen, ['POST /connectors?forward=true {"name":"x"}']);
      // The target thinks another worker leads: it forwards once more with forward=false, and that one answers 409 instead of forwarding.
      assert.deepEqual(await forwardRequest(new RestClient(), new RequestTargetError('not the leader', url), 'POST', new URL('http://me/connectors?forward=true'), '{"name":"x"}'), [201, { name: 'x' }]);
      assert.equal(seen[1], 'POST /connectors?forward=false {"name":"x"}');
      await assert.rejects(forwardRequest(new RestClient(), new RequestTargetError('not the leader', url), 'POST', new URL('http://me/connectors?forward=false'), '{}'), (e: unknown) => e instanceof ConnectRestError && e.status === 409);
      await assert.rejects(forwardRequest(new RestClient(), new RequestTargetError('no leader', null), 'POST', new URL('http://me/connectors'), '{}'), (e: unknown) => e instanceof ConnectRestError && e.status === 409);
      assert.equal(seen.length, 2);
    },
  );
});

test('a target that is gone is a 500 IO error', async () => {
  let url = '';
  await withServer(() => [200, ''], async (u) => void (url = u));
  await assert.rejects(forwardRequest(new RestClient(), new RequestTargetError('not the leader', url), 'GET', new URL('http://me/connectors'), ''), (e: unknown) => e instanceof ConnectRestError && e.status === 500 && /IO Error/.test(e.message));
});
