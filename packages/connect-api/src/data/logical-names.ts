/** The schema names of Connect's logical types, as Kafka writes them (they travel in JSON envelopes). */
export const DECIMAL_LOGICAL_NAME = 'org.apache.kafka.connect.data.Decimal';
export const DATE_LOGICAL_NAME = 'org.apache.kafka.connect.data.Date';
export const TIME_LOGICAL_NAME = 'org.apache.kafka.connect.data.Time';
export const TIMESTAMP_LOGICAL_NAME = 'org.apache.kafka.connect.data.Timestamp';
/** The Decimal schema parameter that holds its scale. */
export const DECIMAL_SCALE_FIELD = 'scale';
