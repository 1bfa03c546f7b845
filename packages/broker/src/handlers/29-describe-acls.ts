/**
 * DescribeAcls (key 29), versions 1-3 as Kafka 4.3.1: the ACLs a filter matches, grouped by
 * resource pattern. Needs DESCRIBE on the cluster; SECURITY_DISABLED without an authorizer.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorizedOnCluster } from './authorize.ts';
import { AclOperation, invalidFilter } from '../acl/model.ts';
import { NO_AUTHORIZER } from './acl-errors.ts';

export const describeAclsHandler = defineHandler({
  api: Apis.DescribeAcls,
  minVersion: 1,
  maxVersion: 3,
  handle(ctx, request) {
    const answer = (errorCode: number, errorMessage: string | null) => ({ throttleTimeMs: 0, errorCode, errorMessage, resources: [] });
    const authorizer = ctx.broker.authorizer;
    if (authorizer === undefined) return answer(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE)) return answer(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, null);
    const filter = {
      resourceType: request.resourceTypeFilter, resourceName: request.resourceNameFilter, patternType: request.patternTypeFilter,
      principal: request.principalFilter, host: request.hostFilter, operation: request.operation, permissionType: request.permissionType,
    };
    const invalid = invalidFilter(filter);
    if (invalid !== undefined) return answer(ErrorCode.INVALID_REQUEST, invalid);
    const byPattern = new Map<string, { resourceType: number; resourceName: string; patternType: number; acls: { principal: string; host: string; operation: number; permissionType: number }[] }>();
    for (const acl of authorizer.describe(filter)) {
      const key = JSON.stringify([acl.resourceType, acl.resourceName, acl.patternType]);
      let resource = byPattern.get(key);
      if (resource === undefined) byPattern.set(key, (resource = { resourceType: acl.resourceType, resourceName: acl.resourceName, patternType: acl.patternType, acls: [] }));
      resource.acls.push({ principal: acl.principal, host: acl.host, operation: acl.operation, permissionType: acl.permissionType });
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, resources: [...byPattern.values()] };
  },
});
