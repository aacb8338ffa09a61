"""The audit log is append-only in the database too, not only in the admin: a trigger
refuses DELETE, and any UPDATE other than Django's SET_NULL of a deleted user or content
type. (TRUNCATE, which only the database owner's maintenance and test flushes use, is a
statement of its own and not affected.)"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit events are append-only: DELETE refused';
    END IF;
    IF (NEW.user_id IS NOT NULL AND NEW.user_id IS DISTINCT FROM OLD.user_id)
       OR (NEW.content_type_id IS NOT NULL
           AND NEW.content_type_id IS DISTINCT FROM OLD.content_type_id)
       OR ROW(NEW.id, NEW."when", NEW.email, NEW.action, NEW.object_id, NEW.object_repr,
              NEW.ip_address, NEW.user_agent, NEW.details)
          IS DISTINCT FROM
          ROW(OLD.id, OLD."when", OLD.email, OLD.action, OLD.object_id, OLD.object_repr,
              OLD.ip_address, OLD.user_agent, OLD.details)
    THEN
        RAISE EXCEPTION 'audit events are append-only: UPDATE refused';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_audit_event"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
