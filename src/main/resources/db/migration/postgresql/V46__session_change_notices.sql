-- Every change or deletion of a stored session, by any instance or by hand, tells the
-- instances that keep sessions in memory (system/security/KeptSessions) at commit: they
-- forget that session and read it again on its next request.
CREATE FUNCTION spring_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('helpboard_session', rtrim(OLD.session_id));
	IF TG_OP = 'UPDATE' AND NEW.session_id <> OLD.session_id THEN
		PERFORM pg_notify('helpboard_session', rtrim(NEW.session_id));
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER spring_session_changed AFTER UPDATE OR DELETE ON spring_session
	FOR EACH ROW EXECUTE FUNCTION spring_session_changed();

CREATE FUNCTION spring_session_attribute_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	changed_session char(36);
BEGIN
	SELECT s.session_id INTO changed_session FROM spring_session s
		WHERE s.primary_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_primary_id ELSE NEW.session_primary_id END;
	-- none when the session itself was deleted: its own trigger told
	IF changed_session IS NOT NULL THEN
		PERFORM pg_notify('helpboard_session', rtrim(changed_session));
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER spring_session_attribute_changed AFTER INSERT OR UPDATE OR DELETE ON spring_session_attributes
	FOR EACH ROW EXECUTE FUNCTION spring_session_attribute_changed();
