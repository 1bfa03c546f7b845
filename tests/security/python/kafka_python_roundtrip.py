# Produces N records with kafka-python under the security settings given as JSON (kafka-python's
# own argument names), reads them back, and prints one JSON line: the count read or the error.
import json
import sys

from kafka import KafkaConsumer, KafkaProducer

bootstrap, topic, count, settings = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
try:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", **settings)
    for i in range(count):
        producer.send(topic, key=f"k{i}".encode(), value=f"v{i}".encode())
    producer.flush(60)
    producer.close()
    consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=f"{topic}-reader", auto_offset_reset="earliest", consumer_timeout_ms=20000, **settings)
    seen = set()
    for msg in consumer:
        seen.add(msg.value)
        if len(seen) >= count:
            break
    consumer.close()
    print(json.dumps({"read": len(seen), "error": None}))
except Exception as e:  # noqa: BLE001 - the test reads what failed
    print(json.dumps({"read": 0, "error": f"{type(e).__name__}: {e}"}))
