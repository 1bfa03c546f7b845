/**
 * The worker's client of other workers' REST APIs (Kafka's RestClient): forwarded requests, task
 * configs sent to the leader, zombie fencing asked of it. An https URL is called with the TLS
 * settings of the worker's REST API (its key store as client certificate, its trust store), read
 * only when an https URL is first called, as Kafka's RestClient does (KAFKA-14816), so a worker
 * without https never needs them.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ConnectionOptions } from 'node:tls';

export interface RestResponse {
  status: number;
  text: string;
}

export interface RestRequest {
  method: string;
  headers?: Record<string, string>;
  /** The body as sent (already JSON text); none for an empty body. */
  body?: string;
  timeoutMs: number;
}

export class RestClient {
  #tls: ConnectionOptions | null = null;

  private readonly tls: () => ConnectionOptions;

  /** `tls` makes the client options for https URLs (restClientTls of the worker's config). */
  constructor(tls: () => ConnectionOptions = () => ({})) {
    this.tls = tls;
  }

  request(url: URL, req: RestRequest): Promise<RestResponse> {
    const https = url.protocol === 'https:';
    const options = https ? (this.#tls ??= this.tls()) : {};
    const body = req.body === undefined || req.body === '' ? undefined : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'kafka-connect', ...req.headers };
    if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(body.length);
    }
    return new Promise<RestResponse>((resolve, reject) => {
      const send = https ? httpsRequest : httpRequest;
      const r = send(url, { ...options, method: req.method, headers, signal: AbortSignal.timeout(req.timeoutMs) }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      r.on('error', (e: Error) => reject(e.name === 'AbortError' ? new Error(`no answer from ${url.origin} within ${req.timeoutMs} ms`, { cause: e }) : e));
      r.end(body);
    });
  }
}
