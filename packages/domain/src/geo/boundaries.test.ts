import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_MAX_DEPTH,
  BOUNDARY_MAX_FEATURES,
  boundaryPaths,
  matchBoundaries,
  readBoundaryFile,
  VALUE_CLASSES,
  valueClass,
} from './boundaries';

// Two made-up square units side by side (no real boundary: the test states its own data).
const square = (x0: number, y0: number) => [
  [
    [x0, y0],
    [x0 + 0.1, y0],
    [x0 + 0.1, y0 + 0.1],
    [x0, y0 + 0.1],
    [x0, y0],
  ],
];
const file = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { ma_xa: '00001', ten_xa: 'Xã Thử Một' },
      geometry: { type: 'Polygon', coordinates: square(106.6, 20.8) },
    },
    {
      type: 'Feature',
      properties: { Name: 'Phường Thủy Thử' },
      geometry: { type: 'MultiPolygon', coordinates: [square(106.7, 20.8)] },
    },
  ],
};

describe('readBoundaryFile', () => {
  it('accepts a FeatureCollection of polygons and multipolygons', () => {
    const r = readBoundaryFile(JSON.stringify(file));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.collection.features).toHaveLength(2);
  });
  it('refuses deep nesting before parsing, whatever its size', () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const r = readBoundaryFile(deep);
    expect(r).toEqual({ ok: false, issues: [{ path: [], message: expect.stringMatching(/lồng nhau quá/) }] });
    expect(BOUNDARY_MAX_DEPTH).toBeLessThan(32);
  });
  it('refuses what is not a boundary: other geometry, coordinates out of range, too many features, bad JSON', () => {
    const point = {
      ...file,
      features: [{ ...file.features[0], geometry: { type: 'Point', coordinates: [1, 2] } }],
    };
    expect(readBoundaryFile(JSON.stringify(point)).ok).toBe(false);
    const far = {
      ...file,
      features: [{ ...file.features[0], geometry: { type: 'Polygon', coordinates: square(200, 20) } }],
    };
    const r = readBoundaryFile(JSON.stringify(far));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path.slice(0, 3)).toEqual(['features', 0, 'geometry']);
    const many = {
      ...file,
      features: Array.from({ length: BOUNDARY_MAX_FEATURES + 1 }, () => file.features[0]),
    };
    expect(readBoundaryFile(JSON.stringify(many)).ok).toBe(false);
    expect(readBoundaryFile('{"type":')).toEqual({
      ok: false,
      issues: [{ path: [], message: 'Tệp không phải JSON hợp lệ' }],
    });
    expect(readBoundaryFile(JSON.stringify({ type: 'FeatureCollection', features: [] })).ok).toBe(false);
  });
});

describe('matchBoundaries', () => {
  it('matches by official code, else by name with accents and tone placement folded', () => {
    const r = readBoundaryFile(JSON.stringify(file));
    if (!r.ok) throw new Error('fixture');
    const units = [
      { unitId: 'u1', code: '1', name: 'Xã Khác Tên' },
      { unitId: 'u2', code: '00099', name: 'Phường Thuỷ Thử' },
    ];
    expect(matchBoundaries(r.collection.features, units)).toEqual([
      { featureIndex: 0, unitId: 'u1', label: 'Xã Thử Một' },
      { featureIndex: 1, unitId: 'u2', label: 'Phường Thủy Thử' },
    ]);
    expect(matchBoundaries(r.collection.features, [])[0]!.unitId).toBeNull();
  });
});

describe('boundaryPaths', () => {
  it('draws each feature in one frame, north up', () => {
    const r = readBoundaryFile(JSON.stringify(file));
    if (!r.ok) throw new Error('fixture');
    const { width, height, paths } = boundaryPaths(r.collection.features, 200);
    expect(width).toBe(200);
    expect(height).toBeGreaterThan(0);
    expect(paths).toHaveLength(2);
    expect(paths[0]).toMatch(/^M0\.0,\d+\.\dL/);
    // The second square is to the east: its first point is right of the frame's middle.
    expect(Number(/^M([\d.]+),/.exec(paths[1]!)![1])).toBeGreaterThanOrEqual(99);
  });
});

describe('valueClass', () => {
  it('puts a value in the class whose colour the map and the table share', () => {
    expect([null, 0, 49.9, 50, 80, 100].map(valueClass)).toEqual([
      'none',
      'low',
      'low',
      'mid',
      'high',
      'done',
    ]);
    expect(new Set(VALUE_CLASSES.map((c) => c.colour)).size).toBe(VALUE_CLASSES.length);
  });
});
