-- Vietnamese alphabetical order (issue 19): A Ă Â B C D Đ E Ê … O Ô Ơ … U Ư …, tones and case ignored at the primary
-- level ("Hải An" next to "Hai"), as TCVN 5712 orders the alphabet. PostgreSQL 15 built with ICU has "vi-x-icu";
-- PGlite (PostgreSQL 18) ships only ICU's root data, where Đ sorts as D, so there the same order is written as ICU
-- tailoring rules (CREATE COLLATION … rules, PostgreSQL 16+). Both give identical orders (packages/db/src/collation.test.ts).
-- Without ICU at all the collation falls back to the database default rather than fail the migration.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'vi-x-icu' AND collprovider = 'i') THEN
    EXECUTE 'CREATE COLLATION IF NOT EXISTS vi_vn FROM "vi-x-icu"';
  ELSIF EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i') THEN
    EXECUTE 'CREATE COLLATION IF NOT EXISTS vi_vn (provider = icu, locale = ''und'', rules = '
      || quote_literal('&A<ă<<<Ă<â<<<Â&D<đ<<<Đ&E<ê<<<Ê&O<ô<<<Ô<ơ<<<Ơ&U<ư<<<Ư') || ')';
  ELSE
    EXECUTE 'CREATE COLLATION IF NOT EXISTS vi_vn FROM "default"';
  END IF;
END
$$;
