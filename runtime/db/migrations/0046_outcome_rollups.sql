-- Roll-ups for the outcome indicators (runtime/indicators/outcomes.ts), kept like those of migration 0040: triggers
-- write what each case adds into `outcome_count_deltas` in the transaction that writes the record or changes the case,
-- `compact_analytics_rollups()` folds the deltas into `outcome_counts`, and readers add both.
--
-- outcome_sources: the meanings the indicators read (process, state, event), as the plugins define them today; the
-- indicators read the roll-up only while the registry's meanings are these.
CREATE TABLE "outcome_sources" (
	"meaning" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"state" text,
	"event" text
);
--> statement-breakpoint
INSERT INTO outcome_sources VALUES
  ('registeredUnemployed', 'unemployment-registration', 'registered', NULL),
  ('publishedVacancy', 'vacancy-posting', 'published', NULL),
  ('filledVacancy', 'vacancy-posting', NULL, 'fill'),
  ('certified', 'training-subsidy', 'certified', 'certify'),
  ('employed', 'employment-registration', 'employed', NULL);
--> statement-breakpoint
-- outcome_counts: per org unit (by path: every unit above the case's office and the office itself, so a unit is read by
-- equality), measure and China day, how many (`n`) and, for `timed`, the sum of the days to fill (`days`, numeric as the
-- raw average sums them; `scale` keeps values of one numeric scale per row, so a sum taken back leaves no trace of its
-- scale in the answer). The measures:
--   stock, longTerm   points whose running sum up to a day is the registered unemployed at that day's end (longTerm:
--                      of them, those registered for more than 365 days): +1 where a spell starts counting, -1 where it stops;
--   filled, timed     postings filled that day; of them, those with a publication before, and their days since it;
--   certified, employed  training certificates of that day; of them, those followed by employment within 183 days.
CREATE TABLE "outcome_counts" (
	"unit_path" text NOT NULL,
	"measure" text NOT NULL,
	"day" date NOT NULL,
	"scale" integer NOT NULL,
	"n" bigint NOT NULL,
	"days" numeric NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_counts_key" ON "outcome_counts" ("unit_path", "measure", "day", "scale") INCLUDE ("n", "days");
--> statement-breakpoint
CREATE TABLE "outcome_count_deltas" (LIKE "outcome_counts");
--> statement-breakpoint
-- The China date of an instant, as chinaDayStart/chinaDayEnd bound the indicators' periods (UTC+8, no daylight saving).
CREATE FUNCTION china_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT ((at AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;
--> statement-breakpoint
-- What each case added, so that a change takes back exactly that. A registration's spell: the China days of its first
-- record entering and first record leaving the registered state (a migration's record left out); none without the first.
CREATE TABLE "unemployment_spells" (
	"city_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"registered_day" date NOT NULL,
	"exited_day" date,
	PRIMARY KEY ("city_code", "case_id")
);
--> statement-breakpoint
-- A posting's fills: the China day of each `fill` record and the days since the latest publication before it (null without one).
CREATE TABLE "fill_entries" (
	"city_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"org_path" text NOT NULL,
	"day" date NOT NULL,
	"days" numeric,
	PRIMARY KEY ("city_code", "event_id")
);
--> statement-breakpoint
CREATE INDEX "fill_entries_case_idx" ON "fill_entries" ("city_code", "case_id");
--> statement-breakpoint
-- Employment records by person (of any city, as the indicator looks them up), so a certificate finds them without a scan.
CREATE TABLE "employment_entries" (
	"city_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"subject_id" uuid NOT NULL,
	"left_at" timestamptz NOT NULL,
	PRIMARY KEY ("city_code", "event_id")
);
--> statement-breakpoint
CREATE INDEX "employment_entries_subject_idx" ON "employment_entries" ("subject_id", "left_at");
--> statement-breakpoint
CREATE INDEX "employment_entries_case_idx" ON "employment_entries" ("city_code", "case_id");
--> statement-breakpoint
-- A course's certificates: the China day and whether the person has an employment record within 183 days after it.
CREATE TABLE "training_entries" (
	"city_code" text NOT NULL,
	"case_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"subject_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"day" date NOT NULL,
	"employed" boolean NOT NULL,
	PRIMARY KEY ("city_code", "event_id")
);
--> statement-breakpoint
CREATE INDEX "training_entries_case_idx" ON "training_entries" ("city_code", "case_id");
--> statement-breakpoint
CREATE INDEX "training_entries_subject_idx" ON "training_entries" ("subject_id");
--> statement-breakpoint
-- The entries of every case, worded as outcomes.ts words the raw queries. Plain SQL functions, so they are inlined: a
-- caller's condition on city_code and case_id reaches the records' index.
CREATE FUNCTION unemployment_spells_now() RETURNS SETOF unemployment_spells LANGUAGE sql STABLE AS $$
  SELECT s.city_code, s.case_id, c.org_path, china_day(s.registered_at), china_day(s.exited_at)
  FROM (SELECT e.city_code, e.case_id, min(e.left_at) FILTER (WHERE e.to_state = src.state) AS registered_at,
               min(e.left_at) FILTER (WHERE e.from_state = src.state) AS exited_at
        FROM case_events e JOIN outcome_sources src ON src.meaning = 'registeredUnemployed' AND src.process_id = e.process_id
        WHERE e.event <> 'migrate'
        GROUP BY e.city_code, e.case_id) s
  JOIN cases c ON c.city_code = s.city_code AND c.id = s.case_id
  WHERE s.registered_at IS NOT NULL
$$;
--> statement-breakpoint
CREATE FUNCTION fill_entries_now() RETURNS SETOF fill_entries LANGUAGE sql STABLE AS $$
  SELECT f.city_code, f.case_id, f.id, c.org_path, china_day(f.left_at), extract(epoch FROM f.left_at - p.left_at) / 86400
  FROM case_events f
  JOIN outcome_sources src ON src.meaning = 'filledVacancy' AND src.process_id = f.process_id AND src.event = f.event
  JOIN cases c ON c.city_code = f.city_code AND c.id = f.case_id
  CROSS JOIN LATERAL (SELECT max(e.left_at) AS left_at FROM case_events e JOIN outcome_sources pub ON pub.meaning = 'publishedVacancy' AND pub.state = e.to_state
                      WHERE e.city_code = f.city_code AND e.case_id = f.case_id AND e.event <> 'migrate' AND e.left_at <= f.left_at) p
$$;
--> statement-breakpoint
CREATE FUNCTION employment_entries_now() RETURNS SETOF employment_entries LANGUAGE sql STABLE AS $$
  SELECT h.city_code, h.case_id, h.id, c.subject_id, h.left_at
  FROM case_events h
  JOIN outcome_sources src ON src.meaning = 'employed' AND src.process_id = h.process_id AND src.state = h.to_state
  JOIN cases c ON c.city_code = h.city_code AND c.id = h.case_id
  WHERE h.event <> 'migrate'
$$;
--> statement-breakpoint
-- Reads employment_entries: a course's entries are refreshed after its person's employment entries change.
CREATE FUNCTION training_entries_now() RETURNS SETOF training_entries LANGUAGE sql STABLE AS $$
  SELECT t.city_code, t.case_id, t.id, c.subject_id, c.org_path, china_day(t.left_at),
         EXISTS (SELECT 1 FROM employment_entries h WHERE h.subject_id = c.subject_id AND h.left_at >= t.left_at AND h.left_at < t.left_at + interval '183 days')
  FROM case_events t
  JOIN outcome_sources src ON src.meaning = 'certified' AND src.process_id = t.process_id AND src.state = t.to_state AND src.event = t.event
  JOIN cases c ON c.city_code = t.city_code AND c.id = t.case_id
$$;
--> statement-breakpoint
-- Each entry's points (measure, day, scale, n, days) at the case's office, before they are spread over the units above
-- it. A spell counts in `stock` from its registration day to the day it ended (registered_at < a day's end, exited_at
-- not before it), in `longTerm` from 365 days after registration; a pair that would cancel on one day is left out.
CREATE FUNCTION outcome_points(spell unemployment_spells, fill fill_entries, course training_entries)
RETURNS TABLE(measure text, day date, scale integer, n bigint, days numeric) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'stock', spell.registered_day, 0, 1::bigint, 0::numeric WHERE spell.registered_day IS NOT NULL AND (spell.exited_day IS NULL OR spell.exited_day > spell.registered_day)
  UNION ALL SELECT 'stock', spell.exited_day, 0, -1, 0 WHERE spell.exited_day > spell.registered_day
  UNION ALL SELECT 'longTerm', spell.registered_day + 365, 0, 1, 0
    WHERE spell.registered_day IS NOT NULL AND (spell.exited_day IS NULL OR spell.exited_day > spell.registered_day + 365)
  UNION ALL SELECT 'longTerm', spell.exited_day, 0, -1, 0 WHERE spell.exited_day > spell.registered_day + 365
  UNION ALL SELECT 'filled', fill.day, 0, 1, 0 WHERE fill.day IS NOT NULL
  UNION ALL SELECT 'timed', fill.day, scale(fill.days), 1, fill.days WHERE fill.days IS NOT NULL
  UNION ALL SELECT 'certified', course.day, 0, 1, 0 WHERE course.day IS NOT NULL
  UNION ALL SELECT 'employed', course.day, 0, 1, 0 WHERE course.employed
$$;
--> statement-breakpoint
-- Entries taken back (-1) and added (+1), spread over the units counting them, into the deltas.
CREATE FUNCTION outcome_deltas(before_spells unemployment_spells[], after_spells unemployment_spells[], before_fills fill_entries[],
                               after_fills fill_entries[], before_courses training_entries[], after_courses training_entries[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO outcome_count_deltas
  SELECT u.unit_path, p.measure, p.day, p.scale, x.sign * p.n, x.sign * p.days
  FROM (SELECT -1 AS sign, s.org_path, s AS spell, NULL::fill_entries AS fill, NULL::training_entries AS course FROM unnest(before_spells) s
        UNION ALL SELECT 1, s.org_path, s, NULL, NULL FROM unnest(after_spells) s
        UNION ALL SELECT -1, f.org_path, NULL, f, NULL FROM unnest(before_fills) f
        UNION ALL SELECT 1, f.org_path, NULL, f, NULL FROM unnest(after_fills) f
        UNION ALL SELECT -1, t.org_path, NULL, NULL, t FROM unnest(before_courses) t
        UNION ALL SELECT 1, t.org_path, NULL, NULL, t FROM unnest(after_courses) t) x
  CROSS JOIN LATERAL outcome_points(x.spell, x.fill, x.course) p
  CROSS JOIN LATERAL counting_unit_paths(x.org_path, 0) u
$$;
--> statement-breakpoint
-- Recounts one case's spell, fills and certificates; writes deltas only for what changed. One writer per case at a time.
CREATE FUNCTION outcome_case_refresh(of_city_code text, of_case_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  before_spells unemployment_spells[];
  after_spells unemployment_spells[];
  before_fills fill_entries[];
  after_fills fill_entries[];
  before_courses training_entries[];
  after_courses training_entries[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('outcome_case'), hashtext(of_city_code || of_case_id::text));
  SELECT coalesce(array_agg(s ORDER BY s::text), '{}') INTO before_spells FROM unemployment_spells s WHERE s.city_code = of_city_code AND s.case_id = of_case_id;
  SELECT coalesce(array_agg(s ORDER BY s::text), '{}') INTO after_spells FROM unemployment_spells_now() s WHERE s.city_code = of_city_code AND s.case_id = of_case_id;
  SELECT coalesce(array_agg(f ORDER BY f::text), '{}') INTO before_fills FROM fill_entries f WHERE f.city_code = of_city_code AND f.case_id = of_case_id;
  SELECT coalesce(array_agg(f ORDER BY f::text), '{}') INTO after_fills FROM fill_entries_now() f WHERE f.city_code = of_city_code AND f.case_id = of_case_id;
  SELECT coalesce(array_agg(t ORDER BY t::text), '{}') INTO before_courses FROM training_entries t WHERE t.city_code = of_city_code AND t.case_id = of_case_id;
  SELECT coalesce(array_agg(t ORDER BY t::text), '{}') INTO after_courses FROM training_entries_now() t WHERE t.city_code = of_city_code AND t.case_id = of_case_id;
  IF before_spells = after_spells AND before_fills = after_fills AND before_courses = after_courses THEN
    RETURN;
  END IF;
  IF before_spells <> after_spells THEN
    DELETE FROM unemployment_spells s WHERE s.city_code = of_city_code AND s.case_id = of_case_id;
    INSERT INTO unemployment_spells SELECT * FROM unnest(after_spells);
  ELSE
    before_spells := '{}';
    after_spells := '{}';
  END IF;
  IF before_fills <> after_fills THEN
    DELETE FROM fill_entries f WHERE f.city_code = of_city_code AND f.case_id = of_case_id;
    INSERT INTO fill_entries SELECT * FROM unnest(after_fills);
  ELSE
    before_fills := '{}';
    after_fills := '{}';
  END IF;
  IF before_courses <> after_courses THEN
    DELETE FROM training_entries t WHERE t.city_code = of_city_code AND t.case_id = of_case_id;
    INSERT INTO training_entries SELECT * FROM unnest(after_courses);
  ELSE
    before_courses := '{}';
    after_courses := '{}';
  END IF;
  PERFORM outcome_deltas(before_spells, after_spells, before_fills, after_fills, before_courses, after_courses);
END;
$$;
--> statement-breakpoint
-- Recounts one case's employment records; when they changed, the certificates of the persons they belonged to and
-- belong to now are recounted. Persons are locked (in order) before their certificates are read, so a certificate and
-- an employment record written concurrently cannot each miss the other.
CREATE FUNCTION outcome_employment_refresh(of_city_code text, of_case_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  before_entries employment_entries[];
  after_entries employment_entries[];
  person uuid;
  course record;
BEGIN
  SELECT coalesce(array_agg(h ORDER BY h::text), '{}') INTO before_entries FROM employment_entries h WHERE h.city_code = of_city_code AND h.case_id = of_case_id;
  SELECT coalesce(array_agg(h ORDER BY h::text), '{}') INTO after_entries FROM employment_entries_now() h WHERE h.city_code = of_city_code AND h.case_id = of_case_id;
  IF before_entries = after_entries THEN
    RETURN;
  END IF;
  FOR person IN SELECT DISTINCT x.subject_id FROM (SELECT * FROM unnest(before_entries) UNION ALL SELECT * FROM unnest(after_entries)) x ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('outcome_person'), hashtext(person::text));
  END LOOP;
  DELETE FROM employment_entries h WHERE h.city_code = of_city_code AND h.case_id = of_case_id;
  INSERT INTO employment_entries SELECT * FROM unnest(after_entries);
  FOR course IN SELECT DISTINCT t.city_code, t.case_id FROM training_entries t
                WHERE t.subject_id IN (SELECT x.subject_id FROM unnest(before_entries) x UNION SELECT x.subject_id FROM unnest(after_entries) x) LOOP
    PERFORM outcome_case_refresh(course.city_code, course.case_id);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- A course's certificate is counted under its person's lock, taken before employment_entries is read.
CREATE FUNCTION outcome_course_refresh(of_city_code text, of_case_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  person uuid;
BEGIN
  FOR person IN SELECT DISTINCT x.subject_id FROM (SELECT t.subject_id FROM training_entries t WHERE t.city_code = of_city_code AND t.case_id = of_case_id
                                                   UNION ALL SELECT c.subject_id FROM cases c WHERE c.city_code = of_city_code AND c.id = of_case_id) x ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('outcome_person'), hashtext(person::text));
  END LOOP;
  PERFORM outcome_case_refresh(of_city_code, of_case_id);
END;
$$;
--> statement-breakpoint
CREATE FUNCTION count_outcome_event() RETURNS trigger LANGUAGE plpgsql AS $$
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
    ELSIF src.meaning = 'registeredUnemployed' AND src.process_id = NEW.process_id AND (src.state = NEW.to_state OR src.state = NEW.from_state)
       OR src.meaning = 'filledVacancy' AND src.process_id = NEW.process_id AND src.event = NEW.event
       -- Any record entering the published state is a publication for the lateral look-up, whatever its process.
       OR src.meaning = 'publishedVacancy' AND src.state = NEW.to_state THEN
      PERFORM outcome_case_refresh(NEW.city_code, NEW.case_id);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_outcome_counts AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION count_outcome_event();
--> statement-breakpoint
-- A case moved to another office, merged into another person, or deleted: what its records added is recounted.
CREATE FUNCTION count_outcome_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_now cases;
BEGIN
  row_now := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  PERFORM outcome_employment_refresh(row_now.city_code, row_now.id);
  PERFORM outcome_course_refresh(row_now.city_code, row_now.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cases_outcome_counts AFTER UPDATE OF org_path, subject_id ON cases FOR EACH ROW
  WHEN (OLD.org_path IS DISTINCT FROM NEW.org_path OR OLD.subject_id IS DISTINCT FROM NEW.subject_id) EXECUTE FUNCTION count_outcome_case();
--> statement-breakpoint
CREATE TRIGGER cases_outcome_counts_deleted AFTER DELETE ON cases FOR EACH ROW EXECUTE FUNCTION count_outcome_case();
--> statement-breakpoint
-- Counts the outcome roll-ups again from the records: run here, so an upgraded city's figures are right at once, and by
-- rebuild_analytics_rollups() (the analytics benchmark, after loading its data set with the triggers held off).
CREATE FUNCTION rebuild_outcome_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('work_mem', '256MB', true);
  TRUNCATE unemployment_spells, fill_entries, employment_entries, training_entries, outcome_counts, outcome_count_deltas;
  INSERT INTO unemployment_spells SELECT * FROM unemployment_spells_now();
  INSERT INTO fill_entries SELECT * FROM fill_entries_now();
  INSERT INTO employment_entries SELECT * FROM employment_entries_now();
  INSERT INTO training_entries SELECT * FROM training_entries_now();
  -- Entries alike are counted together before being spread over the units above their office.
  INSERT INTO outcome_counts
    SELECT u.unit_path, g.measure, g.day, g.scale, sum(g.n), sum(g.days)
    FROM (SELECT x.org_path, p.measure, p.day, p.scale, sum(p.n * x.n) AS n, sum(p.days * x.n) AS days
          FROM (SELECT g.org_path, ROW(NULL, NULL, g.org_path, g.registered_day, g.exited_day)::unemployment_spells AS spell,
                       NULL::fill_entries AS fill, NULL::training_entries AS course, g.n
                FROM (SELECT org_path, registered_day, exited_day, count(*) AS n FROM unemployment_spells GROUP BY 1, 2, 3) g
                UNION ALL SELECT f.org_path, NULL, f, NULL, 1 FROM fill_entries f
                UNION ALL SELECT t.org_path, NULL, NULL, t, 1 FROM training_entries t) x
          CROSS JOIN LATERAL outcome_points(x.spell, x.fill, x.course) p
          GROUP BY 1, 2, 3, 4) g
    CROSS JOIN LATERAL counting_unit_paths(g.org_path, 0) u
    GROUP BY 1, 2, 3, 4;
  ANALYZE outcome_counts;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION compact_analytics_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (DELETE FROM step_count_deltas RETURNING *)
  INSERT INTO step_counts
    SELECT org_unit_id, day, process_id, event, from_state, to_state, post, channel, system_actor, with_deadline, on_time, provisional, revised, entered_day, sum(n)
    FROM moved GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
  ON CONFLICT ("day", "org_unit_id", "process_id", "event", "from_state", "to_state", "post", "channel", "system_actor", "with_deadline", "on_time", "provisional", "revised", "entered_day")
    DO UPDATE SET n = step_counts.n + excluded.n;
  WITH moved AS (DELETE FROM market_count_deltas RETURNING *)
  INSERT INTO market_counts
    SELECT quarter, side, breakdown, unit_path, city, key, sum(entries), sum(n) FROM moved GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("unit_path", "side", "breakdown", "quarter", "city", "key")
    DO UPDATE SET entries = market_counts.entries + excluded.entries, n = market_counts.n + excluded.n;
  WITH moved AS (DELETE FROM outcome_count_deltas RETURNING *)
  INSERT INTO outcome_counts
    SELECT unit_path, measure, day, scale, sum(n), sum(days) FROM moved GROUP BY 1, 2, 3, 4
  ON CONFLICT ("unit_path", "measure", "day", "scale")
    DO UPDATE SET n = outcome_counts.n + excluded.n, days = outcome_counts.days + excluded.days;
END;
$$;
--> statement-breakpoint
-- Migration 0040's rebuild, which the benchmark runs after loading its data set, now counts these too.
CREATE OR REPLACE FUNCTION rebuild_analytics_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('work_mem', '256MB', true);
  TRUNCATE step_counts, step_count_deltas, market_entries, market_counts, market_count_deltas;
  INSERT INTO step_counts
    SELECT r.org_unit_id, r.day, r.process_id, r.event, r.from_state, r.to_state, r.post, r.channel, r.system_actor, r.with_deadline, r.on_time,
           r.provisional, r.revised, r.entered_day, count(*)
    FROM case_events e LEFT JOIN record_revisions v ON v.city_code = e.city_code AND v.case_event_id = e.id
    CROSS JOIN LATERAL step_count_row(e, coalesce(v.on_time, e.on_time), v.case_event_id IS NOT NULL, 1) r
    WHERE e.imported_from IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14;
  INSERT INTO market_entries SELECT * FROM market_demand_entries();
  INSERT INTO market_entries SELECT * FROM market_supply_entries();
  -- Counted in three steps, each on far fewer rows than the last: entries alike together, then per breakdown at their
  -- office, then spread over the units above.
  INSERT INTO market_counts
    SELECT o.quarter, o.side, o.breakdown, u.unit_path, o.city, o.key, sum(o.entries), sum(o.n)
    FROM (SELECT g.quarter, g.side, k.breakdown, g.org_path, g.stop_len, g.city, k.key, sum(g.entries) AS entries, sum(g.n) AS n
          FROM (SELECT side, quarter, org_path, stop_len, city, region, occupation, education, skill_level, industry, seeker_category,
                       count(*) AS entries, sum(coalesce(headcount, 0)) AS n
                FROM market_entries GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) g
          CROSS JOIN LATERAL market_entry_keys(ROW(g.side, '', NULL, g.quarter, g.org_path, g.stop_len, g.city, g.region, g.occupation,
                                                   g.education, g.skill_level, g.industry, g.seeker_category, NULL)::market_entries) k
          GROUP BY 1, 2, 3, 4, 5, 6, 7) o
    CROSS JOIN LATERAL counting_unit_paths(o.org_path, o.stop_len) u
    GROUP BY 1, 2, 3, 4, 5, 6;
  ANALYZE step_counts;
  ANALYZE market_entries;
  ANALYZE market_counts;
  PERFORM rebuild_outcome_rollups();
END;
$$;
--> statement-breakpoint
SELECT rebuild_outcome_rollups();
