-- medchain index, schema 2: supply chain (drugs and devices).
-- Rebuildable from the chain (a follower reads DrugRegistry and DeviceRegistry events):
-- supply_units, supply_events, supply_devices (cursor: chain_cursor 'supply'). Local state,
-- never rebuilt: supply_scans, supply_alerts, supply_dispense_links.

-- Every commissioned unit, alone or inside a batch (batch_id, leaf_index: its place in the
-- batch tree, from which proofs are rebuilt). Serials and lots are GS1 values, never PHI.
CREATE TABLE supply_units (
  unit_id      text    PRIMARY KEY,
  gtin         text    NOT NULL,
  serial       text    NOT NULL,
  lot_id       text    NOT NULL,
  lot          text    NOT NULL,
  expiry       integer NOT NULL,
  batch_id     text,
  leaf_index   integer,
  manufacturer text    NOT NULL,
  block        bigint  NOT NULL
);
CREATE INDEX supply_units_batch ON supply_units (batch_id, leaf_index) WHERE batch_id IS NOT NULL;

-- The custody trail: one row per DrugRegistry or DeviceRegistry event, keyed by its log.
-- item_id is a unit, batch, lot (recalls) or device id; event_time in unix milliseconds.
CREATE TABLE supply_events (
  block        bigint  NOT NULL,
  log_index    integer NOT NULL,
  item_id      text    NOT NULL,
  event        text    NOT NULL,
  actor        text    NOT NULL,
  counterparty text,
  event_id     text,
  event_time   bigint,
  read_point   text,
  data         jsonb   NOT NULL DEFAULT '{}',
  PRIMARY KEY (block, log_index)
);
CREATE INDEX supply_events_item ON supply_events (item_id, block, log_index);

-- Devices as the chain last reported them, for per-hospital lists (overdue, recalled).
CREATE TABLE supply_devices (
  device_id        text        PRIMARY KEY,
  di               text        NOT NULL,
  pi               text        NOT NULL,
  manufacturer     text        NOT NULL,
  holder           text        NOT NULL,
  status           text        NOT NULL CHECK (status IN ('active', 'decommissioned')),
  installed        boolean     NOT NULL,
  usage            bigint      NOT NULL,
  incidents        integer     NOT NULL,
  last_serviced_at timestamptz,
  next_service_due timestamptz,
  recalled_at      timestamptz,
  block            bigint      NOT NULL
);
CREATE INDEX supply_devices_holder ON supply_devices (holder, status);
CREATE INDEX supply_devices_di ON supply_devices (di);

-- Local: every public scan of a Digital Link, with its verdict and, if the scanner shared it,
-- a coarse place (rounded to 0.1 degree, about 11 km: a city, not a person's address).
CREATE TABLE supply_scans (
  seq      bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
  scan_id  text        PRIMARY KEY,
  unit_id  text        NOT NULL,
  gtin     text        NOT NULL,
  serial   text        NOT NULL,
  verdict  text        NOT NULL,
  lat      numeric(4, 1),
  lng      numeric(4, 1),
  at       timestamptz NOT NULL
);
CREATE INDEX supply_scans_unit ON supply_scans (unit_id, at);

-- Local: alerts for the product's manufacturer and the regulators (a clone scanned in distant
-- places, a scan of an unknown serial of a registered product).
CREATE TABLE supply_alerts (
  alert_id     text        PRIMARY KEY,
  kind         text        NOT NULL CHECK (kind IN ('clone', 'counterfeit')),
  unit_id      text        NOT NULL,
  gtin         text        NOT NULL,
  serial       text        NOT NULL,
  manufacturer text        NOT NULL,
  scan_ids     jsonb       NOT NULL,
  distance_km  numeric,
  created_at   timestamptz NOT NULL
);
CREATE INDEX supply_alerts_manufacturer ON supply_alerts (manufacturer, created_at);
CREATE INDEX supply_alerts_unit ON supply_alerts (unit_id, created_at);

-- Local: the salt of each dispense commitment, so the link to a MedicationDispense record can be
-- shown later; the chain holds only keccak256(recordId, salt).
CREATE TABLE supply_dispense_links (
  unit_id    text        PRIMARY KEY,
  record_key text        NOT NULL,
  salt       text        NOT NULL,
  linked_at  timestamptz NOT NULL DEFAULT now()
);
