// Generated from Kafka's clients/AllocateProducerIdsRequest.json by packages/protocol/generator. Do not edit.
// request 67, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface AllocateProducerIdsRequest {
  brokerId: number; // versions 0+
  brokerEpoch: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AllocateProducerIdsRequestInput {
  brokerId: number; // versions 0+
  brokerEpoch?: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAllocateProducerIdsRequest(): AllocateProducerIdsRequest {
  return { brokerId: 0, brokerEpoch: -1n };
}

function writeAllocateProducerIdsRequest(w: Writer, v: AllocateProducerIdsRequestInput, version: number): void {
  const v_brokerId = v.brokerId === undefined ? 0 : v.brokerId;
  w.int32(v_brokerId);
  const v_brokerEpoch = v.brokerEpoch === undefined ? -1n : v.brokerEpoch;
  w.int64(v_brokerEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readAllocateProducerIdsRequest(r: Reader, version: number): AllocateProducerIdsRequest {
  const f_brokerId: number = r.int32();
  const f_brokerEpoch: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: AllocateProducerIdsRequest = { brokerId: f_brokerId, brokerEpoch: f_brokerEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAllocateProducerIdsRequest(w: Writer, value: AllocateProducerIdsRequestInput, version: number): void {
  checkVersion("AllocateProducerIdsRequest", version, 0, 0);
  writeAllocateProducerIdsRequest(w, value, version);
}

export function decodeAllocateProducerIdsRequest(r: Reader, version: number): AllocateProducerIdsRequest {
  if (version < 0 || version > 0) r.fail(`AllocateProducerIdsRequest has no version ${version}`);
  return readAllocateProducerIdsRequest(r, version);
}
