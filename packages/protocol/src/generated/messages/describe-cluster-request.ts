// Generated from Kafka's clients/DescribeClusterRequest.json by packages/protocol/generator. Do not edit.
// request 60, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, unsupportedField } from '../../primitives/codec-support.ts';

export interface DescribeClusterRequest {
  includeClusterAuthorizedOperations: boolean; // versions 0+
  endpointType: number; // versions 1+
  includeFencedBrokers: boolean; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClusterRequestInput {
  includeClusterAuthorizedOperations: boolean; // versions 0+
  endpointType?: number; // versions 1+
  includeFencedBrokers?: boolean; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClusterRequest(): DescribeClusterRequest {
  return { includeClusterAuthorizedOperations: false, endpointType: 1, includeFencedBrokers: false };
}

function writeDescribeClusterRequest(w: Writer, v: DescribeClusterRequestInput, version: number): void {
  const v_includeClusterAuthorizedOperations = v.includeClusterAuthorizedOperations === undefined ? false : v.includeClusterAuthorizedOperations;
  w.bool(v_includeClusterAuthorizedOperations);
  const v_endpointType = v.endpointType === undefined ? 1 : v.endpointType;
  if (version >= 1) {
    w.int8(v_endpointType);
  } else if (v.endpointType !== undefined && v.endpointType !== 1) {
    unsupportedField("DescribeClusterRequest", "endpointType", version);
  }
  const v_includeFencedBrokers = v.includeFencedBrokers === undefined ? false : v.includeFencedBrokers;
  if (version >= 2) {
    w.bool(v_includeFencedBrokers);
  } else if (v.includeFencedBrokers !== undefined && v.includeFencedBrokers !== false) {
    unsupportedField("DescribeClusterRequest", "includeFencedBrokers", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeClusterRequest(r: Reader, version: number): DescribeClusterRequest {
  const f_includeClusterAuthorizedOperations: boolean = r.bool();
  const f_endpointType: number = version >= 1 ? r.int8() : 1;
  const f_includeFencedBrokers: boolean = version >= 2 ? r.bool() : false;
  const unknown = r.taggedFields(null);
  const value: DescribeClusterRequest = { includeClusterAuthorizedOperations: f_includeClusterAuthorizedOperations, endpointType: f_endpointType, includeFencedBrokers: f_includeFencedBrokers };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeClusterRequest(w: Writer, value: DescribeClusterRequestInput, version: number): void {
  checkVersion("DescribeClusterRequest", version, 0, 2);
  writeDescribeClusterRequest(w, value, version);
}

export function decodeDescribeClusterRequest(r: Reader, version: number): DescribeClusterRequest {
  if (version < 0 || version > 2) r.fail(`DescribeClusterRequest has no version ${version}`);
  return readDescribeClusterRequest(r, version);
}
