import { z } from 'zod';
import { foldVietnamese } from '../text';

/*
 * A province's own boundary file (GeoJSON, RFC 7946) of its units, imported by the DX office: no tile server and no
 * internet, the map is drawn as plain SVG from it. The file is bounded before and while it is read (docs/security.md:
 * huge or deeply nested input is refused before it costs anything): its size, its nesting, the number of features,
 * the points of each feature and of the whole file, and each coordinate's range.
 */

/** Largest boundary file accepted (a province's ~100–250 communes, simplified, fit in a few MB). */
export const BOUNDARY_MAX_BYTES = 15 * 1024 * 1024;
/** Deepest nesting a FeatureCollection of MultiPolygons has is 8 (collection › features › feature › geometry › 4 arrays). */
export const BOUNDARY_MAX_DEPTH = 10;
export const BOUNDARY_MAX_FEATURES = 2_000;
export const BOUNDARY_MAX_POINTS = 1_000_000;
const MAX_POINTS_PER_FEATURE = 200_000;

const lon = z.number().finite().min(-180).max(180);
const lat = z.number().finite().min(-90).max(90);
/** [longitude, latitude] (an altitude, if any, is dropped). */
const position = z
  .array(z.number().finite())
  .min(2)
  .max(3)
  .transform((p) => [p[0]!, p[1]!] as [number, number])
  .pipe(z.tuple([lon, lat]));
const ring = z.array(position).min(4).max(MAX_POINTS_PER_FEATURE);
const polygon = z.array(ring).min(1).max(1_000);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1).max(1_000) }),
]);
const propertyValue = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);
const feature = z.object({
  type: z.literal('Feature'),
  geometry,
  properties: z
    .record(z.string().max(100), propertyValue.or(z.unknown().transform(() => null)))
    .refine((p) => Object.keys(p).length <= 100, 'Tối đa 100 thuộc tính mỗi vùng')
    .nullable()
    .default({}),
});

/** A boundary file as accepted: a FeatureCollection of Polygons/MultiPolygons within the bounds above. */
export const boundaryCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(feature).min(1, 'Tệp không có vùng nào').max(BOUNDARY_MAX_FEATURES),
  })
  .superRefine((fc, ctx) => {
    let total = 0;
    fc.features.forEach((f, i) => {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const n = polys.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
      if (n > MAX_POINTS_PER_FEATURE)
        ctx.addIssue({ code: 'custom', path: ['features', i], message: `Vùng có quá nhiều điểm (${n})` });
      total += n;
    });
    if (total > BOUNDARY_MAX_POINTS)
      ctx.addIssue({
        code: 'custom',
        path: ['features'],
        message: `Tệp có quá nhiều điểm (${total}; tối đa ${BOUNDARY_MAX_POINTS}): hãy giản lược ranh giới`,
      });
  });
export type BoundaryCollection = z.infer<typeof boundaryCollection>;
export type BoundaryFeature = BoundaryCollection['features'][number];

export type BoundaryReading =
  | { ok: true; collection: BoundaryCollection }
  | { ok: false; issues: { path: (string | number)[]; message: string }[] };

/** True when the JSON text nests deeper than `limit` (one iterative pass, strings skipped; no recursion). */
function nestsDeeper(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Reads a boundary file's text: size and nesting first (before JSON.parse), then the shape with zod. Pure; the
 * issues name the place in the file.
 */
export function readBoundaryFile(text: string): BoundaryReading {
  const fail = (message: string, path: (string | number)[] = []) => ({
    ok: false as const,
    issues: [{ path, message }],
  });
  if (text.length > BOUNDARY_MAX_BYTES)
    return fail(`Tệp quá lớn (tối đa ${BOUNDARY_MAX_BYTES / 1024 / 1024} MB)`);
  if (nestsDeeper(text, BOUNDARY_MAX_DEPTH))
    return fail(`Tệp lồng nhau quá ${BOUNDARY_MAX_DEPTH} cấp: không phải GeoJSON ranh giới`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('Tệp không phải JSON hợp lệ');
  }
  const parsed = boundaryCollection.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, 20).map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: i.message,
      })),
    };
  return { ok: true, collection: parsed.data };
}

