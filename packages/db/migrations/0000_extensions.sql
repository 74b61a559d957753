-- Extensions for accent-insensitive Vietnamese search (ARCHITECTURE: unaccent + pg_trgm, IMMUTABLE wrapper).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary); generated columns and indexes need IMMUTABLE.
-- Naming the dictionary and schema explicitly makes the result independent of search_path.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
