/**
 * DescribeClientQuotas (key 48), versions 0-1 (1 is flexible): the quotas of every entity the
 * filter matches (quotas/entities.ts has Kafka's matching rules). Needs DESCRIBE_CONFIGS on the
 * cluster. A filter Kafka refuses gets INVALID_REQUEST, an unknown entity type UNSUPPORTED_VERSION,
 * with Kafka's messages and no entries.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorizedOnCluster } from './authorize.ts';
import { AclOperation } from '../acl/model.ts';
import { InvalidQuotaRequest, UnsupportedQuotaFilter, entityComponents, matchesFilter, parseFilter } from '../quotas/entities.ts';

export const describeClientQuotasHandler = defineHandler({
  api: Apis.DescribeClientQuotas,
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, request) {
    const refused = (errorCode: number, errorMessage: string) => ({ throttleTimeMs: 0, errorCode, errorMessage, entries: null });
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE_CONFIGS)) return refused(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    let filter;
    try {
      filter = parseFilter(request.components, request.strict);
    } catch (e) {
      if (e instanceof InvalidQuotaRequest) return refused(ErrorCode.INVALID_REQUEST, e.message);
      if (e instanceof UnsupportedQuotaFilter) return refused(ErrorCode.UNSUPPORTED_VERSION, e.message);
      throw e;
    }
    const entries = [...ctx.broker.quotas.store.all()]
      .filter((e) => matchesFilter(e.entity, filter))
      // The store keeps the values in the order Kafka lists them.
      .map((e) => ({ entity: entityComponents(e.entity), values: [...e.quotas].map(([key, value]) => ({ key, value })) }));
    // Kafka's answer carries an empty message, not null, when nothing is wrong.
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: '', entries };
  },
});