/** Properties that name a unit's official code or its name, as boundary files usually write them. */
const CODE_KEYS = ['code', 'ma', 'ma_dv', 'ma_xa', 'maxa', 'ma_huyen', 'mahuyen', 'unit_code', 'id'];
const NAME_KEYS = ['name', 'ten', 'ten_dv', 'ten_xa', 'tenxa', 'ten_huyen', 'tenhuyen', 'unit_name'];

const prop = (f: BoundaryFeature, keys: readonly string[]): string | null => {
  const p = f.properties ?? {};
  for (const [k, v] of Object.entries(p))
    if (keys.includes(foldVietnamese(k).replace(/\s+/g, '_')) && v !== null && v !== '') return String(v);
  return null;
};

/** Which unit each feature draws, by official code first, else by name (accents, case and tone placement folded). */
export function matchBoundaries(
  features: readonly BoundaryFeature[],
  units: readonly { unitId: string; code: string | null; name: string }[],
): { featureIndex: number; unitId: string | null; label: string }[] {
  const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code!.replace(/^0+/, ''), u]));
  const byName = new Map<string, (typeof units)[number][]>();
  for (const u of units) {
    const k = foldVietnamese(u.name);
    byName.set(k, [...(byName.get(k) ?? []), u]);
  }
  return features.map((f, featureIndex) => {
    const code = prop(f, CODE_KEYS);
    const name = prop(f, NAME_KEYS);
    const viaCode = code ? byCode.get(code.trim().replace(/^0+/, '')) : undefined;
    const named = name ? byName.get(foldVietnamese(name)) : undefined;
    const unit = viaCode ?? (named?.length === 1 ? named[0] : undefined);
    return { featureIndex, unitId: unit?.unitId ?? null, label: name ?? code ?? `#${featureIndex + 1}` };
  });
}

/**
 * SVG path data of every feature in one frame of `width` pixels: an equirectangular projection with the longitude
 * shrunk by the cosine of the middle latitude (at a province's size the distortion is negligible), north up.
 */
export function boundaryPaths(
  features: readonly BoundaryFeature[],
  width = 600,
): { width: number; height: number; paths: string[] } {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const polysOf = (f: BoundaryFeature) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const f of features)
    for (const p of polysOf(f))
      for (const r of p)
        for (const [x, y] of r) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
  if (!Number.isFinite(minX)) return { width, height: 0, paths: [] };
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = width / spanX;
  const height = Math.round(spanY * scale);
  const at = ([x, y]: readonly [number, number]) =>
    `${((x - minX) * k * scale).toFixed(1)},${((maxY - y) * scale).toFixed(1)}`;
  const paths = features.map((f) =>
    polysOf(f)
      .flatMap((p) => p.map((r) => `M${r.map(at).join('L')}Z`))
      .join(''),
  );
  return { width, height, paths };
}

/** The classes a unit's value falls in, shared by the map and the table beside it (same colour, same words). */
export const VALUE_CLASSES = [
  { key: 'none', min: null, colour: '#d9d9d9' },
  { key: 'low', min: 0, colour: '#c0392b' },
  { key: 'mid', min: 50, colour: '#e67e22' },
  { key: 'high', min: 80, colour: '#27ae60' },
  { key: 'done', min: 100, colour: '#145a32' },
] as const;
export type ValueClass = (typeof VALUE_CLASSES)[number]['key'];

/** A unit's value (percent, null when nothing is due) → its class. */
export function valueClass(value: number | null): ValueClass {
  if (value === null || !Number.isFinite(value)) return 'none';
  if (value >= 100) return 'done';
  if (value >= 80) return 'high';
  if (value >= 50) return 'mid';
  return 'low';
}
