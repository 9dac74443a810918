-- A registration's spell, as runtime/indicators/outcomes.ts words it: from the first record entering the registered state from
-- another state to the first record leaving it for another state. A record from the state to itself (the caseworker's `contact`,
-- a `contactRecorded` from another process) is neither: under migration 0046 it ended the spell, so a recorded contact dropped the
-- person from the registered unemployed and the long-term unemployed.
CREATE OR REPLACE FUNCTION unemployment_spells_now() RETURNS SETOF unemployment_spells LANGUAGE sql STABLE AS $$
  SELECT s.city_code, s.case_id, c.org_path, china_day(s.registered_at), china_day(s.exited_at)
  FROM (SELECT e.city_code, e.case_id,
               min(e.left_at) FILTER (WHERE e.to_state = src.state AND e.from_state IS DISTINCT FROM src.state) AS registered_at,
               min(e.left_at) FILTER (WHERE e.from_state = src.state AND e.to_state IS DISTINCT FROM src.state) AS exited_at
        FROM case_events e JOIN outcome_sources src ON src.meaning = 'registeredUnemployed' AND src.process_id = e.process_id
        WHERE e.event <> 'migrate'
        GROUP BY e.city_code, e.case_id) s
  JOIN cases c ON c.city_code = s.city_code AND c.id = s.case_id
  WHERE s.registered_at IS NOT NULL
$$;
--> statement-breakpoint
-- Only records that can start or end a spell recount a registration (a record from a state to itself recounts nothing), and
-- only publications before a fill of their case recount the posting.
CREATE OR REPLACE FUNCTION count_outcome_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src outcome_sources;
BEGIN
  -- A migration's record counts in none of the indicators.
  IF NEW.event = 'migrate' THEN
    RETURN NULL;
  END IF;
  FOR src IN SELECT * FROM outcome_sources s WHERE s.process_id = NEW.process_id OR s.state = NEW.to_state LOOP
    IF src.meaning = 'employed' AND src.process_id = NEW.process_id AND src.state = NEW.to_state THEN
      PERFORM outcome_employment_refresh(NEW.city_code, NEW.case_id);
    ELSIF src.meaning = 'certified' AND src.process_id = NEW.process_id AND src.state = NEW.to_state AND src.event = NEW.event THEN
      PERFORM outcome_course_refresh(NEW.city_code, NEW.case_id);
    ELSIF src.meaning = 'registeredUnemployed' AND src.process_id = NEW.process_id AND NEW.from_state IS DISTINCT FROM NEW.to_state
          AND (src.state = NEW.to_state OR src.state = NEW.from_state)
       OR src.meaning = 'filledVacancy' AND src.process_id = NEW.process_id AND src.event = NEW.event THEN
      PERFORM outcome_case_refresh(NEW.city_code, NEW.case_id);
    ELSIF src.meaning = 'publishedVacancy' AND src.state = NEW.to_state THEN
      -- Any record entering the published state is a publication for the fills' look-up, whatever its process, and changes
      -- only the days to fill of its case's fills at or after it: with none (as on every first publication), nothing to
      -- recount. fill_entries holds every fill of the case (each fill recounts its case); read under the case's lock, as
      -- outcome_case_refresh reads it.
      PERFORM pg_advisory_xact_lock(hashtext('outcome_case'), hashtext(NEW.city_code || NEW.case_id::text));
      IF EXISTS (SELECT 1 FROM fill_entries f WHERE f.city_code = NEW.city_code AND f.case_id = NEW.case_id AND f.day >= china_day(NEW.left_at)) THEN
        PERFORM outcome_case_refresh(NEW.city_code, NEW.case_id);
      END IF;
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The spells written before: those that differ from the records' are taken back and counted again (their deltas folded by
-- the next compaction), the others left as they are.
DO $$
DECLARE
  before_spells unemployment_spells[];
  after_spells unemployment_spells[];
BEGIN
  SELECT coalesce(array_agg(s), '{}') INTO before_spells FROM (SELECT * FROM unemployment_spells EXCEPT ALL SELECT * FROM unemployment_spells_now()) s;
  SELECT coalesce(array_agg(s), '{}') INTO after_spells FROM (SELECT * FROM unemployment_spells_now() EXCEPT ALL SELECT * FROM unemployment_spells) s;
  DELETE FROM unemployment_spells s USING unnest(before_spells) b WHERE s.city_code = b.city_code AND s.case_id = b.case_id;
  INSERT INTO unemployment_spells SELECT * FROM unnest(after_spells);
  PERFORM outcome_deltas(before_spells, after_spells, '{}', '{}', '{}', '{}');
END;
$$;
