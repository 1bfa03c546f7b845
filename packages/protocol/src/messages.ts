/**
 * Whole requests and responses: header plus body, with the size prefix, for one API and version.
 * This is what the broker and the client put on and take off the wire.
 */
import type { AnyApi, ApiCodec } from './generated/apis.ts';
import { apiByKey } from './generated/apis.ts';
import {
  type RequestHeader,
  decodeRequestHeader,
  decodeResponseHeader,
  encodeRequestHeader,
  encodeResponseHeader,
  requestHeaderVersion,
} from './headers.ts';
import { DecodeError } from './primitives/errors.ts';
import { Reader } from './primitives/reader.ts';
import { Writer } from './primitives/writer.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Api = ApiCodec<any, any, any, any>;
type RequestOf<A> = A extends ApiCodec<infer Req, any, any, any> ? Req : never;
type RequestInputOf<A> = A extends ApiCodec<any, infer ReqIn, any, any> ? ReqIn : never;
type ResponseOf<A> = A extends ApiCodec<any, any, infer Res, any> ? Res : never;
type ResponseInputOf<A> = A extends ApiCodec<any, any, any, infer ResIn> ? ResIn : never;

/** A request frame, size prefix included, as chunks for a vectored write. */
export function encodeRequest<A extends Api>(
  api: A,
  version: number,
  correlationId: number,
  clientId: string | null,
  body: RequestInputOf<A>,
): Buffer[] {
  const w = new Writer();
  w.int32(0);
  encodeRequestHeader(w, { apiKey: api.apiKey, apiVersion: version, correlationId, clientId }, api.requestHeaderVersion(version));
  api.encodeRequest(w, body, version);
  return w.finishFrame();
}

/** A response frame, size prefix included, as chunks for a vectored write. */
export function encodeResponse<A extends Api>(api: A, version: number, correlationId: number, body: ResponseInputOf<A>): Buffer[] {
  const w = new Writer();
  w.int32(0);
  encodeResponseHeader(w, { correlationId }, api.responseHeaderVersion(version));
  api.encodeResponse(w, body, version);
  return w.finishFrame();
}

export interface DecodedRequest {
  header: RequestHeader;
  api: AnyApi;
  body: unknown;
  /** Bytes after the body. Apache Kafka ignores them (librdkafka 2.16 sends some), so we do too. */
  trailingBytes: number;
}

/**
 * Decodes a request frame (without its size prefix). Throws DecodeError for an unknown API key,
 * a version outside the API's range, or malformed bytes.
 */
export function decodeRequest(frame: Buffer): DecodedRequest {
  const peek = new Reader(frame);
  const apiKey = peek.int16();
  const apiVersion = peek.int16();
  const r = new Reader(frame);
  const api = apiByKey.get(apiKey);
  if (api === undefined) throw new DecodeError(`unknown API key ${apiKey}`, 0);
  if (apiVersion < api.minVersion || apiVersion > api.maxVersion) {
    throw new DecodeError(`${api.name} has no version ${apiVersion}; this codec knows ${api.minVersion} to ${api.maxVersion}`, 2);
  }
  const header = decodeRequestHeader(r, requestHeaderVersion(apiKey, apiVersion));
  const body = (api as Api).decodeRequest(r, apiVersion);
  return { header, api, body, trailingBytes: r.remaining };
}

/** Decodes a response frame (without its size prefix) for a known API and version. */
export function decodeResponse<A extends Api>(api: A, version: number, frame: Buffer): { correlationId: number; body: ResponseOf<A> } {
  const r = new Reader(frame);
  const header = decodeResponseHeader(r, api.responseHeaderVersion(version));
  const body = api.decodeResponse(r, version) as ResponseOf<A>;
  if (r.remaining !== 0) r.fail(`${r.remaining} unexpected bytes after the ${api.name} v${version} response`);
  return { correlationId: header.correlationId, body };
}

/** Decodes just the body of a request whose API is known (the header already read). */
export function decodeRequestBody<A extends Api>(api: A, version: number, r: Reader): RequestOf<A> {
  return api.decodeRequest(r, version) as RequestOf<A>;
}
