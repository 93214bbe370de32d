-- medchain index, schema 3: private research screening. All local state, never rebuilt from the
-- chain (the chain holds only hashes and nullifiers): an institution's studies (the range
-- opening of verified mode is its secret until holders ask) and the class vectors it read from
-- results; a hospital's relays (which patient asked it to enroll a nullifier, so only that
-- patient may submit the result). Attestation openings are FHIR records (DocumentReference).

-- Studies this gateway published. document_hash is the SHA-256 of the document bytes in the
-- blob store (the same content address the chain records).
CREATE TABLE research_studies (
  study_id      numeric(78, 0) PRIMARY KEY,
  document_hash text           NOT NULL,
  mode          text           NOT NULL CHECK (mode IN ('paillier', 'verified')),
  codes         jsonb          NOT NULL,
  range_opening jsonb,
  created_at    timestamptz    NOT NULL DEFAULT now()
);

-- One class vector (-1/0/1 per indicator, study order) per enrollment whose result arrived.
CREATE TABLE research_results (
  study_id    numeric(78, 0) NOT NULL REFERENCES research_studies (study_id),
  nullifier   numeric(78, 0) NOT NULL,
  result_hash text           NOT NULL,
  classes     jsonb          NOT NULL,
  received_at timestamptz    NOT NULL DEFAULT now(),
  PRIMARY KEY (study_id, nullifier)
);

-- Enrollments a hospital gateway relayed, bound to the patient who asked.
CREATE TABLE research_relays (
  study_id     numeric(78, 0) NOT NULL,
  nullifier    numeric(78, 0) NOT NULL,
  patient      text           NOT NULL,
  result_hash  text,
  forwarded_at timestamptz,
  created_at   timestamptz    NOT NULL DEFAULT now(),
  PRIMARY KEY (study_id, nullifier)
);
CREATE INDEX research_relays_patient ON research_relays (patient);
