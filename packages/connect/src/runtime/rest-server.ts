/**
 * Kafka Connect's REST API (ConnectRestServer and its resources) over node:http, with Kafka
 * Connect 4.3's paths, status codes and JSON bodies; a failure answers
 * `{"error_code": <status>, "message": "..."}` as Kafka's ConnectExceptionMapper does. What it
 * serves comes from a Herder; the server only parses requests and shapes answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '@sluice/config';
import { ConnectRestError, RequestTargetError, badRequest, notFound, type ConnectorOffset, type Herder, type InitialState } from './herder.ts';
import { InternalRequestSignature, SIGNATURE_ALGORITHM_HEADER, SIGNATURE_HEADER } from './internal-request-signature.ts';
import { forwardRequest } from './request-forwarding.ts';
import { Loggers } from './loggers.ts';
import { RestClient } from './rest-client.ts';
import { listenHttps, type HttpsListenerOptions } from './rest-https.ts';
import type { RestListener } from './worker-config.ts';

type Params = Record<string, string>;
interface RouteRequest {
  params: Params;
  query: URLSearchParams;
  body: () => Promise<unknown>;
  /** The signature headers of a request between workers, over the body's bytes (Kafka's InternalRequestSignature.fromHeaders). */
  signature: () => Promise<InternalRequestSignature | null>;
}
type Handler = (req: RouteRequest) => Promise<[number, unknown?]>;

