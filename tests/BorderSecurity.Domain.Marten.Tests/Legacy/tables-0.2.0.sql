CREATE TABLE IF NOT EXISTS border_security.bsd_events (
    tenant_id          varchar                     NOT NULL DEFAULT '*DEFAULT*',
    seq                bigint                      NOT NULL,
    stream_id          varchar                     NOT NULL,
    aggregate          varchar                     NOT NULL,
    event_type         varchar                     NOT NULL,
    valid_on           date                        NOT NULL,
    known_from         timestamp with time zone    NOT NULL,
    recorded_at        timestamp with time zone    NOT NULL,
    provenance_hash    varchar                     NOT NULL,
CONSTRAINT pkey_bsd_events_tenant_id_seq PRIMARY KEY (tenant_id, seq)
);

CREATE INDEX ix_bsd_events_aggregate_valid ON border_security.bsd_events USING btree (tenant_id, aggregate, valid_on, seq) INCLUDE (known_from, recorded_at, stream_id, provenance_hash);

CREATE INDEX ix_bsd_events_stream_valid ON border_security.bsd_events USING btree (tenant_id, stream_id, valid_on, seq) INCLUDE (aggregate, known_from, recorded_at, provenance_hash);

CREATE TABLE IF NOT EXISTS border_security.bsd_statements (
    tenant_id      varchar                     NOT NULL DEFAULT '*DEFAULT*',
    seq            bigint                      NOT NULL,
    figure         varchar                     NOT NULL,
    dimension      varchar                     NOT NULL,
    stream_id      varchar                     NOT NULL,
    aggregate      varchar                     NOT NULL,
    valid_on       date                        NOT NULL,
    known_from     timestamp with time zone    NOT NULL,
    recorded_at    timestamp with time zone    NOT NULL,
    value          numeric                     NULL,
    detail         jsonb                       NULL,
CONSTRAINT pkey_bsd_statements_tenant_id_seq_figure_dimension PRIMARY KEY (tenant_id, seq, figure, dimension)
);

CREATE INDEX ix_bsd_statements_figure_valid ON border_security.bsd_statements USING btree (tenant_id, aggregate, stream_id, figure, dimension, valid_on, seq) INCLUDE (known_from, recorded_at, value);

CREATE INDEX ix_bsd_statements_created ON border_security.bsd_statements USING btree (tenant_id, aggregate, stream_id, valid_on, seq) INCLUDE (known_from, recorded_at, detail) WHERE (figure = 'created');

CREATE INDEX ix_bsd_statements_period ON border_security.bsd_statements USING btree (tenant_id, aggregate, stream_id, valid_on, seq) INCLUDE (known_from, recorded_at, detail) WHERE (figure = 'period');

CREATE TABLE IF NOT EXISTS border_security.bsd_idempotency (
    tenant_id       varchar    NOT NULL DEFAULT '*DEFAULT*',
    key             varchar    NOT NULL,
    stream_id       varchar    NOT NULL,
    from_version    bigint     NOT NULL,
    to_version      bigint     NOT NULL,
    fingerprint     varchar    NULL,
CONSTRAINT pkey_bsd_idempotency_tenant_id_key PRIMARY KEY (tenant_id, key)
);

CREATE TABLE IF NOT EXISTS border_security.bsd_provenances (
    tenant_id     varchar    NOT NULL DEFAULT '*DEFAULT*',
    hash          varchar    NOT NULL,
    provenance    jsonb      NOT NULL,
CONSTRAINT pkey_bsd_provenances_tenant_id_hash PRIMARY KEY (tenant_id, hash)
);

CREATE TABLE IF NOT EXISTS border_security.bsd_commitment_recipients (
    tenant_id    varchar    NOT NULL DEFAULT '*DEFAULT*',
    recipient    varchar    NOT NULL,
    stream_id    varchar    NOT NULL,
CONSTRAINT pkey_bsd_commitment_recipients_tenant_id_recipient_stream_id PRIMARY KEY (tenant_id, recipient, stream_id)
);

CREATE TABLE IF NOT EXISTS border_security.bsd_database_tenants (
    tenant    varchar    NOT NULL,
CONSTRAINT pkey_bsd_database_tenants_tenant PRIMARY KEY (tenant)
);

