-- extension/sql/050_name_key.sql
-- name_key(): the one rule by which two names of places (and actors) are the
-- same name.  locate(), the loaders' look-ups and the expression indexes on
-- places and place_names compare name keys; annotate() matches text by the
-- same folding (extension/core/matcher.h, sn_name_key).
--
-- The key folds case, Latin accents and letters (é -> e, ï -> i, the open o
-- of Bambara -> o, the dotted h of transliterated Arabic -> h), ligatures
-- (œ -> oe), drops apostrophes of every kind (’ ' ‘ `, and the modifier
-- letters that transliterate ayin and hamza)
-- so that the words around them join (N'Djamena = NDjamena), makes every run
-- of white space, hyphens and dashes one space, keeps other punctuation, and
-- drops leading and trailing punctuation.  It does not repair mojibake
-- ("MÃ©naka"): the loaders do that before they store a name
-- (repair_mojibake), and flag it.
--
-- The indexes on name_key() depend on the rule: a release that changes it
-- rebuilds them (REINDEX in its upgrade script).

CREATE FUNCTION @extschema@.name_key(name text) RETURNS text
  AS 'MODULE_PATHNAME', 'name_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.name_key(text) IS
  'The key two names must share to be the same name, for locate(), the loaders and annotate(): lower case, accents and apostrophes dropped (Ménaka, MENAKA -> menaka; N’Djaména, NDjamena -> ndjamena), white space, hyphens and dashes as one space (Mayo-Kebbi Est -> mayo kebbi est), other punctuation kept, leading and trailing punctuation dropped';