/** A listener the server is bound to: its protocol, host and the port it got. */
export interface BoundRestListener extends RestListener {
  readonly server: Server;
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export class ConnectRestServer {
  readonly #routes: Route[] = [];
  readonly #servers: { server: Server; close(): Promise<void> }[] = [];
  readonly #client: RestClient;
  private readonly herder: Herder;
  /** The worker's loggers (workerLogging), so that levels set here filter its lines. */
  readonly loggers: Loggers;

  constructor(
    herder: Herder,
    loggers: Loggers = new Loggers(),
    /** How requests are forwarded to other workers (with the worker's TLS settings for https ones). */
    client: RestClient = new RestClient(),
  ) {
    this.herder = herder;
    this.loggers = loggers;
    this.#client = client;
    this.#defineRoutes();
  }

  // Nothing a request holds may end the worker: whatever #handle does not answer closes that response only.
  readonly #onRequest = (req: IncomingMessage, res: ServerResponse): void => void this.#handle(req, res).catch(() => res.destroy());

  /** Listens over plain HTTP; resolves with the port (useful with port 0). */
  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    const server = createServer(this.#onRequest);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.#servers.push({ server, close: () => closeServer(server) });
    return (server.address() as AddressInfo).port;
  }

  /**
   * Listens on each of the worker's `listeners` (Kafka's RestServer makes one connector per
   * listener); an https one takes `https()`'s certificate and client authentication. Resolves with
   * the ports they got, in order.
   */
  async listenAll(listeners: readonly RestListener[], https: () => HttpsListenerOptions): Promise<BoundRestListener[]> {
    const bound: BoundRestListener[] = [];
    try {
      for (const l of listeners) {
        if (l.protocol === 'http') {
          const port = await this.listen(l.port, l.host);
          bound.push({ ...l, port, server: this.#servers.at(-1)!.server });
        } else {
          const listener = await listenHttps(l.host, l.port, https(), this.#onRequest);
          this.#servers.push(listener);
          bound.push({ ...l, port: listener.port, server: listener.server });
        }
      }
    } catch (e) {
      await this.close();
      throw e;
    }
    return bound;
  }

  async close(): Promise<void> {
    const servers = this.#servers.splice(0);
    await Promise.all(servers.map((s) => s.close()));
  }

  #route(method: string, path: string, handler: Handler): void {
    const names: string[] = [];
    const pattern = new RegExp(`^${path.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}/?$`);
    this.#routes.push({ method, pattern, names, handler });
  }

  #defineRoutes(): void {
    const h = this.herder;
    this.#route('GET', '/', async () => [200, await h.serverInfo()]);
    this.#route('GET', '/connectors', async ({ query }) => {
      const expand = query.getAll('expand');
      const names = h.connectors();
      if (expand.length === 0) return [200, names];
      const out: Record<string, Record<string, unknown>> = {};
      for (const name of names) {
        const item: Record<string, unknown> = {};
        try {
          if (expand.includes('status')) item.status = h.connectorStatus(name);
          if (expand.includes('info')) item.info = h.connectorInfo(name);
        } catch {
          continue; // deleted meanwhile
        }
        out[name] = item;
      }
      return [200, out];
    });
    this.#route('POST', '/connectors', async ({ body }) => {
      const request = objectBody(await body());
      const name = request.name;
      const config = request.config;
      if (config === undefined || config === null || typeof config !== 'object') throw badRequest('Connector config is missing from the request body; give {"name": ..., "config": {...}}');
      const configName = (config as Record<string, unknown>).name;
      const finalName = typeof name === 'string' ? name.trim() : typeof configName === 'string' ? configName : undefined;
      if (finalName === undefined || finalName === '') throw badRequest('Connector name is missing from the request body and from its config ("name")');
      checkName(finalName);
      const { info } = await h.putConnectorConfig(finalName, stringConfig(config), false, initialState(request.initial_state));
      return [201, info];
    });
    this.#route('GET', '/connectors/{connector}', async ({ params }) => [200, h.connectorInfo(params.connector)]);
    this.#route('DELETE', '/connectors/{connector}', async ({ params }) => {
      await h.deleteConnector(params.connector);
      return [204];
    });
    this.#route('GET', '/connectors/{connector}/config', async ({ params }) => [200, h.connectorConfig(params.connector)]);
    this.#route('PUT', '/connectors/{connector}/config', async ({ params, body }) => {
      checkName(params.connector);
      const { created, info } = await h.putConnectorConfig(params.connector, stringConfig(objectBody(await body())), true);
      return [created ? 201 : 200, info];
    });
    this.#route('PATCH', '/connectors/{connector}/config', async ({ params, body }) => {
      const patch = objectBody(await body());
      const out: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(patch)) out[k] = v === null ? null : String(v);
      return [200, await h.patchConnectorConfig(params.connector, out)];
    });
    this.#route('GET', '/connectors/{connector}/status', async ({ params }) => [200, h.connectorStatus(params.connector)]);
    this.#route('GET', '/connectors/{connector}/tasks', async ({ params }) => [200, h.taskConfigs(params.connector)]);
    this.#route('POST', '/connectors/{connector}/tasks', async ({ params, body, signature }) => {
      // Between workers of a cluster (Kafka's internal endpoint): task configs for the leader to write, signed (KIP-507).
      const configs = await body();
      if (h.putTaskConfigs === undefined) throw notFound('HTTP 404 Not Found');
      if (!Array.isArray(configs)) throw badRequest('The request body must be a list of task configs');
      await h.putTaskConfigs(params.connector, configs.map((c: unknown) => stringConfig(objectBody(c))), await signature());
      return [204];
    });
    this.#route('PUT', '/connectors/{connector}/fence', async ({ params, signature }) => {
      // Between workers of a cluster (Kafka's internal endpoint): a round of zombie fencing, which the leader performs; signed (KIP-507).
      if (h.fenceZombieSourceTasks === undefined) throw notFound('HTTP 404 Not Found');
      await h.fenceZombieSourceTasks(params.connector, await signature());
      return [204];
    });
    this.#route('GET', '/connectors/{connector}/tasks/{task}/status', async ({ params }) => [200, h.taskStatus(params.connector, taskNumber(params.task))]);
    this.#route('POST', '/connectors/{connector}/restart', async ({ params, query }) => {
      const includeTasks = query.get('includeTasks') === 'true';
      const onlyFailed = query.get('onlyFailed') === 'true';
      const status = await h.restartConnector(params.connector, includeTasks, onlyFailed);
      // Kafka keeps the old answer (204, no body) for a plain restart of the connector alone.
      return !includeTasks && !onlyFailed ? [204] : [202, status];
    });
    this.#route('POST', '/connectors/{connector}/tasks/{task}/restart', async ({ params }) => {
      await h.restartTask(params.connector, taskNumber(params.task));
      return [204];
    });
    this.#route('PUT', '/connectors/{connector}/pause', async ({ params }) => {
      await h.pauseConnector(params.connector);
      return [202];
    });
    this.#route('PUT', '/connectors/{connector}/resume', async ({ params }) => {
      await h.resumeConnector(params.connector);
      return [202];
    });
    this.#route('PUT', '/connectors/{connector}/stop', async ({ params }) => {
      await h.stopConnector(params.connector);
      return [204];
    });
    this.#route('GET', '/connectors/{connector}/offsets', async ({ params }) => [200, { offsets: await h.connectorOffsets(params.connector) }]);
    this.#route('PATCH', '/connectors/{connector}/offsets', async ({ params, body }) => {
      const request = objectBody(await body());
      if (!Array.isArray(request.offsets) || request.offsets.length === 0) throw badRequest('The request body must name the offsets to alter: {"offsets": [{"partition": {...}, "offset": {...}}]}');
      const offsets: ConnectorOffset[] = request.offsets.map((o: unknown) => {
        const entry = (o ?? {}) as Record<string, unknown>;
        if (entry.partition === null || typeof entry.partition !== 'object') throw badRequest('Each offset must have a "partition" object');
        return { partition: entry.partition as Record<string, unknown>, offset: (entry.offset ?? null) as Record<string, unknown> | null };
      });
      return [200, { message: await h.alterConnectorOffsets(params.connector, offsets) }];
    });
    this.#route('DELETE', '/connectors/{connector}/offsets', async ({ params }) => [200, { message: await h.resetConnectorOffsets(params.connector) }]);
    this.#route('GET', '/connectors/{connector}/topics', async ({ params }) => [200, { [params.connector]: { topics: h.connectorActiveTopics(params.connector) } }]);
    this.#route('PUT', '/connectors/{connector}/topics/reset', async ({ params }) => {
      h.resetConnectorActiveTopics(params.connector);
      return [202];
    });
    this.#route('GET', '/connector-plugins', async ({ query }) => [200, h.connectorPlugins(query.get('connectorsOnly') !== 'false')]);
    this.#route('PUT', '/connector-plugins/{plugin}/config/validate', async ({ params, body }) => {
      const config = stringConfig(objectBody(await body()));
      return [200, h.validateConnectorConfig(params.plugin, config)];
    });
    this.#route('GET', '/admin/loggers', async () => [200, this.loggers.all()]);
    this.#route('GET', '/admin/loggers/{logger}', async ({ params }) => [200, this.loggers.get(params.logger)]);
    this.#route('PUT', '/admin/loggers/{logger}', async ({ params, query, body }) => this.loggers.put(params.logger, objectBody(await body()), query.get('scope')));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let status = 500;
    let payload: unknown;
    let bodyText: string | undefined;
    try {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        throw badRequest(`The request path ${JSON.stringify(req.url)} is not a valid URI`);
      }
      const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
      const matching = this.#routes.filter((r) => r.pattern.test(path));
      if (matching.length === 0) throw notFound('HTTP 404 Not Found');
      const route = matching.find((r) => r.method === req.method);
      if (route === undefined) throw new ConnectRestError(405, 'HTTP 405 Method Not Allowed');
      const m = route.pattern.exec(path)!;
      const params: Params = {};
      route.names.forEach((n, i) => (params[n] = decodePathSegment(m[i + 1])));
      let bodyBytes: Promise<Buffer> | undefined;
      const bytes = () => (bodyBytes ??= readBody(req));
      const body = async () => parseJson((bodyText ??= (await bytes()).toString('utf8')));
      const header = (name: string) => headerValue(req, name);
      const signature = async () => InternalRequestSignature.fromHeaders(await bytes(), header);
      try {
        [status, payload] = await route.handler({ params, query: url.searchParams, body, signature });
      } catch (e) {
        if (!(e instanceof RequestTargetError)) throw e;
        // Another worker must serve it (the leader, or the one running a task): forwarded as Kafka does, a signature with it.
        const signed: Record<string, string> = {};
        for (const name of [SIGNATURE_HEADER, SIGNATURE_ALGORITHM_HEADER]) if (header(name) !== undefined) signed[name] = header(name)!;
        [status, payload] = await forwardRequest(this.#client, e, req.method ?? 'GET', url, bodyText ?? (await bytes()).toString('utf8'), signed);
      }
    } catch (e) {
      status = e instanceof ConnectRestError ? e.status : e instanceof ConfigError ? 400 : 500;
      payload = { error_code: status, message: e instanceof Error ? e.message : String(e) };
    }
    if (payload === undefined) {
      res.writeHead(status).end();
      return;
    }
    const text = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
  }
}

