/**
 * CreateAcls (key 30), versions 1-3 as Kafka 4.3.1: each creation is validated on its own
 * (INVALID_REQUEST with the reason), the valid ones are stored durably before the answer.
 * Needs ALTER on the cluster; SECURITY_DISABLED without an authorizer. A failed write is in
 * force nowhere and answers each valid creation with the failure (never NONE).
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorizedOnCluster } from './authorize.ts';
import { AclOperation, invalidBinding } from '../acl/model.ts';
import { NO_AUTHORIZER } from './acl-errors.ts';
import { errorCodeOf, messageOf } from './errors.ts';

export const createAclsHandler = defineHandler({
  api: Apis.CreateAcls,
  minVersion: 1,
  maxVersion: 3,
  async handle(ctx, request) {
    const every = (errorCode: number, errorMessage: string | null) => ({ throttleTimeMs: 0, results: request.creations.map(() => ({ errorCode, errorMessage })) });
    const authorizer = ctx.broker.authorizer;
    if (authorizer === undefined) return every(ErrorCode.SECURITY_DISABLED, NO_AUTHORIZER);
    if (!authorizedOnCluster(ctx, AclOperation.ALTER)) return every(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, null);
    const bindings = request.creations.map((c) => ({
      resourceType: c.resourceType, resourceName: c.resourceName, patternType: c.resourcePatternType,
      principal: c.principal, host: c.host, operation: c.operation, permissionType: c.permissionType,
    }));
    const reasons = bindings.map(invalidBinding);
    let stored = { errorCode: ErrorCode.NONE as number, errorMessage: null as string | null };
    try {
      await authorizer.create(bindings.filter((_, i) => reasons[i] === undefined));
    } catch (e) {
      ctx.broker.log.error('storing the created ACLs failed; none of them is in force', e);
      stored = { errorCode: errorCodeOf(e), errorMessage: `The ACLs could not be stored: ${messageOf(e)}` };
    }
    return {
      throttleTimeMs: 0,
      results: reasons.map((reason) => (reason === undefined ? stored : { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: reason })),
    };
  },
});
