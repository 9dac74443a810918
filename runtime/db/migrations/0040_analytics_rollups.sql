-- Roll-ups for the analytics questions at province scale, kept by triggers in the transaction that writes what they
-- count (so they can never disagree with it). Writers only insert into the *_deltas tables (no counter row shared by
-- concurrent steps); `compact_analytics_rollups()` folds the deltas into the summed tables, and readers add both.
--
-- step_counts: performance records (imported history left out) per org unit, China day taken, process, step, post,
-- channel and deadline verdict (after a revision, its verdict): what the drill-downs and the workload count.
CREATE TABLE "step_counts" (
	"org_unit_id" text NOT NULL,
	"day" date NOT NULL,
	"process_id" text NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"post" text,
	"channel" text NOT NULL,
	"system_actor" boolean NOT NULL,
	"with_deadline" boolean NOT NULL,
	"on_time" boolean,
	"provisional" boolean NOT NULL,
	"revised" boolean NOT NULL,
	"entered_day" date,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "step_counts_key" ON "step_counts" ("day", "org_unit_id", "process_id", "event", "from_state", "to_state", "post", "channel",
  "system_actor", "with_deadline", "on_time", "provisional", "revised", "entered_day") NULLS NOT DISTINCT;
--> statement-breakpoint
CREATE TABLE "step_count_deltas" (LIKE "step_counts");
--> statement-breakpoint
-- A record's row: `entered_day` only for the steps a workload counts (with a deadline, taken by a person).
CREATE FUNCTION step_count_row(e case_events, on_time boolean, revised boolean, n bigint) RETURNS step_counts LANGUAGE sql IMMUTABLE AS $$
  SELECT e.org_unit_id, (e.left_at AT TIME ZONE 'Asia/Shanghai')::date, e.process_id, e.event, e.from_state, e.to_state, e.post, e.channel,
    e.actor_role = 'system', e.due_at IS NOT NULL, on_time, e.due_provisional AND NOT revised, revised,
    CASE WHEN e.due_at IS NOT NULL AND e.actor_role <> 'system' THEN (e.entered_at AT TIME ZONE 'Asia/Shanghai')::date END, n
$$;
--> statement-breakpoint
CREATE FUNCTION count_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.imported_from IS NULL THEN
    INSERT INTO step_count_deltas SELECT * FROM step_count_row(NEW, NEW.on_time, false, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_step_counts AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION count_step();
--> statement-breakpoint
-- A record judged again moves from its recorded verdict to the revision's.
CREATE FUNCTION count_step_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  e case_events;
BEGIN
  SELECT * INTO e FROM case_events WHERE city_code = NEW.city_code AND id = NEW.case_event_id;
  IF FOUND AND e.imported_from IS NULL THEN
    INSERT INTO step_count_deltas SELECT * FROM step_count_row(e, e.on_time, false, -1);
    INSERT INTO step_count_deltas SELECT * FROM step_count_row(e, NEW.on_time, true, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER record_revisions_step_counts AFTER INSERT ON record_revisions FOR EACH ROW EXECUTE FUNCTION count_step_revision();
--> statement-breakpoint
-- The supply and demand table. market_sources: the process (and, for demand, the state whose record publishes a
-- posting) each side is counted from; the analysis reads the roll-up only while the plugins' meanings are these.
CREATE TABLE "market_sources" (
	"side" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"state" text
);
--> statement-breakpoint
INSERT INTO market_sources VALUES ('demand', 'vacancy-posting', 'published'), ('supply', 'job-seeking', NULL);
--> statement-breakpoint
-- market_entries: what each posting (entity: the case) and each person seeking work (entity: the person) adds to each
-- quarter, kept so that a change takes back exactly what was added. A person is counted once per quarter with their
-- latest registration; an earlier one of the same quarter counts only in the org units that hold it and not the later
-- one: those whose path is longer than `stop_len`, the longest path prefix it shares with a later one.
CREATE TABLE "market_entries" (
	"side" text NOT NULL,
	"city_code" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"org_path" text NOT NULL,
	"stop_len" integer NOT NULL,
	"city" text NOT NULL,
	"region" text NOT NULL,
	"occupation" text NOT NULL,
	"education" text NOT NULL,
	"skill_level" text NOT NULL,
	"industry" text NOT NULL,
	"seeker_category" text NOT NULL,
	"headcount" integer
);
--> statement-breakpoint
CREATE INDEX "market_entries_entity_idx" ON "market_entries" ("city_code", "entity_id", "side");
--> statement-breakpoint
-- market_counts: per quarter, side, breakdown, org unit (by path: every unit above a posting's or registration's office
-- and the office itself, so any unit's table is read by equality), city and row key, how many entries and their sum
-- (headcount for demand, persons for supply).
CREATE TABLE "market_counts" (
	"quarter" text NOT NULL,
	"side" text NOT NULL,
	"breakdown" text NOT NULL,
	"unit_path" text NOT NULL,
	"city" text NOT NULL,
	"key" text NOT NULL,
	"entries" bigint NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "market_counts_key" ON "market_counts" ("unit_path", "side", "breakdown", "quarter", "city", "key") INCLUDE ("entries", "n");
--> statement-breakpoint
CREATE TABLE "market_count_deltas" (LIKE "market_counts");
--> statement-breakpoint
-- The quarters a validity [from, until] (form dates, compared as text as the analysis does) overlaps.
CREATE FUNCTION market_quarters(valid_from text, valid_until text) RETURNS TABLE(id text, start_date text, end_date text) LANGUAGE sql IMMUTABLE AS $$
  SELECT q.id, q.start_date, q.end_date
  FROM generate_series(
         CASE WHEN valid_from ~ '^\d{4}-(0[1-9]|1[0-2])' AND valid_until ~ '^\d{4}-(0[1-9]|1[0-2])' THEN date_trunc('quarter', (left(valid_from, 7) || '-01')::date) END,
         CASE WHEN valid_from ~ '^\d{4}-(0[1-9]|1[0-2])' AND valid_until ~ '^\d{4}-(0[1-9]|1[0-2])' THEN date_trunc('quarter', (left(valid_until, 7) || '-01')::date) END,
         interval '3 months') AS d
  CROSS JOIN LATERAL (SELECT to_char(d, 'YYYY-"Q"Q') AS id, to_char(d, 'YYYY-MM-DD') AS start_date,
                             to_char(d + interval '3 months' - interval '1 day', 'YYYY-MM-DD') AS end_date) q
  WHERE valid_from <= q.end_date AND valid_until >= q.start_date
$$;
--> statement-breakpoint
CREATE FUNCTION common_prefix_length(a text, b text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(max(i), 0) FROM generate_series(1, least(length(a), length(b))) AS i WHERE left(a, i) = left(b, i)
$$;
--> statement-breakpoint
-- Postings published at some time, per quarter of their validity; keys as runtime/analysis/breakdowns.ts words them.
CREATE FUNCTION market_demand_entries() RETURNS SETOF market_entries LANGUAGE sql STABLE AS $$
  SELECT 'demand', c.city_code, c.id, q.id, c.org_path, 0,
         coalesce(left(c.data->>'workArea', 4) || '00', 'unspecified'), coalesce(left(c.data->>'workArea', 6), 'unspecified'),
         coalesce(left(c.data->>'occupation', 7), 'unspecified'), coalesce(c.data->>'education', 'unspecified'),
         coalesce(c.data->>'skillLevel', 'unspecified'), coalesce(left(c.data->>'industry', 2), 'unspecified'), 'unspecified',
         CASE WHEN c.data->>'headcount' ~ '^-?\d{1,9}$' THEN (c.data->>'headcount')::int END
  FROM cases c JOIN market_sources s ON s.side = 'demand' AND s.process_id = c.process_id
  CROSS JOIN LATERAL market_quarters(c.data->>'validFrom', c.data->>'validUntil') q
  WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.city_code = c.city_code AND e.case_id = c.id AND e.process_id = s.process_id AND e.to_state = s.state)
$$;
--> statement-breakpoint
-- Registrations per quarter of their availability, each with the prefix it shares with the person's later ones.
CREATE FUNCTION market_supply_entries() RETURNS SETOF market_entries LANGUAGE sql STABLE AS $$
  SELECT 'supply', x.city_code, x.subject_id, x.quarter, x.org_path, x.stop_len, x.city, x.region, x.occupation, x.education,
         'unspecified', 'unspecified', x.seeker_category, 1
  FROM (
    SELECT c.city_code, c.subject_id, q.id AS quarter, c.org_path,
           coalesce(left(c.data->'desiredAreas'->>0, 4) || '00', 'unspecified') AS city, coalesce(left(c.data->'desiredAreas'->>0, 6), 'unspecified') AS region,
           coalesce(left(c.data->'desiredOccupations'->>0, 7), 'unspecified') AS occupation, coalesce(c.data->>'education', 'unspecified') AS education,
           coalesce(c.data->>'seekerCategory', 'unspecified') AS seeker_category,
           -- Most persons have one registration in a quarter: the later ones are looked up only for the others.
           CASE WHEN count(*) OVER (PARTITION BY c.city_code, c.subject_id, q.id) = 1 THEN 0
             ELSE coalesce((SELECT max(common_prefix_length(c.org_path, l.org_path)) FROM cases l
                            CROSS JOIN LATERAL market_quarters(l.data->>'availableFrom', l.data->>'validUntil') lq
                            WHERE l.city_code = c.city_code AND l.subject_id = c.subject_id AND l.process_id = c.process_id AND lq.id = q.id
                              AND (l.created_at, l.id) > (c.created_at, c.id)), 0) END AS stop_len
    FROM cases c JOIN market_sources s ON s.side = 'supply' AND s.process_id = c.process_id
    CROSS JOIN LATERAL market_quarters(c.data->>'availableFrom', c.data->>'validUntil') q
  ) x
  WHERE x.stop_len < length(x.org_path)
$$;
--> statement-breakpoint
-- An entry's row key per breakdown that the roll-up answers (sex and age need the person's master data: read raw).
CREATE FUNCTION market_entry_keys(e market_entries) RETURNS TABLE(breakdown text, key text) LANGUAGE sql IMMUTABLE AS $$
  SELECT * FROM (VALUES ('total', 'total'), ('region', e.region), ('city', e.city), ('occupation', e.occupation), ('education', e.education),
                        ('skillLevel', e.skill_level), ('industry', e.industry), ('seekerCategory', e.seeker_category)) AS k(breakdown, key)
$$;
--> statement-breakpoint
-- The org units that count an entry: its office and each unit above it whose path is longer than its `stop_len`.
CREATE FUNCTION counting_unit_paths(org_path text, stop_len integer) RETURNS TABLE(unit_path text) LANGUAGE sql IMMUTABLE AS $$
  SELECT left(org_path, p) FROM generate_series(greatest(stop_len + 1, 2), length(org_path)) AS p WHERE substr(org_path, p, 1) = '/'
$$;
--> statement-breakpoint
-- An entry's rows (or those of `entries` alike, summing to `n`): one per breakdown and counting unit.
CREATE FUNCTION market_count_rows(e market_entries, entries bigint, n bigint) RETURNS SETOF market_counts LANGUAGE sql IMMUTABLE AS $$
  SELECT e.quarter, e.side, k.breakdown, u.unit_path, e.city, k.key, entries, n
  FROM market_entry_keys(e) k CROSS JOIN counting_unit_paths(e.org_path, e.stop_len) u
$$;
--> statement-breakpoint
-- Takes back what an entity added and adds what it adds now, when that changed; one writer per entity at a time.
CREATE FUNCTION market_refresh(entry_side text, entry_city_code text, entity uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  before market_entries[];
  after market_entries[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('market_refresh'), hashtext(entry_side || entry_city_code || entity::text));
  SELECT coalesce(array_agg(e ORDER BY e::text), '{}') INTO before FROM market_entries e
    WHERE e.city_code = entry_city_code AND e.entity_id = entity AND e.side = entry_side;
  IF entry_side = 'demand' THEN
    SELECT coalesce(array_agg(e ORDER BY e::text), '{}') INTO after FROM market_demand_entries() e WHERE e.city_code = entry_city_code AND e.entity_id = entity;
  ELSE
    SELECT coalesce(array_agg(e ORDER BY e::text), '{}') INTO after FROM market_supply_entries() e WHERE e.city_code = entry_city_code AND e.entity_id = entity;
  END IF;
  IF before = after THEN
    RETURN;
  END IF;
  DELETE FROM market_entries e WHERE e.city_code = entry_city_code AND e.entity_id = entity AND e.side = entry_side;
  INSERT INTO market_entries SELECT * FROM unnest(after);
  INSERT INTO market_count_deltas
    SELECT r.* FROM unnest(before) b CROSS JOIN LATERAL market_count_rows(b, -1, -coalesce(b.headcount, 0)) r
    UNION ALL
    SELECT r.* FROM unnest(after) a CROSS JOIN LATERAL market_count_rows(a, 1, coalesce(a.headcount, 0)) r;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION count_market_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was market_sources;
  now_is market_sources;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.data IS NOT DISTINCT FROM NEW.data AND OLD.org_path = NEW.org_path AND OLD.subject_id = NEW.subject_id
     AND OLD.process_id = NEW.process_id AND OLD.created_at = NEW.created_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT * INTO now_is FROM market_sources WHERE process_id = NEW.process_id;
    IF FOUND THEN
      PERFORM market_refresh(now_is.side, NEW.city_code, CASE WHEN now_is.side = 'demand' THEN NEW.id ELSE NEW.subject_id END);
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT * INTO was FROM market_sources WHERE process_id = OLD.process_id;
    -- The entity the row counted for before, when it is another one (a person merged into another, a case deleted).
    IF FOUND AND (TG_OP = 'DELETE' OR was.side = 'supply' AND OLD.subject_id <> NEW.subject_id OR was.process_id <> NEW.process_id) THEN
      PERFORM market_refresh(was.side, OLD.city_code, CASE WHEN was.side = 'demand' THEN OLD.id ELSE OLD.subject_id END);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cases_market_counts AFTER INSERT OR UPDATE OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION count_market_case();
--> statement-breakpoint
CREATE FUNCTION count_market_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM market_sources WHERE side = 'demand' AND process_id = NEW.process_id AND state = NEW.to_state) THEN
    PERFORM market_refresh('demand', NEW.city_code, NEW.case_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_market_counts AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION count_market_publication();
--> statement-breakpoint
-- Folds the deltas into the summed tables (a row summed to zero stays; readers leave it out). Deltas committed meanwhile wait for the next
-- run; readers add the deltas to the sums, so a run's timing never changes an answer.
CREATE FUNCTION compact_analytics_rollups() RETURNS void LANGUAGE plpgsql AS $$
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
END;
$$;
--> statement-breakpoint
--> statement-breakpoint
-- Counts everything again from the records and cases: run here, so that an upgraded city's figures are right at once,
-- and by the analytics benchmark after loading its data set with the triggers held off.
CREATE FUNCTION rebuild_analytics_rollups() RETURNS void LANGUAGE plpgsql AS $$
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
END;
$$;
--> statement-breakpoint
SELECT rebuild_analytics_rollups();
