-- A database written by BorderSecurity.Domain 0.1.0 (commit 6643564): its 2024 reference timeline imported with
-- ReferenceTimeline2024.ReplayIntoAsync into AddBorderSecurity().UseMarten(...), then
-- pg_dump -n border_security --no-owner --no-privileges --inserts (psql meta-commands removed). Never edit: it is what
-- that version wrote, and every later version must read, ask, import into and rebuild it (MartenDatabase010Tests).
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: border_security; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA border_security;


--
-- Name: mt_archive_stream(character varying); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_archive_stream(streamid character varying) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
  update border_security.mt_streams set is_archived = TRUE where id = streamid ;
  update border_security.mt_events set is_archived = TRUE where stream_id = streamid ;
END;
$$;


--
-- Name: mt_grams_array(text, boolean); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_grams_array(words text, use_unaccent boolean DEFAULT false) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
        DECLARE
result text[];
        DECLARE
word text;
        DECLARE
clean_word text;
BEGIN
                FOREACH
word IN ARRAY string_to_array(words, ' ')
                LOOP
                     clean_word = regexp_replace(border_security.mt_safe_unaccent(use_unaccent, word), '[^a-zA-Z0-9]+', '','g');
FOR i IN 1 .. length(clean_word)
                     LOOP
                         result := result || quote_literal(substr(lower(clean_word), i, 1));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 2));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 3));
END LOOP;
END LOOP;

RETURN ARRAY(SELECT DISTINCT e FROM unnest(result) AS a(e) ORDER BY e);
END;
$$;


--
-- Name: mt_grams_query(text, boolean); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_grams_query(text, use_unaccent boolean DEFAULT false) RETURNS tsquery
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(border_security.mt_grams_array($1, use_unaccent), ' & ') ::tsquery);
END
$_$;


--
-- Name: mt_grams_vector(text, boolean); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_grams_vector(text, use_unaccent boolean DEFAULT false) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(border_security.mt_grams_array($1, use_unaccent), ' ') ::tsvector);
END
$_$;


--
-- Name: mt_immutable_date(text); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_immutable_date(value text) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$
select value::date

$$;


--
-- Name: mt_immutable_time(text); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_immutable_time(value text) RETURNS time without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::time

$$;


--
-- Name: mt_immutable_timestamp(text); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_immutable_timestamp(value text) RETURNS timestamp without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamp

$$;


--
-- Name: mt_immutable_timestamptz(text); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_immutable_timestamptz(value text) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamptz

$$;


--
-- Name: mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    patch_expression ALIAS FOR $5;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
            END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    tmp_value jsonb;
    _key text;
BEGIN
    tmp_value = retval #> location;

    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN NOT tmp_value ?| ARRAY(SELECT jsonb_object_keys(val)) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_copy(jsonb, text[], text[]); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_copy(jsonb, text[], text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_path ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = border_security.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value::jsonb, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_duplicate(jsonb, text[], jsonb); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_duplicate(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    targets ALIAS FOR $3;
    tmp_value jsonb;
    target_path text[];
    target text;
BEGIN
    FOR target IN SELECT jsonb_array_elements_text(targets)
    LOOP
        target_path = border_security.mt_jsonb_path_to_array(target, '\.');
        retval = border_security.mt_jsonb_copy(retval, location, target_path);
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_fix_null_parent(jsonb, text[]); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_fix_null_parent(jsonb, text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    dst_path ALIAS FOR $2;
    dst_path_segment text[] = ARRAY[]::text[];
    dst_path_array_length integer;
    i integer = 1;
BEGIN
    dst_path_array_length = array_length(dst_path, 1);
    WHILE i <=(dst_path_array_length - 1)
    LOOP
        dst_path_segment = dst_path_segment || ARRAY[dst_path[i]];
        IF retval #> dst_path_segment IS NULL OR retval #> dst_path_segment = 'null'::jsonb THEN
            retval = jsonb_set(retval, dst_path_segment, '{}'::jsonb, TRUE);
        END IF;
        i = i + 1;
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_increment(jsonb, text[], numeric); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_increment(jsonb, text[], numeric) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    location ALIAS FOR $2;
    increment_value ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NULL THEN
        tmp_value = to_jsonb(0);
END IF;

RETURN jsonb_set(retval, location, to_jsonb(tmp_value::numeric + increment_value), TRUE);
END;
$_$;


--
-- Name: mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    elm_index ALIAS FOR $4;
    if_not_exists ALIAS FOR $5;
    patch_expression ALIAS FOR $6;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF elm_index IS NULL THEN
            elm_index = jsonb_array_length(tmp_value) + 1;
        END IF;
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_move(jsonb, text[], text); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_move(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_name ALIAS FOR $3;
    dst_path text[];
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = retval #- src_path;
    dst_path = src_path;
    dst_path[array_length(dst_path, 1)] = dst_name;
    retval = border_security.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_patch(jsonb, jsonb); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_patch(jsonb, jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    patchset ALIAS FOR $2;
    patch jsonb;
    patch_path text[];
    patch_expression jsonb;
    value jsonb;
BEGIN
    FOR patch IN SELECT * from jsonb_array_elements(patchset)
    LOOP
        patch_path = border_security.mt_jsonb_path_to_array((patch->>'path')::text, '\.');

        patch_expression = null;
        IF (patch->>'type') IN ('remove', 'append_if_not_exists', 'insert_if_not_exists') AND (patch->>'expression') IS NOT NULL THEN
            patch_expression = jsonb_path_query_array(retval #> patch_path, (patch->>'expression')::jsonpath);
        END IF;

        CASE patch->>'type'
            WHEN 'set' THEN
                retval = jsonb_set(retval, patch_path, (patch->'value')::jsonb, TRUE);
            WHEN 'delete' THEN
                retval = retval#-patch_path;
            WHEN 'append' THEN
                retval = border_security.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, FALSE);
            WHEN 'append_if_not_exists' THEN
                retval = border_security.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, TRUE, patch_expression);
            WHEN 'append_key_value' THEN
                retval = border_security.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, FALSE);
            WHEN 'append_key_value_if_not_exists' THEN
                retval = border_security.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, TRUE);
            WHEN 'insert' THEN
                retval = border_security.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, FALSE);
            WHEN 'insert_if_not_exists' THEN
                retval = border_security.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, TRUE, patch_expression);
            WHEN 'remove' THEN
                retval = border_security.mt_jsonb_remove(retval, patch_path, COALESCE(patch_expression, (patch->'value')::jsonb));
            WHEN 'remove_key' THEN
                retval = border_security.mt_jsonb_remove_key(retval, patch_path, (patch->>'key'));
            WHEN 'duplicate' THEN
                retval = border_security.mt_jsonb_duplicate(retval, patch_path, (patch->'targets')::jsonb);
            WHEN 'rename' THEN
                retval = border_security.mt_jsonb_move(retval, patch_path, (patch->>'to')::text);
            WHEN 'increment' THEN
                retval = border_security.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            WHEN 'increment_float' THEN
                retval = border_security.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            ELSE NULL;
        END CASE;
    END LOOP;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_path_to_array(text, character); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_path_to_array(text, character) RETURNS text[]
    LANGUAGE plpgsql
    AS $_$
DECLARE
    location ALIAS FOR $1;
    regex_pattern ALIAS FOR $2;
BEGIN
RETURN regexp_split_to_array(location, regex_pattern)::text[];
END;
$_$;


