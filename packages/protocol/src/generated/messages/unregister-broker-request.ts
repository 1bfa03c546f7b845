// Generated from Kafka's clients/UnregisterBrokerRequest.json by packages/protocol/generator. Do not edit.
// request 64, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface UnregisterBrokerRequest {
  brokerId: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UnregisterBrokerRequestInput {
  brokerId: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUnregisterBrokerRequest(): UnregisterBrokerRequest {
  return { brokerId: 0 };
}

function writeUnregisterBrokerRequest(w: Writer, v: UnregisterBrokerRequestInput, version: number): void {
  const v_brokerId = v.brokerId === undefined ? 0 : v.brokerId;
  w.int32(v_brokerId);
  w.taggedFields(v._unknownTaggedFields);
}

function readUnregisterBrokerRequest(r: Reader, version: number): UnregisterBrokerRequest {
  const f_brokerId: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: UnregisterBrokerRequest = { brokerId: f_brokerId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeUnregisterBrokerRequest(w: Writer, value: UnregisterBrokerRequestInput, version: number): void {
  checkVersion("UnregisterBrokerRequest", version, 0, 0);
  writeUnregisterBrokerRequest(w, value, version);
}

export function decodeUnregisterBrokerRequest(r: Reader, version: number): UnregisterBrokerRequest {
  if (version < 0 || version > 0) r.fail(`UnregisterBrokerRequest has no version ${version}`);
  return readUnregisterBrokerRequest(r, version);
}