/** A path parameter as text; a bad %-escape (e.g. `%E0%A4%A`) is the client's error, not the worker's. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`The request path segment ${JSON.stringify(segment)} is not valid percent-encoded UTF-8; encode names with encodeURIComponent`);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024 * 1024) throw new ConnectRestError(413, 'The request body is larger than 16 MiB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`Request body is not valid JSON: ${(e as Error).message}`);
  }
}

function objectBody(body: unknown): Record<string, any> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body must be a JSON object');
  return body as Record<string, any>;
}

/** A config's values as text, as Kafka's Map<String, String> reads JSON scalars. */
function stringConfig(config: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) {
    if (v === null) throw badRequest(`The value of '${k}' is null; leave the setting out instead`);
    if (typeof v === 'object') throw badRequest(`The value of '${k}' must be a string, number or boolean, not ${Array.isArray(v) ? 'an array' : 'an object'}`);
    out[k] = String(v);
  }
  return out;
}

function checkName(name: string): void {
  // Kafka refuses names with control characters (ConnectorsResource.checkAndTrimConnectorName).
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) throw badRequest('Connector name may not contain ISO control characters');
}

function taskNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw notFound('HTTP 404 Not Found');
  return Number(text);
}

function initialState(value: unknown): InitialState | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).toUpperCase();
  if (s !== 'RUNNING' && s !== 'PAUSED' && s !== 'STOPPED') throw badRequest(`Invalid initial state: ${String(value)}; it must be one of RUNNING, PAUSED, STOPPED`);
  return s;
}
