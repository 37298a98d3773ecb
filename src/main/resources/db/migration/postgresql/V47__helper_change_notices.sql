-- A helper's claims and blocks, by any instance or by hand, tell the instances that keep
-- helpers' answers in memory (help/KeptHelperAnswers) at commit. A new claim says which
-- request, campaign and day, so an instance that kept the helper's answers about that
-- request adds the claim to them; anything else makes it forget the helper.
-- Payload: "<helper> claim <request> <day> <campaign>" or "<member> blocks".
CREATE FUNCTION helper_claims_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM pg_notify('helpboard_helper',
			NEW.helper_id || ' claim ' || NEW.request_id || ' ' || NEW.helper_day || ' ' || NEW.campaign);
	ELSE
		PERFORM pg_notify('helpboard_helper', OLD.helper_id || ' changed');
		IF TG_OP = 'UPDATE' AND (NEW.helper_id <> OLD.helper_id) THEN
			PERFORM pg_notify('helpboard_helper', NEW.helper_id || ' changed');
		END IF;
	END IF;
	RETURN NULL;
END
$$;

-- a claim's status changes many times (confirmed, rejected, answered): none of that
-- changes what the queue asks (whether one exists, and how many a day)
CREATE TRIGGER helper_claims_changed AFTER INSERT OR DELETE OR UPDATE OF helper_id, request_id, helper_day, campaign
	ON claims FOR EACH ROW EXECUTE FUNCTION helper_claims_changed();

CREATE FUNCTION helper_blocks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('helpboard_helper',
		CASE WHEN TG_OP = 'DELETE' THEN OLD.member_id ELSE NEW.member_id END || ' changed');
	IF TG_OP = 'UPDATE' AND NEW.member_id <> OLD.member_id THEN
		PERFORM pg_notify('helpboard_helper', OLD.member_id || ' changed');
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER helper_blocks_changed AFTER INSERT OR UPDATE OR DELETE ON member_blocks
	FOR EACH ROW EXECUTE FUNCTION helper_blocks_changed();
