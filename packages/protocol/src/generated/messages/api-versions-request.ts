// Generated from Kafka's clients/ApiVersionsRequest.json by packages/protocol/generator. Do not edit.
// request 18, versions 0-4, flexible 3-4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ApiVersionsRequest {
  clientSoftwareName: string; // versions 3+, ignorable
  clientSoftwareVersion: string; // versions 3+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsRequestInput {
  clientSoftwareName?: string; // versions 3+, ignorable
  clientSoftwareVersion?: string; // versions 3+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultApiVersionsRequest(): ApiVersionsRequest {
  return { clientSoftwareName: "", clientSoftwareVersion: "" };
}

function writeApiVersionsRequest(w: Writer, v: ApiVersionsRequestInput, version: number): void {
  const v_clientSoftwareName = v.clientSoftwareName === undefined ? "" : v.clientSoftwareName;
  if (version >= 3) {
    w.compactString(nonNull(v_clientSoftwareName, "ApiVersionsRequest", "clientSoftwareName", version));
  }
  const v_clientSoftwareVersion = v.clientSoftwareVersion === undefined ? "" : v.clientSoftwareVersion;
  if (version >= 3) {
    w.compactString(nonNull(v_clientSoftwareVersion, "ApiVersionsRequest", "clientSoftwareVersion", version));
  }
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readApiVersionsRequest(r: Reader, version: number): ApiVersionsRequest {
  const f_clientSoftwareName: string = version >= 3 ? r.compactString() : "";
  const f_clientSoftwareVersion: string = version >= 3 ? r.compactString() : "";
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: ApiVersionsRequest = { clientSoftwareName: f_clientSoftwareName, clientSoftwareVersion: f_clientSoftwareVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeApiVersionsRequest(w: Writer, value: ApiVersionsRequestInput, version: number): void {
  checkVersion("ApiVersionsRequest", version, 0, 4);
  writeApiVersionsRequest(w, value, version);
}

export function decodeApiVersionsRequest(r: Reader, version: number): ApiVersionsRequest {
  if (version < 0 || version > 4) r.fail(`ApiVersionsRequest has no version ${version}`);
  return readApiVersionsRequest(r, version);
}
