// The franz-go driver of the compat scenarios (tests/compat/scenarios): one command per run,
// JSON lines on stdout, the same commands and output as the other clients' drivers.
//
//	produce BOOTSTRAP TOPIC COUNT CODEC default|idempotent  keys kN, values vN, header n=N
//	consume BOOTSTRAP TOPIC COUNT                          every partition from the start
//	group BOOTSTRAP TOPIC GROUP COUNT                      subscribe, commit, report the commit
//	admin BOOTSTRAP TOPIC                                  create, describe, configs, delete
//	transactions BOOTSTRAP TOPIC TXN_ID COUNT              COUNT records committed in one transaction,
//	                                                       COUNT/10 "aborted-N" in an aborted one, then
//	                                                       read back with read_committed (2 s beyond COUNT)
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
)

func out(v any) {
	b, _ := json.Marshal(v)
	fmt.Println(string(b))
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func must(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func codec(name string) kgo.CompressionCodec {
	switch name {
	case "none":
		return kgo.NoCompression()
	case "gzip":
		return kgo.GzipCompression()
	case "snappy":
		return kgo.SnappyCompression()
	case "lz4":
		return kgo.Lz4Compression()
	case "zstd":
		return kgo.ZstdCompression()
	}
	fail("unknown codec %s", name)
	return kgo.NoCompression()
}

func record(r *kgo.Record) map[string]any {
	h := ""
	for _, x := range r.Headers {
		h += x.Key + "=" + string(x.Value)
	}
	return map[string]any{"partition": r.Partition, "offset": r.Offset, "key": string(r.Key), "value": string(r.Value), "headers": h}
}

func main() {
	args := os.Args[1:]
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	seeds := kgo.SeedBrokers(args[1])
	switch args[0] {
	case "produce":
		count, _ := strconv.Atoi(args[3])
		opts := []kgo.Opt{seeds, kgo.ProducerBatchCompression(codec(args[4])), kgo.ProducerLinger(5 * time.Millisecond)}
		if args[5] == "idempotent" { // franz-go's default: idempotent, acks=all
			opts = append(opts, kgo.RequiredAcks(kgo.AllISRAcks()))
		}
		cl, err := kgo.NewClient(opts...)
		must(err)
		defer cl.Close()
		for i := 0; i < count; i++ {
			n := strconv.Itoa(i)
			r := &kgo.Record{Topic: args[2], Key: []byte("k" + n), Value: []byte("v" + n), Headers: []kgo.RecordHeader{{Key: "n", Value: []byte(n)}}}
			cl.Produce(ctx, r, func(_ *kgo.Record, err error) { must(err) })
		}
		must(cl.Flush(ctx))
		out(map[string]any{"acked": count})
	case "consume":
		count, _ := strconv.Atoi(args[3])
		cl, err := kgo.NewClient(seeds, kgo.ConsumeTopics(args[2]), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
		must(err)
		defer cl.Close()
		for seen := 0; seen < count; {
			fs := cl.PollFetches(ctx)
			must(fs.Err0())
			fs.EachRecord(func(r *kgo.Record) { seen++; out(record(r)) })
		}
	case "group":
		count, _ := strconv.Atoi(args[4])
		cl, err := kgo.NewClient(seeds, kgo.ConsumeTopics(args[2]), kgo.ConsumerGroup(args[3]), kgo.DisableAutoCommit(),
			kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()))
		must(err)
		for seen := 0; seen < count; {
			fs := cl.PollFetches(ctx)
			must(fs.Err0())
			fs.EachRecord(func(r *kgo.Record) { seen++; out(record(r)) })
			must(cl.CommitUncommittedOffsets(ctx))
		}
		cl.Close()
		adm := kadm.NewClient(mustClient(seeds))
		defer adm.Close()
		offsets, err := adm.FetchOffsets(ctx, args[3])
		must(err)
		must(offsets.Error())
		total := int64(0)
		offsets.Each(func(o kadm.OffsetResponse) { total += o.At })
		out(map[string]any{"committed": total})
	case "admin":
		adm := kadm.NewClient(mustClient(seeds))
		defer adm.Close()
		topic := args[2]
		retention, compact := "3600000", "compact"
		created, err := adm.CreateTopic(ctx, 3, 1, map[string]*string{"retention.ms": &retention, "cleanup.policy": &compact}, topic)
		must(err)
		must(created.Err)
		// Apache Kafka's brokers learn of a new topic a moment after CreateTopics answers.
		var d kadm.TopicDetail
		var rc kadm.ResourceConfig
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			details, err := adm.ListTopics(ctx, topic)
			if err == nil {
				d = details[topic]
				err = d.Err
			}
			if err == nil {
				var configs kadm.ResourceConfigs
				if configs, err = adm.DescribeTopicConfigs(ctx, topic); err == nil {
					if rc, err = configs.On(topic, nil); err == nil {
						err = rc.Err
					}
				}
			}
			if err == nil || time.Now().After(deadline) {
				must(err)
				break
			}
		}
		values := map[string]string{}
		for _, c := range rc.Configs {
			if c.Value != nil {
				values[c.Key] = *c.Value
			}
		}
		meta, err := adm.BrokerMetadata(ctx)
		must(err)
		deleted, err := adm.DeleteTopics(ctx, topic)
		must(err)
		must(deleted.Error())
		// Apache Kafka applies a deletion to its metadata asynchronously: give it a moment.
		after, err := adm.ListTopics(ctx)
		for deadline := time.Now().Add(30 * time.Second); err == nil && after.Has(topic) && time.Now().Before(deadline); after, err = adm.ListTopics(ctx) {
			time.Sleep(200 * time.Millisecond)
		}
		must(err)
		out(map[string]any{"partitions": len(d.Partitions), "cleanup.policy": values["cleanup.policy"], "retention.ms": values["retention.ms"],
			"clusterId": meta.Cluster, "deleted": true, "remaining": after.Has(topic)})
	case "transactions":
		count, _ := strconv.Atoi(args[4])
		cl, err := kgo.NewClient(seeds, kgo.TransactionalID(args[3]), kgo.ProducerLinger(5*time.Millisecond))
		must(err)
		for round, n := range []int{count, max(1, count/10)} {
			must(cl.BeginTransaction())
			for i := 0; i < n; i++ {
				s := strconv.Itoa(i)
				r := &kgo.Record{Topic: args[2], Key: []byte("k" + s), Value: []byte("v" + s), Headers: []kgo.RecordHeader{{Key: "n", Value: []byte(s)}}}
				if round == 1 {
					r = &kgo.Record{Topic: args[2], Key: []byte("k" + s), Value: []byte("aborted-" + s)}
				}
				cl.Produce(ctx, r, func(_ *kgo.Record, err error) { must(err) })
			}
			must(cl.Flush(ctx)) // the aborted records are written before the abort, so readers must skip them
			must(cl.EndTransaction(ctx, kgo.TransactionEndTry(round == 0)))
		}
		cl.Close()
		rd, err := kgo.NewClient(seeds, kgo.ConsumeTopics(args[2]), kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
			kgo.FetchIsolationLevel(kgo.ReadCommitted()))
		must(err)
		defer rd.Close()
		for seen := 0; seen < count; {
			fs := rd.PollFetches(ctx)
			must(fs.Err0())
			fs.EachRecord(func(r *kgo.Record) { seen++; out(record(r)) })
		}
		more, stop := context.WithTimeout(ctx, 2*time.Second)
		defer stop()
		rd.PollFetches(more).EachRecord(func(r *kgo.Record) { out(record(r)) })
	default:
		fail("unknown command %s", args[0])
	}
}

func mustClient(opts ...kgo.Opt) *kgo.Client {
	cl, err := kgo.NewClient(opts...)
	must(err)
	return cl
}
