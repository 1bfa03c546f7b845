/**
 * Request and response headers, written by hand because of two exceptions to the general rules:
 * the client id keeps its classic int16-length encoding even in the flexible header v2, and
 * ApiVersions responses always use header v0 (the second lives in the API table).
 */
import { apiByKey } from './generated/apis.ts';
import { Reader, type TaggedField } from './primitives/reader.ts';
import { Writer } from './primitives/writer.ts';

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  _unknownTaggedFields?: TaggedField[];
}

export interface ResponseHeader {
  correlationId: number;
  _unknownTaggedFields?: TaggedField[];
}

/**
 * The request header version for an API and version: 2 for flexible versions, else 1.
 * Unknown keys or versions get the version they would have if they existed (flexible above the
 * newest known version), so that a broker can still read the correlation id to answer them.
 */
export function requestHeaderVersion(apiKey: number, apiVersion: number): 1 | 2 {
  const api = apiByKey.get(apiKey);
  if (api === undefined) return 2;
  if (apiVersion > api.maxVersion) return api.flexibleFrom === null ? 1 : 2;
  return api.requestHeaderVersion(apiVersion);
}

export function responseHeaderVersion(apiKey: number, apiVersion: number): 0 | 1 {
  const api = apiByKey.get(apiKey);
  if (api === undefined) throw new RangeError(`unknown API key ${apiKey}`);
  return api.responseHeaderVersion(Math.min(apiVersion, api.maxVersion));
}

export function encodeRequestHeader(w: Writer, h: RequestHeader, headerVersion: 1 | 2): void {
  w.int16(h.apiKey);
  w.int16(h.apiVersion);
  w.int32(h.correlationId);
  w.nullableString(h.clientId);
  if (headerVersion === 2) w.taggedFields(h._unknownTaggedFields);
}

export function decodeRequestHeader(r: Reader, headerVersion: 1 | 2): RequestHeader {
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = r.nullableString();
  const h: RequestHeader = { apiKey, apiVersion, correlationId, clientId };
  if (headerVersion === 2) {
    const unknown = r.taggedFields(null);
    if (unknown !== undefined) h._unknownTaggedFields = unknown;
  }
  return h;
}

/** The first three fields of a request header, which every header version shares. */
export function peekRequestHeader(frame: Buffer): { apiKey: number; apiVersion: number; correlationId: number } {
  const r = new Reader(frame);
  return { apiKey: r.int16(), apiVersion: r.int16(), correlationId: r.int32() };
}

export function encodeResponseHeader(w: Writer, h: ResponseHeader, headerVersion: 0 | 1): void {
  w.int32(h.correlationId);
  if (headerVersion === 1) w.taggedFields(h._unknownTaggedFields);
}

export function decodeResponseHeader(r: Reader, headerVersion: 0 | 1): ResponseHeader {
  const h: ResponseHeader = { correlationId: r.int32() };
  if (headerVersion === 1) {
    const unknown = r.taggedFields(null);
    if (unknown !== undefined) h._unknownTaggedFields = unknown;
  }
  return h;
}
