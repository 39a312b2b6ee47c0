-- extension/data/999_annotate_log.sql
-- The shipped names were written to annotate_names_changes as they were
-- loaded (the log's triggers fire for the install script too).  No session
-- holds a gazetteer older than the extension, so those rows would only be
-- read, never needed: the log starts empty, its numbering at 1, as after an
-- update from an earlier version.
TRUNCATE @extschema@.annotate_names_changes RESTART IDENTITY;
