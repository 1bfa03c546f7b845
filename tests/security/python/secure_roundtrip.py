# Produces N records with confluent-kafka (librdkafka) under the security settings given as JSON,
# reads them back, and prints one JSON line: what was delivered and read, or the first error.
import json
import sys

from confluent_kafka import Consumer, KafkaException, Producer

bootstrap, topic, count, settings = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
errors = []
# Errors of the client itself (a refused authentication) end the run at once.
common = {"bootstrap.servers": bootstrap, **settings, "error_cb": lambda err: errors.append(str(err))}


def delivered(err, _msg):
    if err is not None:
        errors.append(str(err))


try:
    producer = Producer({**common, "acks": "all", "enable.idempotence": True})
    for i in range(count):
        producer.produce(topic, key=f"k{i}", value=f"v{i}", on_delivery=delivered)
    left = producer.flush(60)
    if errors:
        print(json.dumps({"undelivered": left, "read": 0, "firstError": errors[0]}))
        sys.exit(0)
    consumer = Consumer({**common, "group.id": f"{topic}-reader", "auto.offset.reset": "earliest"})
    consumer.subscribe([topic])
    seen = set()
    for _ in range(600):
        if len(seen) >= count or errors:
            break
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            errors.append(str(msg.error()))
            break
        seen.add(msg.value().decode())
    consumer.close()
    print(json.dumps({"undelivered": left, "read": len(seen), "firstError": errors[0] if errors else None}))
except KafkaException as e:
    print(json.dumps({"undelivered": None, "read": 0, "firstError": str(e)}))
