package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"
)

// secure: over SASL_SSL with each mechanism, create a topic, write two records and read them in a
// group that commits; a wrong SCRAM password gets no further than the first request.
func secure(s settings) {
	pem, err := os.ReadFile(s.CA)
	check(err)
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	tlsConfig := &tls.Config{RootCAs: pool}
	s256, err := scram.Mechanism(scram.SHA256, s.User, s.Password)
	check(err)
	s512, err := scram.Mechanism(scram.SHA512, s.User, s.Password)
	check(err)
	wrong, err := scram.Mechanism(scram.SHA512, s.User, s.Password+"-not")
	check(err)
	result := map[string]any{}
	for _, m := range []sasl.Mechanism{plain.Mechanism{Username: s.User, Password: s.Password}, s256, s512} {
		result[m.Name()] = secureRoundTrip(s, tlsConfig, m)
	}
	client := &kafka.Client{Addr: kafka.TCP(s.Bootstrap), Transport: &kafka.Transport{TLS: tlsConfig, SASL: wrong}, Timeout: 10 * time.Second}
	_, err = client.Metadata(context.Background(), &kafka.MetadataRequest{})
	result["wrongPassword"] = fmt.Sprint(err)
	emit(result)
}

func secureRoundTrip(s settings, tlsConfig *tls.Config, m sasl.Mechanism) int {
	transport := &kafka.Transport{TLS: tlsConfig, SASL: m}
	topic := fmt.Sprintf("%s-%s", s.Topic, m.Name())
	createTopic(&kafka.Client{Addr: kafka.TCP(s.Bootstrap), Transport: transport, Timeout: 10 * time.Second}, topic, 1)
	w := &kafka.Writer{Addr: kafka.TCP(s.Bootstrap), Topic: topic, Transport: transport, RequiredAcks: kafka.RequireAll}
	check(w.WriteMessages(context.Background(), kafka.Message{Value: []byte("a")}, kafka.Message{Value: []byte("b")}))
	check(w.Close())
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: []string{s.Bootstrap}, Topic: topic, GroupID: topic + "-group", StartOffset: kafka.FirstOffset,
		Dialer: &kafka.Dialer{TLS: tlsConfig, SASLMechanism: m, Timeout: 10 * time.Second}, MaxWait: 200 * time.Millisecond,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	read := 0
	for read < 2 {
		msg, err := r.FetchMessage(ctx)
		check(err)
		check(r.CommitMessages(ctx, msg))
		read++
	}
	check(r.Close())
	return read
}
