/**
 * IncrementalAlterConfigs (key 44), versions 0-1. v1: flexible.
 * Operations per config: SET, DELETE (back to the default), APPEND and SUBTRACT (list values).
 * A resource named twice, or a config named twice in one resource, is INVALID_REQUEST, as Kafka.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import type { BrokerCore } from '../core.ts';
import { alterResource } from './alter-configs-common.ts';
import { ResourceType } from './config-codes.ts';
import { defineHandler } from './handler.ts';
import { configResourceRefusal } from './authorize.ts';
import { AclOperation } from '../acl/model.ts';

const SET = 0;
const DELETE = 1;
const APPEND = 2;
const SUBTRACT = 3;

function currentList(broker: BrokerCore, resourceType: number, resourceName: string, name: string): string[] {
  const value = resourceType === ResourceType.Topic ? broker.topics.configValue(resourceName, name) : broker.config.dynamicListBase(resourceName === '' ? 'clusterDefault' : 'perBroker', name);
  return value ? value.split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
}

export const incrementalAlterConfigsHandler = defineHandler({
  api: Apis.IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  async handle(ctx, request) {
    const { broker } = ctx;
    const responses = [];
    // As Kafka: a resource named twice is refused in each of its entries, before anything else;
    // a config named twice within a resource refuses that resource, still before authorization.
    const resourceKey = (r: { resourceType: number; resourceName: string }) => `${r.resourceType}/${r.resourceName}`;
    const occurrences = new Map<string, number>();
    for (const r of request.resources) occurrences.set(resourceKey(r), (occurrences.get(resourceKey(r)) ?? 0) + 1);
    for (const r of request.resources) {
      const invalid = (errorMessage: string) => responses.push({ errorCode: ErrorCode.INVALID_REQUEST, errorMessage, resourceType: r.resourceType, resourceName: r.resourceName });
      if (occurrences.get(resourceKey(r))! > 1) {
        invalid('Each resource must appear at most once.');
        continue;
      }
      if (new Set(r.configs.map((c) => c.name)).size !== r.configs.length) {
        invalid('Error due to duplicate config keys');
        continue;
      }
      const refused = configResourceRefusal(ctx, AclOperation.ALTER_CONFIGS, r.resourceType, r.resourceName);
      if (refused !== undefined) {
        responses.push({ errorCode: refused, errorMessage: null, resourceType: r.resourceType, resourceName: r.resourceName });
        continue;
      }
      const changes: Record<string, string | null> = {};
      let bad: string | null = null;
      for (const c of r.configs) {
        if (c.configOperation === SET && c.value === null) bad = `Null value not supported for : ${c.name}`; // DELETE removes a value
        else if (c.configOperation === SET) changes[c.name] = c.value;
        else if (c.configOperation === DELETE) changes[c.name] = null;
        else if (c.configOperation === APPEND || c.configOperation === SUBTRACT) {
          const items = currentList(broker, r.resourceType, r.resourceName, c.name);
          const given = (c.value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
          const next = c.configOperation === APPEND ? [...items, ...given.filter((g) => !items.includes(g))] : items.filter((i) => !given.includes(i));
          changes[c.name] = next.join(',');
        } else bad = `Unknown config operation ${c.configOperation} for ${c.name}`;
      }
      if (bad !== null) responses.push({ errorCode: ErrorCode.INVALID_REQUEST, errorMessage: bad, resourceType: r.resourceType, resourceName: r.resourceName });
      else responses.push(await alterResource(broker, r.resourceType, r.resourceName, changes, true, request.validateOnly));
    }
    return { throttleTimeMs: 0, responses };
  },
});