--
-- Name: mt_jsonb_remove(jsonb, text[], jsonb); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_remove(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF jsonb_typeof(val) = 'array' THEN
            tmp_remove = val;
        ELSE
            tmp_remove = jsonb_build_array(val);
        END IF;

        FOR patch_remove IN SELECT * FROM jsonb_array_elements(tmp_remove)
        LOOP
            tmp_value =(SELECT jsonb_agg(elem)
            FROM jsonb_array_elements(tmp_value) AS elem
            WHERE elem <> patch_remove);
        END LOOP;

        IF tmp_value IS NULL THEN
            tmp_value = '[]'::jsonb;
        END IF;
    END IF;
    RETURN jsonb_set(retval, location, tmp_value, FALSE);
END;
$_$;


--
-- Name: mt_jsonb_remove_key(jsonb, text[], text); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_jsonb_remove_key(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    _key ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        RETURN jsonb_set(retval, location, tmp_value - _key, FALSE);
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_mark_event_progression(character varying, bigint); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_mark_event_progression(name character varying, last_encountered bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
INSERT INTO border_security.mt_event_progression (name, last_seq_id, last_updated)
VALUES (name, last_encountered, transaction_timestamp())
ON CONFLICT ON CONSTRAINT pk_mt_event_progression
    DO
UPDATE SET last_seq_id = last_encountered, last_updated = transaction_timestamp();

END;

$$;


--
-- Name: mt_mark_progression_with_skip(character varying, bigint, bigint); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_mark_progression_with_skip(shard_name character varying, ending_sequence bigint, starting_sequence bigint) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
    current_value bigint;
BEGIN
    select last_seq_id into current_value from border_security.mt_event_progression where name = shard_name;

    IF current_value is null then
        -- Bootstrap the high-water row on first invocation. Previously this branch
        -- returned 0, which left HighWaterAgent.CheckNowAsync polling forever because
        -- statistics.CurrentMark never advanced. Issue #4425.
        INSERT INTO border_security.mt_event_progression (name, last_seq_id, last_updated)
        VALUES (shard_name, ending_sequence, transaction_timestamp())
        ON CONFLICT ON CONSTRAINT pk_mt_event_progression
            DO UPDATE SET last_seq_id = ending_sequence, last_updated = transaction_timestamp();
        IF ending_sequence > starting_sequence THEN
            -- Idempotent: a rebuild/replay re-marks the same skip (ending_sequence is the
            -- PK). Re-recording an existing gap is a no-op. Conflict target is the PK
            -- constraint (the bare column name collides with the function parameter). #4530.
            insert into border_security.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
                on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        END IF;
        return ending_sequence;
    ELSIF current_value = starting_sequence THEN
        update border_security.mt_event_progression SET last_seq_id = ending_sequence, last_updated = transaction_timestamp() where shard_name = name;
        insert into border_security.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
            on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        return ending_sequence;
    ELSE
        return current_value;
    END IF;
END
$$;


--
-- Name: mt_quick_append_events(character varying, character varying, character varying, uuid[], character varying[], character varying[], jsonb[], bytea[], jsonb[], bigint); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_quick_append_events(stream character varying, stream_type character varying, tenantid character varying, event_ids uuid[], event_types character varying[], dotnet_types character varying[], bodies jsonb[], bdatas bytea[], headers jsonb[], expected_version bigint DEFAULT NULL::bigint) RETURNS bigint[]
    LANGUAGE plpgsql
    AS $$
DECLARE
	event_version bigint;
	stream_is_archived boolean;
	event_type varchar;
	event_id uuid;
	body jsonb;
	index int;
	seq bigint;
    actual_tenant varchar;
    is_new_stream boolean := false;
	return_value bigint[];
BEGIN
    if expected_version IS NOT NULL then
        -- COALESCE turns the NULL we get for a brand-new stream into 0, so a
        -- FetchForWriting against a non-existent stream (which sets
        -- ExpectedVersionOnServer = 0) and a StartStream(id, version: 0) both
        -- land on the new-stream branch instead of mis-firing the guard.
        select version, is_archived into event_version, stream_is_archived from border_security.mt_streams where id = stream;
        if COALESCE(event_version, 0) != expected_version then
            RAISE EXCEPTION 'Stream version mismatch on ''%'': expected %, actual %', stream, expected_version, COALESCE(event_version, 0) USING ERRCODE = 'MT003';
        end if;
    else
        select version, is_archived into event_version, stream_is_archived from border_security.mt_streams where id = stream;
    end if;

	if event_version IS NULL then
		event_version = 0;
		is_new_stream := true;
		-- #5456 follow-up: insert the FINAL version straight away rather than 0 plus a
		-- trailing UPDATE of the row we just wrote in this same transaction. That UPDATE
		-- is a second heap tuple + WAL record per stream creation for no observable gain
		-- -- nothing outside this transaction can see the intermediate 0. The trailing
		-- UPDATE below is skipped for this branch via is_new_stream.
		insert into border_security.mt_streams (id, type, version, timestamp, tenant_id) values (stream, stream_type, COALESCE(array_length(event_ids, 1), 0), now(), tenantid);
    else
        if stream_is_archived then
            RAISE EXCEPTION 'Attempted to append event to archived stream with Id ''%''.', stream USING ERRCODE = 'MT001';
        end if;
        if tenantid IS NOT NULL then
            select tenant_id into actual_tenant from border_security.mt_streams where id = stream;
            if actual_tenant != tenantid then
                RAISE EXCEPTION 'The tenantid does not match the existing stream';
            end if;
        end if;
	end if;

	index := 1;
	-- #5062: array_length('{}', 1) is NULL in PostgreSQL, not 0, so a call with an
	-- empty event array used to return ARRAY[NULL] -- a bigint[] whose only element
	-- is NULL, which Npgsql cannot read into long[] ('Cannot read a non-nullable
	-- collection of elements because the returned array contains nulls'). COALESCE
	-- makes the empty case mean what it says: zero events appended, so the final
	-- version is the stream's current version.
	return_value := ARRAY[event_version + COALESCE(array_length(event_ids, 1), 0)];

	foreach event_id in ARRAY event_ids
	loop
        seq := nextval('border_security.mt_events_sequence');
		return_value := array_append(return_value, seq);

	    event_version := event_version + 1;
		event_type = event_types[index];
		body = bodies[index];

		-- #4515 / #4578 / Phase 2: bdatas[index] carries the binary payload
		-- for events opted in to binary serialization (NULL otherwise).
		-- bodies[index] is the {} JSON placeholder for those events so the
		-- existing data jsonb NOT NULL constraint stays intact.
		insert into border_security.mt_events
			(seq_id, id, stream_id, version, data, bdata, type, tenant_id, timestamp, mt_dotnet_type, is_archived, headers)
		values
			(seq, event_id, stream, event_version, body, bdatas[index], event_type, tenantid, (now() at time zone 'utc'), dotnet_types[index], FALSE, headers[index]);

		index := index + 1;
	end loop;

	-- A brand-new stream already carries its final version from the insert above, so the
	-- UPDATE is only needed when we appended onto a stream that already existed.
	--
	-- #5539: and only when we actually appended something. With ZERO events this was a BLIND write-back
	-- of the version read at the top of the function, and under READ COMMITTED that is a lost update: the
	-- UPDATE waits on a concurrent appender's row lock, the winner commits, the WHERE clause is
	-- re-evaluated against the new row, and `set version = <the stale value>` lands -- leaving
	-- mt_streams.version BELOW the stream's own events. Every later append then computes a version that
	-- already exists and dies on pk_mt_events_stream_and_version, forever, until the row is repaired by
	-- hand. A non-empty call cannot do this: its first INSERT collides with the winner on that same
	-- primary key and rolls the whole thing back, which is why only the empty case was exposed.
	--
	-- Two independent guards, because either alone would have been enough and the cost of both is nil:
	--   * the append count -- appending nothing has nothing to write, so the correct number of statements
	--     is zero rather than one that happens to be harmless;
	--   * greatest(), so the write-back can never LOWER a stream's version whoever calls it. An append
	--     only ever moves a version forward, so this is a no-op on every correct path and a backstop on
	--     any future caller that reads the version and then writes it back.
	if not is_new_stream and COALESCE(array_length(event_ids, 1), 0) > 0 then
		update border_security.mt_streams set version = greatest(version, event_version), timestamp = now() where id = stream;
	end if;

	return return_value;
END
$$;


--
-- Name: mt_safe_unaccent(boolean, text); Type: FUNCTION; Schema: border_security; Owner: -
--

CREATE FUNCTION border_security.mt_safe_unaccent(use_unaccent boolean, word text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
BEGIN
IF use_unaccent THEN
    RETURN public.unaccent(word);
ELSE
    RETURN word;
END IF;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: bsd_commitment_recipients; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.bsd_commitment_recipients (
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying NOT NULL,
    recipient character varying NOT NULL,
    stream_id character varying NOT NULL
);


--
-- Name: bsd_database_tenants; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.bsd_database_tenants (
    tenant character varying NOT NULL
);


--
-- Name: bsd_events; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.bsd_events (
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying NOT NULL,
    seq bigint NOT NULL,
    stream_id character varying NOT NULL,
    aggregate character varying NOT NULL,
    event_type character varying NOT NULL,
    valid_on date NOT NULL,
    known_from timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    provenance_hash character varying NOT NULL
);


--
-- Name: bsd_idempotency; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.bsd_idempotency (
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying NOT NULL,
    key character varying NOT NULL,
    stream_id character varying NOT NULL,
    from_version bigint NOT NULL,
    to_version bigint NOT NULL
);


--
-- Name: bsd_provenances; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.bsd_provenances (
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying NOT NULL,
    hash character varying NOT NULL,
    provenance jsonb NOT NULL
);


--
-- Name: bsd_statements; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.bsd_statements (
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying NOT NULL,
    seq bigint NOT NULL,
    figure character varying NOT NULL,
    dimension character varying NOT NULL,
    stream_id character varying NOT NULL,
    aggregate character varying NOT NULL,
    valid_on date NOT NULL,
    known_from timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    value numeric,
    detail jsonb
);


--
-- Name: mt_doc_deadletterevent; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.mt_doc_deadletterevent (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_event_progression; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.mt_event_progression (
    name character varying NOT NULL,
    last_seq_id bigint,
    last_updated timestamp with time zone DEFAULT transaction_timestamp(),
    mode character varying DEFAULT 'none'::character varying,
    rebuild_threshold integer DEFAULT 0,
    assigned_node integer DEFAULT 0,
    heartbeat timestamp with time zone,
    agent_status character varying(20),
    pause_reason text,
    running_on_node integer,
    warning_behind_threshold bigint,
    critical_behind_threshold bigint,
    failure_category character varying(50),
    failure_event_sequence bigint,
    failure_event_type character varying(500),
    failure_event_tenant_id character varying(500)
);


--
-- Name: mt_event_projection_floors; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.mt_event_projection_floors (
    name character varying NOT NULL,
    tenant_id character varying NOT NULL,
    floor bigint NOT NULL,
    last_updated timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_events; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.mt_events (
    seq_id bigint NOT NULL,
    id uuid NOT NULL,
    stream_id character varying,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    bdata bytea,
    type character varying(500) NOT NULL,
    "timestamp" timestamp with time zone DEFAULT '2026-12-05 01:37:01.572288+00'::timestamp with time zone NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    mt_dotnet_type character varying,
    headers jsonb,
    is_archived boolean DEFAULT false
);


--
-- Name: mt_events_sequence; Type: SEQUENCE; Schema: border_security; Owner: -
--

CREATE SEQUENCE border_security.mt_events_sequence
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: mt_events_sequence; Type: SEQUENCE OWNED BY; Schema: border_security; Owner: -
--

ALTER SEQUENCE border_security.mt_events_sequence OWNED BY border_security.mt_events.seq_id;


--
-- Name: mt_high_water_skips; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.mt_high_water_skips (
    ending_sequence bigint NOT NULL,
    starting_sequence bigint NOT NULL,
    "timestamp" timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_streams; Type: TABLE; Schema: border_security; Owner: -
--

CREATE TABLE border_security.mt_streams (
    id character varying NOT NULL,
    type character varying,
    version bigint,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    created timestamp with time zone DEFAULT now() NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    compacted_version bigint DEFAULT 0 NOT NULL,
    is_archived boolean DEFAULT false
);


--
-- Data for Name: bsd_commitment_recipients; Type: TABLE DATA; Schema: border_security; Owner: -
--

INSERT INTO border_security.bsd_commitment_recipients VALUES
	('*DEFAULT*', 'Border Security Command', 'funding:bsc-2024-09-ima-redirect'),
	('*DEFAULT*', 'Border Security Command', 'funding:bsc-2024-11-budget'),
	('*DEFAULT*', 'INTERPOL', 'funding:interpol-2024-25'),
	('*DEFAULT*', 'Home Office international serious organised crime programme', 'funding:isoc-2025-26');


--
-- Data for Name: bsd_database_tenants; Type: TABLE DATA; Schema: border_security; Owner: -
--



--
-- Data for Name: bsd_events; Type: TABLE DATA; Schema: border_security; Owner: -
--

INSERT INTO border_security.bsd_events VALUES
	('*DEFAULT*', 1, 'legislation:illegal-migration-act-2023', 'legislation', 'legislation.enacted-recorded.v1', '2023-07-20', '2023-07-20 12:00:00+00', '2026-12-05 01:37:01.927319+00', '860d7db16fba52cc80be6da2733283bebfccca78501ce237176bac79aef7023d'),
	('*DEFAULT*', 2, 'command:bsc', 'command', 'command.established.v1', '2024-07-07', '2024-07-07 12:00:00+00', '2026-12-05 01:37:01.993401+00', 'fbaea1b6ebdb3f201843e40c8399c425009d1767b3b55e740b0578e33751d26d'),
	('*DEFAULT*', 3, 'command:bsc', 'command', 'command.agency-joined.v1', '2024-07-07', '2024-07-07 12:00:00+00', '2026-12-05 01:37:02.052587+00', '72e40c5d006a807eb6846615cdd76f41f267eabeec113f1dcddbf08d3f3b53d6'),
	('*DEFAULT*', 4, 'command:bsc', 'command', 'command.agency-joined.v1', '2024-07-07', '2024-07-07 12:00:00+00', '2026-12-05 01:37:02.085124+00', '72e40c5d006a807eb6846615cdd76f41f267eabeec113f1dcddbf08d3f3b53d6'),
	('*DEFAULT*', 5, 'command:bsc', 'command', 'command.agency-joined.v1', '2024-07-07', '2024-07-07 12:00:00+00', '2026-12-05 01:37:02.096055+00', '72e40c5d006a807eb6846615cdd76f41f267eabeec113f1dcddbf08d3f3b53d6'),
	('*DEFAULT*', 6, 'command:bsc', 'command', 'command.agency-joined.v1', '2024-07-07', '2024-07-07 12:00:00+00', '2026-12-05 01:37:02.100263+00', '72e40c5d006a807eb6846615cdd76f41f267eabeec113f1dcddbf08d3f3b53d6'),
	('*DEFAULT*', 7, 'command:bsc', 'command', 'command.agency-joined.v1', '2024-07-07', '2024-07-07 12:00:00+00', '2026-12-05 01:37:02.102122+00', '72e40c5d006a807eb6846615cdd76f41f267eabeec113f1dcddbf08d3f3b53d6'),
	('*DEFAULT*', 8, 'recruitment:border-security-commander', 'recruitment', 'recruitment.target-set.v1', '2024-07-08', '2024-07-08 12:00:00+00', '2026-12-05 01:37:02.107653+00', '6ff157613f7b540ed1a67e9a7c00cfdb79c7c30d0fa6236cafe7c37264fe86da'),
	('*DEFAULT*', 9, 'legislation:border-security-asylum-immigration-bill', 'legislation', 'legislation.announced.v1', '2024-07-17', '2024-07-17 12:00:00+00', '2026-12-05 01:37:02.150099+00', '62becb8ed7497c7aa34d56dbb62dbd63398f8e652dd839c23162b32f0303771f'),
	('*DEFAULT*', 10, 'recruitment:nca-specialist-officers', 'recruitment', 'recruitment.target-set.v1', '2024-08-21', '2024-08-21 12:00:00+00', '2026-12-05 01:37:02.159069+00', '6ff157613f7b540ed1a67e9a7c00cfdb79c7c30d0fa6236cafe7c37264fe86da'),
	('*DEFAULT*', 11, 'command:bsc', 'command', 'command.leader-appointed.v1', '2024-09-15', '2024-09-15 12:00:00+00', '2026-12-05 01:37:02.168768+00', 'a3c4f59a10c4135c8918857132347da167923cc994c2678e6d4167d870a64bf3'),
	('*DEFAULT*', 12, 'recruitment:border-security-commander', 'recruitment', 'recruitment.target-met.v1', '2024-09-15', '2024-09-15 12:00:00+00', '2026-12-05 01:37:02.177357+00', '6ff157613f7b540ed1a67e9a7c00cfdb79c7c30d0fa6236cafe7c37264fe86da'),
	('*DEFAULT*', 13, 'funding:bsc-2024-09-ima-redirect', 'funding', 'funding.redirected.v2', '2024-09-17', '2024-09-17 12:00:00+00', '2026-12-05 01:37:02.252715+00', '286194964113ec6eea9a4adb9adfb64a961f8b4200162a9767278d8c57f11d0e'),
	('*DEFAULT*', 14, 'command:bsc', 'command', 'command.agency-joined.v1', '2024-09-17', '2024-09-17 12:00:00+00', '2026-12-05 01:37:02.268128+00', '8ce0132bd4fbee888ad4a15fb726c1728b3aad5345aa504d15c562043d794489'),
	('*DEFAULT*', 15, 'command:bsc', 'command', 'command.international-agreement-joined.v1', '2024-10-04', '2024-10-04 12:00:00+00', '2026-12-05 01:37:02.271865+00', 'c55be2627c3f49ceab0234e28da8e2673a27d7291653215a99bbc74caab13f36'),
	('*DEFAULT*', 16, 'funding:bsc-2024-11-budget', 'funding', 'funding.pledged.v2', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.278127+00', '60c53b2ea8a3170f2cb80f7ad8318d24ed1ff412df2a20fd758406813a9e78ab'),
	('*DEFAULT*', 17, 'recruitment:bsc-staff', 'recruitment', 'recruitment.target-set.v1', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.282417+00', '5296152e74b8496a9800778cadc68cd8d8e0e45b8b15d8b4700d3abc0b801523'),
	('*DEFAULT*', 18, 'recruitment:nca-specialist-officers', 'recruitment', 'recruitment.target-reannounced.v1', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.286582+00', 'a3fbe24d2410fbed4226f88751c64131da6c2ec08de4a9ad1f2bee0850c8c79e'),
	('*DEFAULT*', 19, 'command:bsc', 'command', 'command.unit-created.v1', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.29114+00', '5296152e74b8496a9800778cadc68cd8d8e0e45b8b15d8b4700d3abc0b801523'),
	('*DEFAULT*', 20, 'funding:interpol-2024-25', 'funding', 'funding.pledged.v2', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.294132+00', '050788f9079a8df1e7d788826dcf0f94a2dceb5d43e0210655b476cb7fc7290e'),
	('*DEFAULT*', 21, 'funding:isoc-2025-26', 'funding', 'funding.pledged.v2', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.296788+00', '050788f9079a8df1e7d788826dcf0f94a2dceb5d43e0210655b476cb7fc7290e'),
	('*DEFAULT*', 22, 'funding:bsc-2024-09-ima-redirect', 'funding', 'funding.reannounced.v1', '2024-11-04', '2024-11-06 12:00:00+00', '2026-12-05 01:37:02.303984+00', '071b85200d7dfe52840d37721f8129ead57906a53bf1c1f526e581bedfe118c6'),
	('*DEFAULT*', 23, 'funding:bsc-2024-09-ima-redirect', 'funding', 'funding.period-revised.v1', '2024-11-04', '2024-11-06 12:00:00+00', '2026-12-05 01:37:02.315584+00', '071b85200d7dfe52840d37721f8129ead57906a53bf1c1f526e581bedfe118c6'),
	('*DEFAULT*', 24, 'dispute:bsc-2024-09-origin-of-money', 'dispute', 'dispute.recorded.v1', '2024-09-17', '2024-11-06 12:00:00+00', '2026-12-05 01:37:02.332861+00', '1ae67a3eed86d84f0d8eed0c95a02b62f5e36ea57ebf0aa5b52c8096561f4d69'),
	('*DEFAULT*', 25, 'dispute:bsc-2024-07-date-established', 'dispute', 'dispute.recorded.v1', '2024-07-07', '2024-11-06 12:00:00+00', '2026-12-05 01:37:02.341892+00', 'f62ab071f109e7fa5609bdc5fdf6e959a4c2a1be391b0d17437543a22f65117f');


--
-- Data for Name: bsd_idempotency; Type: TABLE DATA; Schema: border_security; Owner: -
--

INSERT INTO border_security.bsd_idempotency VALUES
	('*DEFAULT*', 'sha256:37294827c0f94e41c4dff3ab320902fcada7eae7adb36f0178007ca9a0cb3f2f', 'legislation:illegal-migration-act-2023', 1, 1),
	('*DEFAULT*', 'sha256:cc5fbc82ccfbca57128d42f81b190dad2dfdfdb84acdef63a4d8f95eb51a4e9d', 'command:bsc', 1, 1),
	('*DEFAULT*', 'sha256:ca11029398351256169fce09e9efa6099cf1d76bae60c832e2d242834eab0978', 'command:bsc', 2, 2),
	('*DEFAULT*', 'sha256:8e727dfde948b5b0a24fd95ce28b0cb3e9a55f34a85969b50c5d69d28544399a', 'command:bsc', 3, 3),
	('*DEFAULT*', 'sha256:2188fec2c27ada9bf63a6857d215797af36594a5a28851c0a5d146f3ad349558', 'command:bsc', 4, 4),
	('*DEFAULT*', 'sha256:f1a09994d55270c86326b813c4946d1daa1a0021749d6e85ef9df355af04ac47', 'command:bsc', 5, 5),
	('*DEFAULT*', 'sha256:a87ee568671d877d214fc0cea73fb504d653f304885edd37f30c2df4095b7448', 'command:bsc', 6, 6),
	('*DEFAULT*', 'sha256:d7f205e210c21cb6f5df036e4dd003018f174d6cded6377f29e3c93885ce4a14', 'recruitment:border-security-commander', 1, 1),
	('*DEFAULT*', 'sha256:f6960bb933c2f701219ce276fe01fb1587a6d7791efed1eea12ade5952c08f3c', 'legislation:border-security-asylum-immigration-bill', 1, 1),
	('*DEFAULT*', 'sha256:2e18892bd406c388652a095ee470a41fe36d663128d9b3c970fd38ae590c63f7', 'recruitment:nca-specialist-officers', 1, 1),
	('*DEFAULT*', 'sha256:9309809abc6f0503f77f9e4271a13e8019d3deb6a4a43d47ff07fbef77910c5b', 'command:bsc', 7, 7),
	('*DEFAULT*', 'sha256:34436c4ed06a4210a16990afc4a0f266025f1bbb4296e973cb34821127afa7a9', 'recruitment:border-security-commander', 2, 2),
	('*DEFAULT*', 'sha256:5deda1b1bfd3301338ae3ac45c37e0335bbff3fa80dac7d47e7d0da27cca8e4f', 'funding:bsc-2024-09-ima-redirect', 1, 1),
	('*DEFAULT*', 'sha256:dd07eef42c28f6fe3bce951a368b08ad98354dc3a81819d7074711a3d7a98e83', 'command:bsc', 8, 8),
	('*DEFAULT*', 'sha256:8c600f34b55a7046b415e55ac9c93ac79b83ec0bd8d09bd02eee530b496c727d', 'command:bsc', 9, 9),
	('*DEFAULT*', 'sha256:b023f43dbd63be82530dbbee8752000bd33d8ce7097bde294da813db27950ef1', 'funding:bsc-2024-11-budget', 1, 1),
	('*DEFAULT*', 'sha256:5889412f027a6dbb00590f523293216b4280571532e5a498b007f72afd9cb6cc', 'recruitment:bsc-staff', 1, 1),
	('*DEFAULT*', 'sha256:3aa319cf2a9fecfe6a56a1274a8970b29a69f17167725af8a9185b4d163693a6', 'recruitment:nca-specialist-officers', 2, 2),
	('*DEFAULT*', 'sha256:62e77bfa61a66552ae5230e13f11d4e4e4b90dfa594a6acf1b286f03ad430d2c', 'command:bsc', 10, 10),
	('*DEFAULT*', 'sha256:3b52bbbca94988b12a6fc6193b295127a6a751e2816d9e6fdf567ba966d48261', 'funding:interpol-2024-25', 1, 1),
	('*DEFAULT*', 'sha256:df4e5a31ae20015d092418be2d191d1e1c0479d7d4d2a6a811f90acad27ec00b', 'funding:isoc-2025-26', 1, 1),
	('*DEFAULT*', 'sha256:b9e386b502842dba33964536f9f7127e29776bc05ed740a27153ddaca2db8615', 'funding:bsc-2024-09-ima-redirect', 2, 2),
	('*DEFAULT*', 'sha256:03bcfacf9845b857c32642f843b22869c865c3c9a46682a7ed5705ac2e94052b', 'funding:bsc-2024-09-ima-redirect', 3, 3),
	('*DEFAULT*', 'sha256:362e97a2faf3ac91145e53263acfde9a5aacbf7486b6baab98764b0da72ce00e', 'dispute:bsc-2024-09-origin-of-money', 1, 1),
	('*DEFAULT*', 'sha256:d8f40c4cbd3c5fc373bd56c412c62662f26bffffe14e162a30e4c110c48fa9ca', 'dispute:bsc-2024-07-date-established', 1, 1);


--
-- Data for Name: bsd_provenances; Type: TABLE DATA; Schema: border_security; Owner: -
--

INSERT INTO border_security.bsd_provenances VALUES
	('*DEFAULT*', '860d7db16fba52cc80be6da2733283bebfccca78501ce237176bac79aef7023d', '[{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Url": "https://www.legislation.gov.uk/ukpga/2023/37", "Document": "legislation.gov.uk/ukpga/2023/37", "Headline": "Illegal Migration Act 2023 (c. 37)", "Publisher": "legislation.gov.uk", "PublishedOn": null}]'),
	('*DEFAULT*', 'fbaea1b6ebdb3f201843e40c8399c425009d1767b3b55e740b0578e33751d26d', '[{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/home+secretary+launches+new+border+security+command+08072024112000?open", "Document": "wired-gov.net mirror of the Home Office launch release", "Headline": "Home Secretary launches new Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}]'),
	('*DEFAULT*', '72e40c5d006a807eb6846615cdd76f41f267eabeec113f1dcddbf08d3f3b53d6', '[{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]'),
	('*DEFAULT*', '6ff157613f7b540ed1a67e9a7c00cfdb79c7c30d0fa6236cafe7c37264fe86da', '[{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}]'),
	('*DEFAULT*', '62becb8ed7497c7aa34d56dbb62dbd63398f8e652dd839c23162b32f0303771f', '[{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "004_15ffba115c23e480.txt", "Headline": "Starmer: \"treat people smugglers like terrorists\"", "Publisher": "The Independent", "PublishedOn": "2024-11-04"}, {"Url": "https://www.gov.uk/government/speeches/the-kings-speech-2024", "Document": "gov.uk/government/speeches/the-kings-speech-2024", "Headline": "The King''s Speech 2024", "Publisher": "GOV.UK", "PublishedOn": "2024-07-17"}, {"Url": "https://bills.parliament.uk/bills/3929", "Document": "bills.parliament.uk/bills/3929", "Headline": "Border Security, Asylum and Immigration Bill (bill 3929)", "Publisher": "UK Parliament", "PublishedOn": null}]'),
	('*DEFAULT*', 'a3c4f59a10c4135c8918857132347da167923cc994c2678e6d4167d870a64bf3', '[{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Url": "https://www.gov.uk/government/organisations/border-security-command/about", "Quote": "established on 5 July 2024", "Document": "gov.uk/government/organisations/border-security-command/about", "Headline": "Border Security Command: about us", "Publisher": "GOV.UK", "PublishedOn": null}]'),
	('*DEFAULT*', '286194964113ec6eea9a4adb9adfb64a961f8b4200162a9767278d8c57f11d0e', '[{"Document": "003_42febc41d18400fd.txt", "Headline": "New funding for tech for Border Security Command", "Publisher": null, "PublishedOn": null}, {"Document": "002_42653983a009148c.txt", "Headline": "New £75 million investment in the Border Security Command", "Publisher": null, "PublishedOn": null}, {"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/new+investment+for+border+security+command+18092024101010?open", "Quote": "up to £75 million", "Document": "wired-gov.net mirror of the Home Office September release", "Headline": "New investment for Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}]'),
	('*DEFAULT*', '8ce0132bd4fbee888ad4a15fb726c1728b3aad5345aa504d15c562043d794489', '[{"Document": "003_42febc41d18400fd.txt", "Headline": "New funding for tech for Border Security Command", "Publisher": null, "PublishedOn": null}, {"Document": "002_42653983a009148c.txt", "Headline": "New £75 million investment in the Border Security Command", "Publisher": null, "PublishedOn": null}]'),
	('*DEFAULT*', 'c55be2627c3f49ceab0234e28da8e2673a27d7291653215a99bbc74caab13f36', '[{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}]'),
	('*DEFAULT*', '60c53b2ea8a3170f2cb80f7ad8318d24ed1ff412df2a20fd758406813a9e78ab', '[{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "004_15ffba115c23e480.txt", "Headline": "Starmer: \"treat people smugglers like terrorists\"", "Publisher": "The Independent", "PublishedOn": "2024-11-04"}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}]'),
	('*DEFAULT*', '5296152e74b8496a9800778cadc68cd8d8e0e45b8b15d8b4700d3abc0b801523', '[{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]'),
	('*DEFAULT*', 'a3fbe24d2410fbed4226f88751c64131da6c2ec08de4a9ad1f2bee0850c8c79e', '[{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "004_15ffba115c23e480.txt", "Headline": "Starmer: \"treat people smugglers like terrorists\"", "Publisher": "The Independent", "PublishedOn": "2024-11-04"}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]'),
	('*DEFAULT*', '050788f9079a8df1e7d788826dcf0f94a2dceb5d43e0210655b476cb7fc7290e', '[{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "004_15ffba115c23e480.txt", "Headline": "Starmer: \"treat people smugglers like terrorists\"", "Publisher": "The Independent", "PublishedOn": "2024-11-04"}]'),
	('*DEFAULT*', '071b85200d7dfe52840d37721f8129ead57906a53bf1c1f526e581bedfe118c6', '[{"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]'),
	('*DEFAULT*', '1ae67a3eed86d84f0d8eed0c95a02b62f5e36ea57ebf0aa5b52c8096561f4d69', '[{"Document": "002_42653983a009148c.txt", "Headline": "New £75 million investment in the Border Security Command", "Publisher": null, "PublishedOn": null}, {"Document": "003_42febc41d18400fd.txt", "Headline": "New funding for tech for Border Security Command", "Publisher": null, "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/new+investment+for+border+security+command+18092024101010?open", "Quote": "up to £75 million", "Document": "wired-gov.net mirror of the Home Office September release", "Headline": "New investment for Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}]'),
	('*DEFAULT*', 'f62ab071f109e7fa5609bdc5fdf6e959a4c2a1be391b0d17437543a22f65117f', '[{"Url": "https://www.gov.uk/government/organisations/border-security-command/about", "Quote": "established on 5 July 2024", "Document": "gov.uk/government/organisations/border-security-command/about", "Headline": "Border Security Command: about us", "Publisher": "GOV.UK", "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/home+secretary+launches+new+border+security+command+08072024112000?open", "Document": "wired-gov.net mirror of the Home Office launch release", "Headline": "Home Secretary launches new Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}]');


--
-- Data for Name: bsd_statements; Type: TABLE DATA; Schema: border_security; Owner: -
--

INSERT INTO border_security.bsd_statements VALUES
	('*DEFAULT*', 8, 'created', '', 'recruitment:border-security-commander', 'recruitment', '2024-07-08', '2024-07-08 12:00:00+00', '2026-12-05 01:37:02.107653+00', NULL, '{"Role": "Border Security Commander", "Deadline": null, "TargetId": "recruitment:border-security-commander", "Organisation": "Home Office"}'),
	('*DEFAULT*', 8, 'headcount', '', 'recruitment:border-security-commander', 'recruitment', '2024-07-08', '2024-07-08 12:00:00+00', '2026-12-05 01:37:02.107653+00', 1, NULL),
	('*DEFAULT*', 10, 'created', '', 'recruitment:nca-specialist-officers', 'recruitment', '2024-08-21', '2024-08-21 12:00:00+00', '2026-12-05 01:37:02.159069+00', NULL, '{"Role": "specialist investigators and intelligence officers", "Deadline": null, "TargetId": "recruitment:nca-specialist-officers", "Organisation": "National Crime Agency"}'),
	('*DEFAULT*', 10, 'headcount', '', 'recruitment:nca-specialist-officers', 'recruitment', '2024-08-21', '2024-08-21 12:00:00+00', '2026-12-05 01:37:02.159069+00', 100, NULL),
	('*DEFAULT*', 12, 'inpost', '', 'recruitment:border-security-commander', 'recruitment', '2024-09-15', '2024-09-15 12:00:00+00', '2026-12-05 01:37:02.177357+00', 1, NULL),
	('*DEFAULT*', 12, 'met', '', 'recruitment:border-security-commander', 'recruitment', '2024-09-15', '2024-09-15 12:00:00+00', '2026-12-05 01:37:02.177357+00', 1, NULL),
	('*DEFAULT*', 13, 'created', '', 'funding:bsc-2024-09-ima-redirect', 'funding', '2024-09-17', '2024-09-17 12:00:00+00', '2026-12-05 01:37:02.252715+00', NULL, '{"Basis": "UpTo", "Recipient": "Border Security Command", "OriginKind": "Redirected", "OriginName": "Illegal Migration Act 2023"}'),
	('*DEFAULT*', 13, 'amount', '', 'funding:bsc-2024-09-ima-redirect', 'funding', '2024-09-17', '2024-09-17 12:00:00+00', '2026-12-05 01:37:02.252715+00', 75000000, NULL),
	('*DEFAULT*', 13, 'period', '', 'funding:bsc-2024-09-ima-redirect', 'funding', '2024-09-17', '2024-09-17 12:00:00+00', '2026-12-05 01:37:02.252715+00', NULL, '{"Label": "period not stated", "Profile": null, "Coverage": "NotStated", "LastYear": null, "Spending": "NotStated", "FirstYear": null, "Description": "not stated", "IsYearlyLevel": false}'),
	('*DEFAULT*', 16, 'created', '', 'funding:bsc-2024-11-budget', 'funding', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.278127+00', NULL, '{"Basis": "Firm", "Recipient": "Border Security Command", "OriginKind": "NewMoney", "OriginName": "Autumn Budget 2024"}'),
	('*DEFAULT*', 16, 'amount', '', 'funding:bsc-2024-11-budget', 'funding', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.278127+00', 75000000, NULL),
	('*DEFAULT*', 16, 'period', '', 'funding:bsc-2024-11-budget', 'funding', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.278127+00', NULL, '{"Label": "total over 2024/25 to 2025/26", "Profile": null, "Coverage": "OverYears", "LastYear": "2025/26", "Spending": "NotStated", "FirstYear": "2024/25", "Description": "over the next two years", "IsYearlyLevel": false}'),
	('*DEFAULT*', 17, 'created', '', 'recruitment:bsc-staff', 'recruitment', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.282417+00', NULL, '{"Role": "Border Security Command staff", "Deadline": null, "TargetId": "recruitment:bsc-staff", "Organisation": "Border Security Command"}'),
	('*DEFAULT*', 17, 'headcount', '', 'recruitment:bsc-staff', 'recruitment', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.282417+00', 300, NULL),
	('*DEFAULT*', 18, 'reannounced', '', 'recruitment:nca-specialist-officers', 'recruitment', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.286582+00', 1, NULL),
	('*DEFAULT*', 20, 'created', '', 'funding:interpol-2024-25', 'funding', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.294132+00', NULL, '{"Basis": "Firm", "Recipient": "INTERPOL", "OriginKind": "NewMoney", "OriginName": null}'),
	('*DEFAULT*', 20, 'amount', '', 'funding:interpol-2024-25', 'funding', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.294132+00', 6000000, NULL),
	('*DEFAULT*', 20, 'period', '', 'funding:interpol-2024-25', 'funding', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.294132+00', NULL, '{"Label": "in-year 2024/25", "Profile": null, "Coverage": "InYear", "LastYear": null, "Spending": "NotStated", "FirstYear": "2024/25", "Description": "in-year", "IsYearlyLevel": false}'),
	('*DEFAULT*', 21, 'created', '', 'funding:isoc-2025-26', 'funding', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.296788+00', NULL, '{"Basis": "Firm", "Recipient": "Home Office international serious organised crime programme", "OriginKind": "NewMoney", "OriginName": null}'),
	('*DEFAULT*', 21, 'amount', '', 'funding:isoc-2025-26', 'funding', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.296788+00', 24000000, NULL),
	('*DEFAULT*', 21, 'period', '', 'funding:isoc-2025-26', 'funding', '2024-11-04', '2024-11-04 12:00:00+00', '2026-12-05 01:37:02.296788+00', NULL, '{"Label": "in-year 2025/26", "Profile": null, "Coverage": "InYear", "LastYear": null, "Spending": "NotStated", "FirstYear": "2025/26", "Description": "in the new financial year", "IsYearlyLevel": false}'),
	('*DEFAULT*', 23, 'period', '', 'funding:bsc-2024-09-ima-redirect', 'funding', '2024-11-04', '2024-11-06 12:00:00+00', '2026-12-05 01:37:02.315584+00', NULL, '{"Label": "total over 2024/25 to 2025/26", "Profile": null, "Coverage": "OverYears", "LastYear": "2025/26", "Spending": "NotStated", "FirstYear": "2024/25", "Description": "with the November £75m, £150m over the next two years", "IsYearlyLevel": false}');


--
-- Data for Name: mt_doc_deadletterevent; Type: TABLE DATA; Schema: border_security; Owner: -
--



--
-- Data for Name: mt_event_progression; Type: TABLE DATA; Schema: border_security; Owner: -
--



--
-- Data for Name: mt_event_projection_floors; Type: TABLE DATA; Schema: border_security; Owner: -
--



--
-- Data for Name: mt_events; Type: TABLE DATA; Schema: border_security; Owner: -
--

INSERT INTO border_security.mt_events VALUES
	(1, '84329a8c-fa9f-4055-be48-20ced1b7f9e9', 'legislation:illegal-migration-act-2023', 1, '{"Title": "Illegal Migration Act 2023", "ValidOn": "2023-07-20", "StreamId": "legislation:illegal-migration-act-2023", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Url": "https://www.legislation.gov.uk/ukpga/2023/37", "Document": "legislation.gov.uk/ukpga/2023/37", "Headline": "Illegal Migration Act 2023 (c. 37)", "Publisher": "legislation.gov.uk", "PublishedOn": null}], "LegislationId": "legislation:illegal-migration-act-2023"}', NULL, 'legislation.enacted-recorded.v1', '2026-12-05 01:37:01.927319+00', '*DEFAULT*', 'BorderSecurity.Domain.Legislative.EnactedLegislationRecorded, BorderSecurity.Domain', '{"known-from": "2023-07-20T12:00:00Z"}', false),
	(2, '0173ce90-5dc8-49a3-acea-c6dfdf697278', 'command:bsc', 1, '{"Name": "Border Security Command", "ValidOn": "2024-07-07", "StreamId": "command:bsc", "CommandId": "command:bsc", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/home+secretary+launches+new+border+security+command+08072024112000?open", "Document": "wired-gov.net mirror of the Home Office launch release", "Headline": "Home Secretary launches new Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}], "ParentDepartment": "Home Office"}', NULL, 'command.established.v1', '2026-12-05 01:37:01.993401+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.CommandEstablished, BorderSecurity.Domain', '{"known-from": "2024-07-07T12:00:00Z"}', false),
	(3, 'b073f75c-3809-4a3a-9d82-847b37df2a60', 'command:bsc', 2, '{"Agency": "National Crime Agency", "ValidOn": "2024-07-07", "StreamId": "command:bsc", "CommandId": "command:bsc", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]}', NULL, 'command.agency-joined.v1', '2026-12-05 01:37:02.052587+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.AgencyJoinedCommand, BorderSecurity.Domain', '{"known-from": "2024-07-07T12:00:00Z"}', false),
	(4, 'cb681391-0c92-4f41-a7f7-5a737633ab22', 'command:bsc', 3, '{"Agency": "Border Force", "ValidOn": "2024-07-07", "StreamId": "command:bsc", "CommandId": "command:bsc", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]}', NULL, 'command.agency-joined.v1', '2026-12-05 01:37:02.085124+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.AgencyJoinedCommand, BorderSecurity.Domain', '{"known-from": "2024-07-07T12:00:00Z"}', false),
	(5, '450bc4ce-2652-4a3e-944e-aaebf4f48874', 'command:bsc', 4, '{"Agency": "Immigration Enforcement", "ValidOn": "2024-07-07", "StreamId": "command:bsc", "CommandId": "command:bsc", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]}', NULL, 'command.agency-joined.v1', '2026-12-05 01:37:02.096055+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.AgencyJoinedCommand, BorderSecurity.Domain', '{"known-from": "2024-07-07T12:00:00Z"}', false),
	(6, '7d7a4cec-5536-4cbc-9aed-db1ed029bec4', 'command:bsc', 5, '{"Agency": "Police forces", "ValidOn": "2024-07-07", "StreamId": "command:bsc", "CommandId": "command:bsc", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]}', NULL, 'command.agency-joined.v1', '2026-12-05 01:37:02.100263+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.AgencyJoinedCommand, BorderSecurity.Domain', '{"known-from": "2024-07-07T12:00:00Z"}', false),
	(7, '0bc9dfc5-7f3e-409e-a193-a75c678feaac', 'command:bsc', 6, '{"Agency": "Intelligence agencies", "ValidOn": "2024-07-07", "StreamId": "command:bsc", "CommandId": "command:bsc", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]}', NULL, 'command.agency-joined.v1', '2026-12-05 01:37:02.102122+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.AgencyJoinedCommand, BorderSecurity.Domain', '{"known-from": "2024-07-07T12:00:00Z"}', false),
	(8, 'b50a8d70-5a8e-4d6b-98ab-8b000abf1a07', 'recruitment:border-security-commander', 1, '{"Role": "Border Security Commander", "ValidOn": "2024-07-08", "Deadline": null, "StreamId": "recruitment:border-security-commander", "TargetId": "recruitment:border-security-commander", "Headcount": 1, "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}], "AnnouncedBy": "Home Secretary Yvette Cooper", "Organisation": "Home Office"}', NULL, 'recruitment.target-set.v1', '2026-12-05 01:37:02.107653+00', '*DEFAULT*', 'BorderSecurity.Domain.Recruitment.RecruitmentTargetSet, BorderSecurity.Domain', '{"known-from": "2024-07-08T12:00:00Z"}', false),
	(9, 'a653afd7-bfbd-4406-aa10-cd4dd3b390c9', 'legislation:border-security-asylum-immigration-bill', 1, '{"Title": "Border Security, Asylum and Immigration Bill", "ValidOn": "2024-07-17", "StreamId": "legislation:border-security-asylum-immigration-bill", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "004_15ffba115c23e480.txt", "Headline": "Starmer: \"treat people smugglers like terrorists\"", "Publisher": "The Independent", "PublishedOn": "2024-11-04"}, {"Url": "https://www.gov.uk/government/speeches/the-kings-speech-2024", "Document": "gov.uk/government/speeches/the-kings-speech-2024", "Headline": "The King''s Speech 2024", "Publisher": "GOV.UK", "PublishedOn": "2024-07-17"}, {"Url": "https://bills.parliament.uk/bills/3929", "Document": "bills.parliament.uk/bills/3929", "Headline": "Border Security, Asylum and Immigration Bill (bill 3929)", "Publisher": "UK Parliament", "PublishedOn": null}], "AnnouncedIn": "King''s Speech 2024", "LegislationId": "legislation:border-security-asylum-immigration-bill"}', NULL, 'legislation.announced.v1', '2026-12-05 01:37:02.150099+00', '*DEFAULT*', 'BorderSecurity.Domain.Legislative.LegislationAnnounced, BorderSecurity.Domain', '{"known-from": "2024-07-17T12:00:00Z"}', false),
	(10, '2355cd5a-ae94-4cae-99de-39939289f9c9', 'recruitment:nca-specialist-officers', 1, '{"Role": "specialist investigators and intelligence officers", "ValidOn": "2024-08-21", "Deadline": null, "StreamId": "recruitment:nca-specialist-officers", "TargetId": "recruitment:nca-specialist-officers", "Headcount": 100, "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}], "AnnouncedBy": "Home Secretary Yvette Cooper", "Organisation": "National Crime Agency"}', NULL, 'recruitment.target-set.v1', '2026-12-05 01:37:02.159069+00', '*DEFAULT*', 'BorderSecurity.Domain.Recruitment.RecruitmentTargetSet, BorderSecurity.Domain', '{"known-from": "2024-08-21T12:00:00Z"}', false),
	(11, '840ca472-9da7-458c-98d7-f10848609d61', 'command:bsc', 7, '{"Honours": "CBE QPM", "ValidOn": "2024-09-15", "StreamId": "command:bsc", "CommandId": "command:bsc", "PostTitle": "Border Security Commander", "LeaderName": "Martin Hewitt", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Url": "https://www.gov.uk/government/organisations/border-security-command/about", "Quote": "established on 5 July 2024", "Document": "gov.uk/government/organisations/border-security-command/about", "Headline": "Border Security Command: about us", "Publisher": "GOV.UK", "PublishedOn": null}]}', NULL, 'command.leader-appointed.v1', '2026-12-05 01:37:02.168768+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.CommandLeaderAppointed, BorderSecurity.Domain', '{"known-from": "2024-09-15T12:00:00Z"}', false),
	(12, '7ed81d92-02aa-4c18-8b99-6b348200b47a', 'recruitment:border-security-commander', 2, '{"InPost": 1, "ValidOn": "2024-09-15", "StreamId": "recruitment:border-security-commander", "TargetId": "recruitment:border-security-commander", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}]}', NULL, 'recruitment.target-met.v1', '2026-12-05 01:37:02.177357+00', '*DEFAULT*', 'BorderSecurity.Domain.Recruitment.RecruitmentTargetMet, BorderSecurity.Domain', '{"known-from": "2024-09-15T12:00:00Z"}', false),
	(13, 'f81a4c0b-736a-4496-8a4e-0ad54db7c3a2', 'funding:bsc-2024-09-ima-redirect', 1, '{"Basis": "UpTo", "Amount": 75000000, "Period": {"Label": "period not stated", "Profile": null, "Coverage": "NotStated", "LastYear": null, "Spending": "NotStated", "FirstYear": null, "Description": "not stated", "IsYearlyLevel": false}, "Purpose": "Covert cameras and monitoring technology, a new police intelligence unit, more CPS prosecutors, extra BSC staff, upstream work in transit countries", "ValidOn": "2024-09-17", "StreamId": "funding:bsc-2024-09-ima-redirect", "Recipient": "Border Security Command", "Provenance": [{"Document": "003_42febc41d18400fd.txt", "Headline": "New funding for tech for Border Security Command", "Publisher": null, "PublishedOn": null}, {"Document": "002_42653983a009148c.txt", "Headline": "New £75 million investment in the Border Security Command", "Publisher": null, "PublishedOn": null}, {"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/new+investment+for+border+security+command+18092024101010?open", "Quote": "up to £75 million", "Document": "wired-gov.net mirror of the Home Office September release", "Headline": "New investment for Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}], "AnnouncedBy": "Home Secretary Yvette Cooper", "CommitmentId": "funding:bsc-2024-09-ima-redirect", "FromProgramme": "Illegal Migration Act 2023", "FromLegislationId": "legislation:illegal-migration-act-2023"}', NULL, 'funding.redirected.v2', '2026-12-05 01:37:02.252715+00', '*DEFAULT*', 'BorderSecurity.Domain.Funding.FundingRedirected, BorderSecurity.Domain', '{"known-from": "2024-09-17T12:00:00Z"}', false),
	(14, '3ba500a1-2640-4a22-a67c-2dd8a628d263', 'command:bsc', 8, '{"Agency": "Crown Prosecution Service", "ValidOn": "2024-09-17", "StreamId": "command:bsc", "CommandId": "command:bsc", "Provenance": [{"Document": "003_42febc41d18400fd.txt", "Headline": "New funding for tech for Border Security Command", "Publisher": null, "PublishedOn": null}, {"Document": "002_42653983a009148c.txt", "Headline": "New £75 million investment in the Border Security Command", "Publisher": null, "PublishedOn": null}]}', NULL, 'command.agency-joined.v1', '2026-12-05 01:37:02.268128+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.AgencyJoinedCommand, BorderSecurity.Domain', '{"known-from": "2024-09-17T12:00:00Z"}', false),
	(15, '6b591d6f-a159-47ee-b7f5-deb4879e0d53', 'command:bsc', 9, '{"ValidOn": "2024-10-04", "StreamId": "command:bsc", "Agreement": "G7 action plan against migrant smuggling", "CommandId": "command:bsc", "Provenance": [{"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}, {"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}]}', NULL, 'command.international-agreement-joined.v1', '2026-12-05 01:37:02.271865+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.InternationalAgreementJoined, BorderSecurity.Domain', '{"known-from": "2024-10-04T12:00:00Z"}', false),
	(16, 'df21dab3-bfa8-4696-85b1-27eaf61c6a59', 'funding:bsc-2024-11-budget', 1, '{"Basis": "Firm", "Amount": 75000000, "Period": {"Label": "total over 2024/25 to 2025/26", "Profile": null, "Coverage": "OverYears", "LastYear": "2025/26", "Spending": "NotStated", "FirstYear": "2024/25", "Description": "over the next two years", "IsYearlyLevel": false}, "Purpose": "NCA technology and data exploitation, 100 NCA specialist investigators and intelligence officers, the OIC Intelligence Source Unit, faster CPS charging decisions, 300 BSC staff", "ValidOn": "2024-11-04", "StreamId": "funding:bsc-2024-11-budget", "Recipient": "Border Security Command", "OriginName": "Autumn Budget 2024", "Provenance": [{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "004_15ffba115c23e480.txt", "Headline": "Starmer: \"treat people smugglers like terrorists\"", "Publisher": "The Independent", "PublishedOn": "2024-11-04"}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}], "AnnouncedBy": "Prime Minister Keir Starmer", "CommitmentId": "funding:bsc-2024-11-budget"}', NULL, 'funding.pledged.v2', '2026-12-05 01:37:02.278127+00', '*DEFAULT*', 'BorderSecurity.Domain.Funding.FundingPledged, BorderSecurity.Domain', '{"known-from": "2024-11-04T12:00:00Z"}', false),
	(17, 'a723a4d3-7cef-401f-bce9-554747c5b3cd', 'recruitment:bsc-staff', 1, '{"Role": "Border Security Command staff", "ValidOn": "2024-11-04", "Deadline": null, "StreamId": "recruitment:bsc-staff", "TargetId": "recruitment:bsc-staff", "Headcount": 300, "Provenance": [{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}], "AnnouncedBy": "Prime Minister Keir Starmer", "Organisation": "Border Security Command"}', NULL, 'recruitment.target-set.v1', '2026-12-05 01:37:02.282417+00', '*DEFAULT*', 'BorderSecurity.Domain.Recruitment.RecruitmentTargetSet, BorderSecurity.Domain', '{"known-from": "2024-11-04T12:00:00Z"}', false),
	(18, '4d8d5842-1506-446c-a027-d56141af5c70', 'recruitment:nca-specialist-officers', 2, '{"ValidOn": "2024-11-04", "StreamId": "recruitment:nca-specialist-officers", "TargetId": "recruitment:nca-specialist-officers", "Provenance": [{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "004_15ffba115c23e480.txt", "Headline": "Starmer: \"treat people smugglers like terrorists\"", "Publisher": "The Independent", "PublishedOn": "2024-11-04"}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}], "AnnouncedBy": "Prime Minister Keir Starmer"}', NULL, 'recruitment.target-reannounced.v1', '2026-12-05 01:37:02.286582+00', '*DEFAULT*', 'BorderSecurity.Domain.Recruitment.RecruitmentTargetReannounced, BorderSecurity.Domain', '{"known-from": "2024-11-04T12:00:00Z"}', false),
	(19, '52295b79-c716-4c21-8a22-a961256caca0', 'command:bsc', 10, '{"Purpose": "Cohere intelligence flows from key police forces", "ValidOn": "2024-11-04", "StreamId": "command:bsc", "UnitName": "OIC Intelligence Source Unit", "CommandId": "command:bsc", "Provenance": [{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}]}', NULL, 'command.unit-created.v1', '2026-12-05 01:37:02.29114+00', '*DEFAULT*', 'BorderSecurity.Domain.Commands.CommandUnitCreated, BorderSecurity.Domain', '{"known-from": "2024-11-04T12:00:00Z"}', false),
	(20, '616e4263-afa8-4d50-84a1-f824ac41c7bd', 'funding:interpol-2024-25', 1, '{"Basis": "Firm", "Amount": 6000000, "Period": {"Label": "in-year 2024/25", "Profile": null, "Coverage": "InYear", "LastYear": null, "Spending": "NotStated", "FirstYear": "2024/25", "Description": "in-year", "IsYearlyLevel": false}, "Purpose": "Increased support for INTERPOL''s global operations against serious organised crime", "ValidOn": "2024-11-04", "StreamId": "funding:interpol-2024-25", "Recipient": "INTERPOL", "OriginName": null, "Provenance": [{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "004_15ffba115c23e480.txt", "Headline": "Starmer: \"treat people smugglers like terrorists\"", "Publisher": "The Independent", "PublishedOn": "2024-11-04"}], "AnnouncedBy": "Prime Minister Keir Starmer", "CommitmentId": "funding:interpol-2024-25"}', NULL, 'funding.pledged.v2', '2026-12-05 01:37:02.294132+00', '*DEFAULT*', 'BorderSecurity.Domain.Funding.FundingPledged, BorderSecurity.Domain', '{"known-from": "2024-11-04T12:00:00Z"}', false),
	(21, '9df80b8e-ddd6-4de7-ac61-71000c86b71f', 'funding:isoc-2025-26', 1, '{"Basis": "Firm", "Amount": 24000000, "Period": {"Label": "in-year 2025/26", "Profile": null, "Coverage": "InYear", "LastYear": null, "Spending": "NotStated", "FirstYear": "2025/26", "Description": "in the new financial year", "IsYearlyLevel": false}, "Purpose": "Tackling international serious organised crime affecting the UK (drugs, firearms, fraud, trafficking), in part in the Western Balkans", "ValidOn": "2024-11-04", "StreamId": "funding:isoc-2025-26", "Recipient": "Home Office international serious organised crime programme", "OriginName": null, "Provenance": [{"Document": "001_adec81f052894c3a.txt", "Headline": "Prime Minister Starmer announces recruitment drive to boost border security", "Publisher": null, "PublishedOn": "2024-11-04"}, {"Document": "004_15ffba115c23e480.txt", "Headline": "Starmer: \"treat people smugglers like terrorists\"", "Publisher": "The Independent", "PublishedOn": "2024-11-04"}], "AnnouncedBy": "Home Office", "CommitmentId": "funding:isoc-2025-26"}', NULL, 'funding.pledged.v2', '2026-12-05 01:37:02.296788+00', '*DEFAULT*', 'BorderSecurity.Domain.Funding.FundingPledged, BorderSecurity.Domain', '{"known-from": "2024-11-04T12:00:00Z"}', false),
	(22, '1c018cc6-3e9a-401f-9cd5-752c10a2b541', 'funding:bsc-2024-09-ima-redirect', 2, '{"ValidOn": "2024-11-04", "StreamId": "funding:bsc-2024-09-ima-redirect", "Provenance": [{"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}], "AnnouncedBy": "Prime Minister Keir Starmer", "CommitmentId": "funding:bsc-2024-09-ima-redirect"}', NULL, 'funding.reannounced.v1', '2026-12-05 01:37:02.303984+00', '*DEFAULT*', 'BorderSecurity.Domain.Funding.FundingReannounced, BorderSecurity.Domain', '{"known-from": "2024-11-06T12:00:00Z"}', false),
	(23, '8f396797-7299-4c2e-9255-c669df6dcda4', 'funding:bsc-2024-09-ima-redirect', 3, '{"Period": {"Label": "total over 2024/25 to 2025/26", "Profile": null, "Coverage": "OverYears", "LastYear": "2025/26", "Spending": "NotStated", "FirstYear": "2024/25", "Description": "with the November £75m, £150m over the next two years", "IsYearlyLevel": false}, "Reason": "The November announcement put the September and November £75m together as £150m over the next two years", "ValidOn": "2024-11-04", "StreamId": "funding:bsc-2024-09-ima-redirect", "Provenance": [{"Document": "000_5fb847a755e04d8d.txt", "Headline": "PM commits extra £75m to BSC for \"state-of-the-art surveillance equipment\"", "Publisher": null, "PublishedOn": "2024-11-06"}], "CommitmentId": "funding:bsc-2024-09-ima-redirect"}', NULL, 'funding.period-revised.v1', '2026-12-05 01:37:02.315584+00', '*DEFAULT*', 'BorderSecurity.Domain.Funding.FundingPeriodRevised, BorderSecurity.Domain', '{"known-from": "2024-11-06T12:00:00Z"}', false),
	(24, '34950948-60b7-4e80-9a33-503270777e99', 'dispute:bsc-2024-09-origin-of-money', 1, '{"Fact": "origin of the money", "Sides": [{"Says": "new investment (new money)", "Provenance": [{"Document": "002_42653983a009148c.txt", "Headline": "New £75 million investment in the Border Security Command", "Publisher": null, "PublishedOn": null}, {"Document": "003_42febc41d18400fd.txt", "Headline": "New funding for tech for Border Security Command", "Publisher": null, "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/new+investment+for+border+security+command+18092024101010?open", "Quote": "up to £75 million", "Document": "wired-gov.net mirror of the Home Office September release", "Headline": "New investment for Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}]}, {"Says": "redirected from the Illegal Migration Act 2023 budget", "Provenance": [{"Document": "003_42febc41d18400fd.txt", "Headline": "New funding for tech for Border Security Command", "Publisher": null, "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/new+investment+for+border+security+command+18092024101010?open", "Quote": "up to £75 million", "Document": "wired-gov.net mirror of the Home Office September release", "Headline": "New investment for Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}]}], "ValidOn": "2024-09-17", "StreamId": "dispute:bsc-2024-09-origin-of-money", "DisputeId": "dispute:bsc-2024-09-origin-of-money", "SubjectId": "funding:bsc-2024-09-ima-redirect", "Provenance": [{"Document": "002_42653983a009148c.txt", "Headline": "New £75 million investment in the Border Security Command", "Publisher": null, "PublishedOn": null}, {"Document": "003_42febc41d18400fd.txt", "Headline": "New funding for tech for Border Security Command", "Publisher": null, "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/new+investment+for+border+security+command+18092024101010?open", "Quote": "up to £75 million", "Document": "wired-gov.net mirror of the Home Office September release", "Headline": "New investment for Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}]}', NULL, 'dispute.recorded.v1', '2026-12-05 01:37:02.332861+00', '*DEFAULT*', 'BorderSecurity.Domain.Disputes.DisputeRecorded, BorderSecurity.Domain', '{"known-from": "2024-11-06T12:00:00Z"}', false),
	(25, '2adccc87-bd24-46a4-b096-07c079f99185', 'dispute:bsc-2024-07-date-established', 1, '{"Fact": "date established", "Sides": [{"Says": "established on 5 July 2024", "Provenance": [{"Url": "https://www.gov.uk/government/organisations/border-security-command/about", "Quote": "established on 5 July 2024", "Document": "gov.uk/government/organisations/border-security-command/about", "Headline": "Border Security Command: about us", "Publisher": "GOV.UK", "PublishedOn": null}]}, {"Says": "launched on 7 July 2024", "Provenance": [{"Url": "https://www.wired-gov.net/wg/news.nsf/articles/home+secretary+launches+new+border+security+command+08072024112000?open", "Document": "wired-gov.net mirror of the Home Office launch release", "Headline": "Home Secretary launches new Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}, {"Document": "README.md", "Headline": "Facts checked against other public reporting (dates the articles leave vague)", "Publisher": null, "PublishedOn": null}]}], "ValidOn": "2024-07-07", "StreamId": "dispute:bsc-2024-07-date-established", "DisputeId": "dispute:bsc-2024-07-date-established", "SubjectId": "command:bsc", "Provenance": [{"Url": "https://www.gov.uk/government/organisations/border-security-command/about", "Quote": "established on 5 July 2024", "Document": "gov.uk/government/organisations/border-security-command/about", "Headline": "Border Security Command: about us", "Publisher": "GOV.UK", "PublishedOn": null}, {"Url": "https://www.wired-gov.net/wg/news.nsf/articles/home+secretary+launches+new+border+security+command+08072024112000?open", "Document": "wired-gov.net mirror of the Home Office launch release", "Headline": "Home Secretary launches new Border Security Command", "Publisher": "wired-gov.net (mirror of a Home Office release)", "PublishedOn": null}, {"Url": "https://fullfact.org/government-tracker/border-security-command", "Document": "fullfact.org/government-tracker/border-security-command", "Headline": "Government tracker: Border Security Command", "Publisher": "Full Fact", "PublishedOn": null}]}', NULL, 'dispute.recorded.v1', '2026-12-05 01:37:02.341892+00', '*DEFAULT*', 'BorderSecurity.Domain.Disputes.DisputeRecorded, BorderSecurity.Domain', '{"known-from": "2024-11-06T12:00:00Z"}', false);


--
-- Data for Name: mt_high_water_skips; Type: TABLE DATA; Schema: border_security; Owner: -
--



--
-- Data for Name: mt_streams; Type: TABLE DATA; Schema: border_security; Owner: -
--

INSERT INTO border_security.mt_streams VALUES
	('legislation:illegal-migration-act-2023', NULL, 1, '2026-12-05 01:37:01.968661+00', '2026-12-05 01:37:01.968661+00', '*DEFAULT*', 0, false),
	('legislation:border-security-asylum-immigration-bill', NULL, 1, '2026-12-05 01:37:02.152383+00', '2026-12-05 01:37:02.152383+00', '*DEFAULT*', 0, false),
	('recruitment:border-security-commander', NULL, 2, '2026-12-05 01:37:02.118852+00', '2026-12-05 01:37:02.118852+00', '*DEFAULT*', 0, false),
	('funding:bsc-2024-11-budget', NULL, 1, '2026-12-05 01:37:02.280521+00', '2026-12-05 01:37:02.280521+00', '*DEFAULT*', 0, false),
	('recruitment:bsc-staff', NULL, 1, '2026-12-05 01:37:02.282756+00', '2026-12-05 01:37:02.282756+00', '*DEFAULT*', 0, false),
	('recruitment:nca-specialist-officers', NULL, 2, '2026-12-05 01:37:02.159759+00', '2026-12-05 01:37:02.159759+00', '*DEFAULT*', 0, false),
	('command:bsc', NULL, 10, '2026-12-05 01:37:01.997738+00', '2026-12-05 01:37:01.997738+00', '*DEFAULT*', 0, false),
	('funding:interpol-2024-25', NULL, 1, '2026-12-05 01:37:02.294511+00', '2026-12-05 01:37:02.294511+00', '*DEFAULT*', 0, false),
	('funding:isoc-2025-26', NULL, 1, '2026-12-05 01:37:02.297181+00', '2026-12-05 01:37:02.297181+00', '*DEFAULT*', 0, false),
	('funding:bsc-2024-09-ima-redirect', NULL, 3, '2026-12-05 01:37:02.265469+00', '2026-12-05 01:37:02.265469+00', '*DEFAULT*', 0, false),
	('dispute:bsc-2024-09-origin-of-money', NULL, 1, '2026-12-05 01:37:02.334862+00', '2026-12-05 01:37:02.334862+00', '*DEFAULT*', 0, false),
	('dispute:bsc-2024-07-date-established', NULL, 1, '2026-12-05 01:37:02.342292+00', '2026-12-05 01:37:02.342292+00', '*DEFAULT*', 0, false);


--
-- Name: mt_events_sequence; Type: SEQUENCE SET; Schema: border_security; Owner: -
--

SELECT pg_catalog.setval('border_security.mt_events_sequence', 25, true);


--
-- Name: mt_event_progression pk_mt_event_progression; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.mt_event_progression
    ADD CONSTRAINT pk_mt_event_progression PRIMARY KEY (name);


--
-- Name: bsd_commitment_recipients pkey_bsd_commitment_recipients_tenant_id_recipient_stream_id; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.bsd_commitment_recipients
    ADD CONSTRAINT pkey_bsd_commitment_recipients_tenant_id_recipient_stream_id PRIMARY KEY (tenant_id, recipient, stream_id);


--
-- Name: bsd_database_tenants pkey_bsd_database_tenants_tenant; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.bsd_database_tenants
    ADD CONSTRAINT pkey_bsd_database_tenants_tenant PRIMARY KEY (tenant);


--
-- Name: bsd_events pkey_bsd_events_tenant_id_seq; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.bsd_events
    ADD CONSTRAINT pkey_bsd_events_tenant_id_seq PRIMARY KEY (tenant_id, seq);


--
-- Name: bsd_idempotency pkey_bsd_idempotency_tenant_id_key; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.bsd_idempotency
    ADD CONSTRAINT pkey_bsd_idempotency_tenant_id_key PRIMARY KEY (tenant_id, key);


--
-- Name: bsd_provenances pkey_bsd_provenances_tenant_id_hash; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.bsd_provenances
    ADD CONSTRAINT pkey_bsd_provenances_tenant_id_hash PRIMARY KEY (tenant_id, hash);


--
-- Name: bsd_statements pkey_bsd_statements_tenant_id_seq_figure_dimension; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.bsd_statements
    ADD CONSTRAINT pkey_bsd_statements_tenant_id_seq_figure_dimension PRIMARY KEY (tenant_id, seq, figure, dimension);


--
-- Name: mt_doc_deadletterevent pkey_mt_doc_deadletterevent_id; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.mt_doc_deadletterevent
    ADD CONSTRAINT pkey_mt_doc_deadletterevent_id PRIMARY KEY (id);


--
-- Name: mt_event_projection_floors pkey_mt_event_projection_floors_name_tenant_id; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.mt_event_projection_floors
    ADD CONSTRAINT pkey_mt_event_projection_floors_name_tenant_id PRIMARY KEY (name, tenant_id);


--
-- Name: mt_events pkey_mt_events_seq_id; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.mt_events
    ADD CONSTRAINT pkey_mt_events_seq_id PRIMARY KEY (seq_id);


--
-- Name: mt_high_water_skips pkey_mt_high_water_skips_ending_sequence; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.mt_high_water_skips
    ADD CONSTRAINT pkey_mt_high_water_skips_ending_sequence PRIMARY KEY (ending_sequence);


--
-- Name: mt_streams pkey_mt_streams_id; Type: CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.mt_streams
    ADD CONSTRAINT pkey_mt_streams_id PRIMARY KEY (id);


--
-- Name: ix_bsd_events_aggregate_valid; Type: INDEX; Schema: border_security; Owner: -
--

CREATE INDEX ix_bsd_events_aggregate_valid ON border_security.bsd_events USING btree (tenant_id, aggregate, valid_on, seq) INCLUDE (known_from, recorded_at, stream_id, provenance_hash);


--
-- Name: ix_bsd_events_stream_valid; Type: INDEX; Schema: border_security; Owner: -
--

CREATE INDEX ix_bsd_events_stream_valid ON border_security.bsd_events USING btree (tenant_id, stream_id, valid_on, seq) INCLUDE (aggregate, known_from, recorded_at, provenance_hash);


--
-- Name: ix_bsd_statements_created; Type: INDEX; Schema: border_security; Owner: -
--

CREATE INDEX ix_bsd_statements_created ON border_security.bsd_statements USING btree (tenant_id, aggregate, stream_id, valid_on, seq) INCLUDE (known_from, recorded_at, detail) WHERE ((figure)::text = 'created'::text);


--
-- Name: ix_bsd_statements_figure_valid; Type: INDEX; Schema: border_security; Owner: -
--

CREATE INDEX ix_bsd_statements_figure_valid ON border_security.bsd_statements USING btree (tenant_id, aggregate, stream_id, figure, dimension, valid_on, seq) INCLUDE (known_from, recorded_at, value);


--
-- Name: ix_bsd_statements_period; Type: INDEX; Schema: border_security; Owner: -
--

CREATE INDEX ix_bsd_statements_period ON border_security.bsd_statements USING btree (tenant_id, aggregate, stream_id, valid_on, seq) INCLUDE (known_from, recorded_at, detail) WHERE ((figure)::text = 'period'::text);


--
-- Name: pk_mt_events_stream_and_version; Type: INDEX; Schema: border_security; Owner: -
--

CREATE UNIQUE INDEX pk_mt_events_stream_and_version ON border_security.mt_events USING btree (stream_id, version);


--
-- Name: mt_events fkey_mt_events_stream_id; Type: FK CONSTRAINT; Schema: border_security; Owner: -
--

ALTER TABLE ONLY border_security.mt_events
    ADD CONSTRAINT fkey_mt_events_stream_id FOREIGN KEY (stream_id) REFERENCES border_security.mt_streams(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


