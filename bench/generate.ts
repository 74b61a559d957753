import { type Db, findProvinceByCode, queryRows } from '@dx/db';
import { type SQL, sql } from 'drizzle-orm';

/*
 * Deterministic synthetic evidence records for the benchmark and the demo (docs/brief.md "Scale to plan for"). Everything
 * is generated in SQL from row numbers (ids are md5 of a label and a number), so two runs produce the same data
 * and 2,000,000 publications take seconds, not an hour of client round trips.
 */

export type Volumes = {
  schools: number;
  channels: number;
  people: number;
  trainings: number;
  models: number;
  publications: number;
  events: number;
};

/** Hải Phòng 2023 (docs/brief.md): ~1,000 schools, ~300 channels, ~2,000 people, ~50 models, ~20,000 publications. */
export const CITY: Volumes = {
  schools: 1000,
  channels: 300,
  people: 2000,
  trainings: 24,
  models: 50,
  publications: 20_000,
  events: 3000,
};

/**
 * md5 of a label and a number, shaped as an RFC 9562 version-4 UUID (version nibble 4, variant 8): the API's
 * contracts check ids as RFC UUIDs (zod's z.uuid()), as gen_random_uuid() makes them; a bare md5 is not one.
 */
const id = (label: string, n: SQL) =>
  sql`overlay(overlay(md5(${label} || ':' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * Fills one province with evidence records for `year`: schools (org units under its communes in force), channels
 * of every kind, people, trainings with attendance, models, publications spread over the year, events and unit
 * plans. `tag` keeps ids distinct between provinces. Labelled "[Dữ liệu mẫu]" so nobody takes it for real.
 */
export async function fillProvince(
  db: Db,
  o: { provinceId: string; tag: string; year: number; v: Volumes },
): Promise<void> {
  const { provinceId: p, tag, year, v } = o;
  const asOf = `${year}-12-31`;
  const from = `${year}-01-01`;
  const label = (s: string) => `[Dữ liệu mẫu] ${s}`;
  const verbose = process.env.BENCH_VERBOSE === '1';
  const exec = async (q: SQL) => {
    const t0 = performance.now();
    await db.execute(q);
    if (verbose) console.log(`    ${tag} step ${(performance.now() - t0).toFixed(0)} ms`);
  };
  // Units of the province in force at the end of the year, as one array (a[i % n + 1] picks the i-th, cheaply).
  const units = (kinds: string[]) => sql`
    SELECT array_agg(v.unit_id ORDER BY v.code, v.name, v.unit_id) AS a, count(*)::int AS n
      FROM org_unit_version v JOIN org_unit o ON o.id = v.unit_id
     WHERE o.province_id = ${p} AND v.kind IN (${sql.join(
       kinds.map((k) => sql`${k}`),
       sql`, `,
     )})
       AND (v.valid_from IS NULL OR v.valid_from <= ${asOf}::date) AND (v.valid_to IS NULL OR v.valid_to > ${asOf}::date)`;

  await exec(sql`
    INSERT INTO org_unit (id, province_id, source)
    SELECT ${id(`${tag}:school`, sql`g`)}, ${p}::uuid, 'bench/generate.ts' FROM generate_series(0, ${v.schools - 1}) g`);
  await exec(sql`
    WITH c AS (${units(['commune'])})
    INSERT INTO org_unit_version (unit_id, name, kind, parent_unit_id)
    SELECT ${id(`${tag}:school`, sql`g`)}, ${label('Trường học số ')} || g, 'school', c.a[g % c.n + 1]
      FROM generate_series(0, ${v.schools - 1}) g CROSS JOIN c`);

  // Channels: press agencies' newspapers, TV, radio and e-papers; portals of departments and districts; district
  // radio systems; commune loudspeakers; social pages. A fifth have no DX section, some opened one mid-year.
  await exec(sql`
    WITH u AS (${units(['department', 'district', 'commune', 'press_agency'])})
    INSERT INTO channel (id, province_id, owner_unit_id, kind, name, has_dx_section, dx_section_since)
    SELECT ${id(`${tag}:channel`, sql`g`)}, ${p}::uuid, u.a[(g * 7) % u.n + 1],
           (ARRAY['newspaper','tv','radio','press_portal','portal','portal','district_radio','commune_loudspeaker','facebook','zalo'])[g % 10 + 1],
           ${label('Kênh số ')} || g, g % 5 <> 0,
           CASE WHEN g % 5 <> 0 AND g % 7 = 0 THEN ${`${year}-05-15`}::date END
      FROM generate_series(0, ${v.channels - 1}) g CROSS JOIN u`);

  await exec(sql`
    WITH u AS (${units(['press_agency', 'district', 'commune', 'department'])})
    INSERT INTO person (id, province_id, unit_id, full_name, role, left_on)
    SELECT ${id(`${tag}:person`, sql`g`)}, ${p}::uuid, u.a[g % u.n + 1], ${label('Người số ')} || g,
           (ARRAY['reporter','editor','grassroots_officer'])[g % 3 + 1], CASE WHEN g % 97 = 0 THEN ${`${year}-06-01`}::date END
      FROM generate_series(0, ${v.people - 1}) g CROSS JOIN u`);

  await exec(sql`
    WITH u AS (${units(['department'])})
    INSERT INTO training (id, province_id, organiser_unit_id, title, held_on, tags)
    SELECT ${id(`${tag}:training`, sql`g`)}, ${p}::uuid, u.a[g % u.n + 1], ${label('Tập huấn số ')} || g,
           ${from}::date + ((g * 37) % 360), CASE WHEN g % 3 <> 2 THEN ARRAY['dx_writing'] ELSE ARRAY['dx_general'] END
      FROM generate_series(0, ${v.trainings - 1}) g CROSS JOIN u`);
  // 70% of people attend one training, every 10th attends two (trained twice counts once).
  await exec(sql`
    INSERT INTO training_attendance (training_id, person_id, province_id)
    SELECT ${id(`${tag}:training`, sql`(g % ${v.trainings})`)}, ${id(`${tag}:person`, sql`g`)}, ${p}::uuid
      FROM generate_series(0, ${v.people - 1}) g WHERE g % 10 < 7
    UNION ALL
    SELECT ${id(`${tag}:training`, sql`((g + 1) % ${v.trainings})`)}, ${id(`${tag}:person`, sql`g`)}, ${p}::uuid
      FROM generate_series(0, ${v.people - 1}) g WHERE g % 10 = 0`);

  await exec(sql`
    WITH u AS (${units(['district', 'commune', 'department'])})
    INSERT INTO dx_model (id, province_id, unit_id, kind, name, recognised_by, recognised_on)
    SELECT ${id(`${tag}:model`, sql`g`)}, ${p}::uuid, u.a[g % u.n + 1], (ARRAY['model','role_model'])[g % 2 + 1], ${label('Mô hình số ')} || g,
           CASE WHEN g % 5 <> 0 THEN 'UBND' END, CASE WHEN g % 5 <> 0 THEN ${from}::date + (g * 5) % 200 END
      FROM generate_series(0, ${v.models - 1}) g CROSS JOIN u`);

  await exec(sql`
    INSERT INTO publication (id, province_id, channel_id, unit_id, title, published_on, format, is_dx, reach)
    SELECT ${id(`${tag}:pub`, sql`g`)}, ${p}::uuid, c.id, c.owner_unit_id, ${label('Tin, bài số ')} || g,
           ${from}::date + ((g * 7919) % 365), (ARRAY['article','report','video','radio','infographic','post'])[g % 6 + 1],
           g % 4 <> 0, (g * 13) % 5000
      FROM generate_series(0, ${v.publications - 1}) g
      JOIN channel c ON c.id = ${id(`${tag}:channel`, sql`((g * 31) % ${v.channels})`)}`);
  // Every 150th publication features a model: on mass media or on social pages, depending on its channel.
  await exec(sql`
    INSERT INTO publication_model (publication_id, model_id)
    SELECT ${id(`${tag}:pub`, sql`g`)}, ${id(`${tag}:model`, sql`((g / 150) % ${v.models})`)}
      FROM generate_series(0, ${v.publications - 1}, 150) g`);

  // Events: half held by schools (extracurricular), the rest by departments at city/district/unit level; some in
  // the previous year.
  await exec(sql`
    WITH s AS (${units(['school'])}), d AS (${units(['department', 'district'])})
    INSERT INTO event (id, province_id, organiser_unit_id, kind, level, title, held_on, participants, is_dx)
    SELECT ${id(`${tag}:event`, sql`g`)}, ${p}::uuid,
           CASE WHEN g % 2 = 0 THEN s.a[(g * 3) % s.n + 1] ELSE d.a[g % d.n + 1] END,
           CASE WHEN g % 2 = 0 THEN 'extracurricular' ELSE (ARRAY['contest','workshop','other'])[g % 3 + 1] END,
           CASE WHEN g % 2 = 0 THEN 'unit' WHEN g % 401 = 1 THEN 'city' ELSE (ARRAY['district','unit'])[g % 2 + 1] END,
           ${label('Hoạt động số ')} || g, ${from}::date - 60 + ((g * 101) % 425), 30 + g % 300, g % 9 <> 0
      FROM generate_series(0, ${v.events - 1}) g CROSS JOIN s CROSS JOIN d`);

  // Two thirds of reporting units submitted a plan; three quarters of those were accepted.
  await exec(sql`
    WITH u AS (${units(['department', 'district', 'commune', 'mass_organisation'])})
    INSERT INTO unit_plan (id, province_id, unit_id, year, kind, document_number, document_date, status)
    SELECT ${id(`${tag}:plan`, sql`g`)}, ${p}::uuid, u.a[g + 1], ${year},
           (ARRAY['communication_plan','dx_plan','work_programme'])[g % 3 + 1], g || '/KH', ${from}::date + g % 90,
           CASE WHEN g % 4 = 0 THEN 'submitted' ELSE 'accepted' END
      FROM u CROSS JOIN generate_series(0, u.n - 1) g WHERE g % 3 <> 0`);
}

/** Hải Phòng 2023 at city scale (the seeded units must be there). */
export async function generateCity(db: Db): Promise<string> {
  const hp = await findProvinceByCode(db, '31');
  if (!hp) throw new Error('seed the units first');
  await fillProvince(db, { provinceId: hp, tag: 'hp', year: 2023, v: CITY });
  return hp;
}

/**
 * The country after the 2025 reform at the scale in docs/brief.md: 34 provinces (synthetic, besides the seeded Hải Phòng),
 * ~3,300 communes, ~45,000 schools, ~10,000 channels, ~100,000 people, 2,000,000 publications. Hải Phòng keeps
 * its real 2023 units and gets the city volumes; the 33 others share the rest.
 */
export async function generateCountry(
  db: Db,
  onProgress: (s: string) => void = () => undefined,
): Promise<void> {
  const hp = await generateCity(db);
  const communes = (
    await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM org_unit_version v JOIN org_unit o ON o.id = v.unit_id
    WHERE o.province_id = ${hp} AND v.kind = 'commune' AND (v.valid_to IS NULL OR v.valid_to > '2023-12-31')`,
    )
  )[0]!.n;
  const others = 33;
  const per = (total: number, city: number) => Math.round((total - city) / others);
  const v: Volumes = {
    schools: per(45_000, CITY.schools),
    channels: per(10_000, CITY.channels),
    people: per(100_000, CITY.people),
    trainings: 24,
    models: 50,
    publications: per(2_000_000, CITY.publications),
    events: 3000,
  };
  const communesPer = Math.round((3300 - communes) / others);
  for (let i = 0; i < others; i++) {
    const tag = `p${i}`;
    const province = (
      await queryRows<{ id: string }>(db, sql`SELECT ${id(`${tag}:province`, sql`0`)} AS id`)
    )[0]!.id;
    await db.execute(
      sql`INSERT INTO org_unit (id, province_id, source) VALUES (${province}::uuid, ${province}::uuid, 'bench/generate.ts')`,
    );
    await db.execute(
      sql`INSERT INTO org_unit_version (unit_id, code, name, kind) VALUES (${province}::uuid, ${`B${i}`}, ${`[Dữ liệu mẫu] Tỉnh số ${i}`}, 'province')`,
    );
    for (const [kind, n] of [
      ['department', 20],
      ['commune', communesPer],
      ['mass_organisation', 6],
      ['press_agency', 3],
    ] as const) {
      await db.execute(sql`
        INSERT INTO org_unit (id, province_id, source)
        SELECT ${id(`${tag}:${kind}`, sql`g`)}, ${province}::uuid, 'bench/generate.ts' FROM generate_series(0, ${n - 1}) g`);
      await db.execute(sql`
        INSERT INTO org_unit_version (unit_id, name, kind, parent_unit_id, valid_from)
        SELECT ${id(`${tag}:${kind}`, sql`g`)}, ${`[Dữ liệu mẫu] ${kind} `} || g, ${kind}, ${province}::uuid, '2025-07-01'::date - 3000
          FROM generate_series(0, ${n - 1}) g`);
    }
    await fillProvince(db, { provinceId: province, tag, year: 2023, v });
    onProgress(`province ${i + 1}/${others}`);
  }
}
