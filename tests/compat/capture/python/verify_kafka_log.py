"""Decodes every stored batch in packages/protocol/test/fixtures/kafka-log with kafka-python's own
record reader (a peer independent of Sluice's codec) and checks that the records match the
sibling .json. Also reports each snappy batch's framing. Run with the kafka-python venv:

  ~/.cache/sluice/py-kafka-python/bin/python tests/compat/capture/python/verify_kafka_log.py
"""
import json
import pathlib
import sys

from kafka.record import MemoryRecords

root = pathlib.Path(__file__).resolve().parents[4] / "packages" / "protocol" / "test" / "fixtures" / "kafka-log"
XERIAL = bytes([0x82]) + b"SNAPPY\x00"
CODECS = {0: "none", 1: "gzip", 2: "snappy", 3: "lz4", 4: "zstd"}
failed = 0
for meta_path in sorted(root.glob("*.json")):
    meta = json.loads(meta_path.read_text())
    data = meta_path.with_suffix(".log").read_bytes()
    got = []
    codecs = set()
    framing = set()
    pos = 0
    while pos < len(data):
        length = int.from_bytes(data[pos + 8 : pos + 12], "big")
        attrs = int.from_bytes(data[pos + 21 : pos + 23], "big")
        codec = CODECS[attrs & 7]
        control = bool(attrs & 0x20)
        if not control:
            codecs.add(codec)
        if codec == "snappy":
            framing.add("xerial" if data[pos + 61 : pos + 69] == XERIAL else "raw")
        pos += 12 + length
    records = MemoryRecords(data)
    while records.has_next():
        batch = records.next_batch()
        if batch.is_control_batch:
            continue
        for r in batch:
            got.append(
                {
                    "key": None if r.key is None else r.key.decode(),
                    "value": None if r.value is None else r.value.decode(),
                    "headers": [[k, v.decode()] for k, v in r.headers],
                }
            )
    ok = got == meta["records"] and codecs == {meta["codec"]}
    failed += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {meta_path.stem:28} codec={','.join(sorted(codecs))} records={len(got)}" + (f" snappy-framing={','.join(sorted(framing))}" if framing else ""))
    if not ok:
        print("   expected", meta["records"], "\n   got     ", got)
sys.exit(1 if failed else 0)
