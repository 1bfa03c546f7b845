/**
 * The preflight checks of exactly-once source connectors (KIP-618) that Kafka's DistributedHerder
 * adds to a source connector's validation, with its messages: `exactly.once.support=required`
 * needs the worker's `exactly.once.source.support=enabled` and a connector whose
 * exactlyOnceSupport() answers SUPPORTED; `transaction.boundary=connector` needs one whose
 * canDefineTransactionBoundaries() answers SUPPORTED. Standalone mode has no such checks, as in Kafka.
 */
import type { ConfigValue, ConnectorConfig, SourceConnector } from '@sluice/connect-api';

/** Kafka's wording when a connector method throws during validation. */
function unexpected(e: unknown): string {
  const message = e instanceof Error ? e.message.trim() : String(e ?? '').trim();
  return message !== '' ? `An unexpected error occurred during validation: ${message}` : 'An unexpected error occurred during validation; please see the worker logs for more details.';
}

export function validateExactlyOnceSource(connector: SourceConnector, config: ConnectorConfig, values: ReadonlyMap<string, ConfigValue>, workerEnabled: boolean): void {
  const support = values.get('exactly.once.support');
  if (support !== undefined && support.errorMessages.length === 0 && String(support.value).trim().toLowerCase() === 'required') {
    if (!workerEnabled) support.addErrorMessage('This worker does not have exactly-once source support enabled.');
    try {
      const answer = connector.exactlyOnceSupport(config);
      if (answer === null || answer === undefined) {
        support.addErrorMessage(
          'The connector does not implement the API required for preflight validation of exactly-once source support. Please consult the documentation for the connector to determine whether it supports exactly-once semantics, and then consider reconfiguring the connector to use the value "requested" for this property (which will disable this preflight check and allow the connector to be created).',
        );
      } else if (answer === 'UNSUPPORTED') {
        support.addErrorMessage('The connector does not support exactly-once semantics with the provided configuration.');
      } else if (answer !== 'SUPPORTED') {
        support.addErrorMessage(unexpected(new Error(`Unexpected value returned from SourceConnector::exactlyOnceSupport: ${String(answer)}`)));
      }
    } catch (e) {
      support.addErrorMessage(unexpected(e));
    }
  }
  const boundary = values.get('transaction.boundary');
  if (boundary !== undefined && boundary.errorMessages.length === 0 && String(boundary.value).trim().toLowerCase() === 'connector') {
    try {
      const answer = connector.canDefineTransactionBoundaries(config);
      if (answer === null || answer === undefined) {
        boundary.addErrorMessage(
          "This connector has returned a null value from its canDefineTransactionBoundaries method, which is not permitted. The connector will be treated as if it cannot define its own transaction boundaries, and cannot be configured with 'transaction.boundary' set to 'connector'.",
        );
      } else if (answer !== 'SUPPORTED') {
        boundary.addErrorMessage('The connector does not support connector-defined transaction boundaries with the given configuration. Please reconfigure it to use a different transaction boundary definition.');
      }
    } catch (e) {
      boundary.addErrorMessage(unexpected(e));
    }
  }
}
