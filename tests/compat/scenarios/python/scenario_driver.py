"""What the Python drivers of the compat scenarios share: the command line, JSON output, and
waiting out Apache Kafka's metadata propagation. See ../../README.md for the commands."""
import json
import sys
import time


def emit(obj):
    print(json.dumps(obj), flush=True)


def emit_record(partition, offset, key, value, headers):
    emit({"partition": partition, "offset": offset, "key": key.decode(), "value": value.decode(), "headers": "".join(f"{k}={v.decode()}" for k, v in headers)})


def wait_gone(listed):
    """Apache Kafka applies a deletion to its metadata asynchronously: give it a moment."""
    deadline = time.time() + 30
    while listed() and time.time() < deadline:
        time.sleep(0.2)
    return listed()


def retry(attempt):
    """Apache Kafka's brokers learn of a new topic a moment after CreateTopics answers."""
    deadline = time.time() + 30
    while True:
        try:
            return attempt()
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def main(produce, consume, group, admin, transactions):
    """produce BOOTSTRAP TOPIC COUNT CODEC default|idempotent; consume BOOTSTRAP TOPIC COUNT;
    group BOOTSTRAP TOPIC GROUP COUNT; admin BOOTSTRAP TOPIC; transactions BOOTSTRAP TOPIC TXN_ID COUNT
    (COUNT records committed in one transaction, COUNT/10 "aborted-N" in an aborted one, then read
    back with read_committed: each record, then 2 s more to show nothing else is readable)."""
    argv = sys.argv[1:]
    cmd = argv[0]
    if cmd == "produce":
        produce(argv[1], argv[2], int(argv[3]), argv[4], argv[5])
    elif cmd == "consume":
        consume(argv[1], argv[2], int(argv[3]))
    elif cmd == "group":
        group(argv[1], argv[2], argv[3], int(argv[4]))
    elif cmd == "admin":
        admin(argv[1], argv[2])
    elif cmd == "transactions":
        transactions(argv[1], argv[2], argv[3], int(argv[4]))
    else:
        raise SystemExit(f"unknown command {cmd}")
