// Generated from Kafka's clients/DescribeClusterResponse.json by packages/protocol/generator. Do not edit.
// response 60, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeClusterResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  endpointType: number; // versions 1+
  clusterId: string; // versions 0+
  controllerId: number; // versions 0+
  brokers: DescribeClusterResponseDescribeClusterBroker[]; // versions 0+
  clusterAuthorizedOperations: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClusterResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  endpointType?: number; // versions 1+
  clusterId: string; // versions 0+
  controllerId?: number; // versions 0+
  brokers: readonly DescribeClusterResponseDescribeClusterBrokerInput[]; // versions 0+
  clusterAuthorizedOperations?: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClusterResponseDescribeClusterBroker {
  brokerId: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  rack: string | null; // versions 0+, nullable 0+
  isFenced: boolean; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClusterResponseDescribeClusterBrokerInput {
  brokerId: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  rack?: string | null; // versions 0+, nullable 0+
  isFenced?: boolean; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClusterResponse(): DescribeClusterResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, endpointType: 1, clusterId: "", controllerId: -1, brokers: [], clusterAuthorizedOperations: -2147483648 };
}

export function defaultDescribeClusterResponseDescribeClusterBroker(): DescribeClusterResponseDescribeClusterBroker {
  return { brokerId: 0, host: "", port: 0, rack: null, isFenced: false };
}

function writeDescribeClusterResponse(w: Writer, v: DescribeClusterResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_endpointType = v.endpointType === undefined ? 1 : v.endpointType;
  if (version >= 1) {
    w.int8(v_endpointType);
  } else if (v.endpointType !== undefined && v.endpointType !== 1) {
    unsupportedField("DescribeClusterResponse", "endpointType", version);
  }
  const v_clusterId = v.clusterId === undefined ? "" : v.clusterId;
  w.compactString(nonNull(v_clusterId, "DescribeClusterResponse", "clusterId", version));
  const v_controllerId = v.controllerId === undefined ? -1 : v.controllerId;
  w.int32(v_controllerId);
  const v_brokers = v.brokers === undefined ? [] : v.brokers;
  writeArray(w, true, nonNull(v_brokers, "DescribeClusterResponse", "brokers", version), (ew, e) => writeDescribeClusterResponseDescribeClusterBroker(ew, e, version));
  const v_clusterAuthorizedOperations = v.clusterAuthorizedOperations === undefined ? -2147483648 : v.clusterAuthorizedOperations;
  w.int32(v_clusterAuthorizedOperations);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeClusterResponse(r: Reader, version: number): DescribeClusterResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_endpointType: number = version >= 1 ? r.int8() : 1;
  const f_clusterId: string = r.compactString();
  const f_controllerId: number = r.int32();
  const f_brokers: DescribeClusterResponseDescribeClusterBroker[] = readArray(r, true, 10, (er) => readDescribeClusterResponseDescribeClusterBroker(er, version));
  const f_clusterAuthorizedOperations: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: DescribeClusterResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, endpointType: f_endpointType, clusterId: f_clusterId, controllerId: f_controllerId, brokers: f_brokers, clusterAuthorizedOperations: f_clusterAuthorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeClusterResponseDescribeClusterBroker(w: Writer, v: DescribeClusterResponseDescribeClusterBrokerInput, version: number): void {
  const v_brokerId = v.brokerId === undefined ? 0 : v.brokerId;
  w.int32(v_brokerId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "DescribeClusterResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.int32(v_port);
  const v_rack = v.rack === undefined ? null : v.rack;
  w.compactNullableString(v_rack);
  const v_isFenced = v.isFenced === undefined ? false : v.isFenced;
  if (version >= 2) {
    w.bool(v_isFenced);
  } else if (v.isFenced !== undefined && v.isFenced !== false) {
    unsupportedField("DescribeClusterResponse", "isFenced", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeClusterResponseDescribeClusterBroker(r: Reader, version: number): DescribeClusterResponseDescribeClusterBroker {
  const f_brokerId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.int32();
  const f_rack: string | null = r.compactNullableString();
  const f_isFenced: boolean = version >= 2 ? r.bool() : false;
  const unknown = r.taggedFields(null);
  const value: DescribeClusterResponseDescribeClusterBroker = { brokerId: f_brokerId, host: f_host, port: f_port, rack: f_rack, isFenced: f_isFenced };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeClusterResponse(w: Writer, value: DescribeClusterResponseInput, version: number): void {
  checkVersion("DescribeClusterResponse", version, 0, 2);
  writeDescribeClusterResponse(w, value, version);
}

export function decodeDescribeClusterResponse(r: Reader, version: number): DescribeClusterResponse {
  if (version < 0 || version > 2) r.fail(`DescribeClusterResponse has no version ${version}`);
  return readDescribeClusterResponse(r, version);
}
