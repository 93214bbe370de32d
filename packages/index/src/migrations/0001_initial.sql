-- medchain index, schema 1. Hex values (ids, hashes, addresses) are lowercase text so they read
-- as they do everywhere else; the index code lowercases them on the way in.
-- Rebuildable from chain + store (truncateDerivedTables): records, search_params, patients,
-- consents, break_glass, chain_cursor. Local state, never rebuilt: patient_links,
-- break_glass_justifications, audit_entries.

CREATE TABLE records (
  record_key     text        NOT NULL,
  version        integer     NOT NULL CHECK (version >= 0),
  record_id      text        NOT NULL,
  resource_type  text        NOT NULL,
  patient        text        NOT NULL,
  custodian      text        NOT NULL,
  content_hash   text        NOT NULL,
  previous_hash  text,
  anchor_kind    text        NOT NULL CHECK (anchor_kind IN ('single', 'batch', 'pending')),
  batch_root     text,
  leaf_index     integer,
  proof          jsonb,
  anchored_block bigint,
  last_updated   timestamptz NOT NULL,
  wrapped_keys   jsonb       NOT NULL DEFAULT '{}',
  is_current     boolean     NOT NULL,
  erased_at      timestamptz,
  erasure_reason text,
  PRIMARY KEY (record_key, version)
);
-- Searches read current versions, nearly always one patient's of one type.
CREATE INDEX records_current_patient_type ON records (patient, resource_type) WHERE is_current;
-- Crash recovery looks only at the few records still waiting for their anchor.
CREATE INDEX records_pending ON records (batch_root) WHERE anchor_kind = 'pending';

-- No foreign key to records: every row is written by insertRecordVersions in the same
-- transaction as its record, and a key check per row would slow bulk imports.
CREATE TABLE search_params (
  record_key    text    NOT NULL,
  version       integer NOT NULL,
  patient       text    NOT NULL,
  resource_type text    NOT NULL,
  name          text    NOT NULL,
  system        text,
  code          text,
  value_num     numeric,
  value_str     text,
  date_start    timestamptz,
  date_end      timestamptz
);
CREATE INDEX search_params_record ON search_params (record_key, version);
CREATE INDEX search_params_code ON search_params (name, code, system);
CREATE INDEX search_params_date ON search_params (name, date_start, date_end);

CREATE TABLE patients (
  pseudonym             text   PRIMARY KEY,
  registrar             text   NOT NULL,
  encryption_public_key text   NOT NULL,
  registered_block      bigint NOT NULL
);

-- Local to the hospital: the link between its own patient ids and pseudonyms never leaves it.
CREATE TABLE patient_links (
  source_patient_id text        PRIMARY KEY,
  pseudonym         text        NOT NULL,
  linked_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patient_links_pseudonym ON patient_links (pseudonym);

CREATE TABLE consents (
  consent_id     text          PRIMARY KEY,
  patient        text          NOT NULL,
  grantee        text          NOT NULL,
  purposes       integer       NOT NULL,
  resource_types numeric(78, 0) NOT NULL,
  record_ids     jsonb         NOT NULL DEFAULT '[]',
  start_at       timestamptz   NOT NULL,
  expiry_at      timestamptz,
  granted_block  bigint        NOT NULL,
  revoked_at     timestamptz,
  revoked_block  bigint
);
CREATE INDEX consents_patient ON consents (patient);
CREATE INDEX consents_grantee ON consents (grantee);

CREATE TABLE break_glass (
  access_id          text        PRIMARY KEY,
  patient            text        NOT NULL,
  member             text        NOT NULL,
  clinician          text        NOT NULL,
  reason_code        integer     NOT NULL,
  justification_hash text        NOT NULL,
  opened_at          timestamptz NOT NULL,
  expires_at         timestamptz NOT NULL,
  opened_block       bigint      NOT NULL,
  -- IEmergencyAccess.ReviewStatus, by name.
  review_status      text        NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'justified', 'unjustified')),
  reviewer           text,
  reviewed_at        timestamptz,
  review_note_hash   text
);
CREATE INDEX break_glass_patient ON break_glass (patient, opened_at);
CREATE INDEX break_glass_pending ON break_glass (opened_at) WHERE review_status = 'pending';

-- Local: the free-text justification stays at the hospital; the chain holds only its hash.
-- A table of its own so a rebuild (which empties break_glass) keeps it.
CREATE TABLE break_glass_justifications (
  access_id          text PRIMARY KEY,
  justification_text text NOT NULL
);

-- Local: written by this gateway, only the batch root reaches the chain. seq orders entries as
-- appended, so the first N unanchored entries stay the same until anchored (a batch rebuilt after
-- a crash has the same root).
CREATE TABLE audit_entries (
  seq              bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
  entry_id         text        PRIMARY KEY,
  accessor         text        NOT NULL,
  member           text        NOT NULL,
  patient          text        NOT NULL,
  record_id        text,
  record_key       text,
  action           integer     NOT NULL,
  purpose          integer     NOT NULL,
  authorization_id text        NOT NULL,
  decision         integer     NOT NULL,
  at               timestamptz NOT NULL,
  batch_root       text,
  leaf_index       integer,
  proof            jsonb,
  anchored_block   bigint,
  detail           jsonb
);
CREATE INDEX audit_entries_unanchored ON audit_entries (seq) WHERE batch_root IS NULL;
CREATE INDEX audit_entries_patient ON audit_entries (patient, at);
CREATE INDEX audit_entries_accessor ON audit_entries (accessor, at);

CREATE TABLE chain_cursor (
  name         text        PRIMARY KEY,
  block_number bigint      NOT NULL,
  block_hash   text        NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
