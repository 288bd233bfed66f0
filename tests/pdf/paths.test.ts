import { describe, expect, it } from "vitest";
import { OPS as OP } from "pdfjs-dist/legacy/build/pdf.mjs";
import { multiply } from "../../src/extract/pdf/page-content.js";
import { DRAW, decodeDrawOps, extractRulings } from "../../src/extract/pdf/reader/paths.js";

/** Viewport of an A4 portrait page at scale 1 (pdf.js: flip y). */
const VP = [1, 0, 0, -1, 0, 842];

function path(paintOp: number, ...ops: number[]): [number, unknown[]] {
  return [OP.constructPath, [paintOp, [new Float32Array(ops)], [0, 0, 0, 0]]];
}

function run(list: [number, unknown][]) {
  return extractRulings(
    list.map((x) => x[0]),
    list.map((x) => x[1]),
    VP,
  );
}

describe("decodeDrawOps", () => {
  it("splits subpaths and handles closePath, curves and quadratic curves", () => {
    const buf = [
      DRAW.moveTo,
      0,
      0,
      DRAW.lineTo,
      10,
      0,
      DRAW.lineTo,
      10,
      5,
      DRAW.closePath,
      DRAW.moveTo,
      20,
      20,
      DRAW.curveTo,
      21,
      21,
      22,
      22,
      30,
      30,
      DRAW.moveTo,
      40,
      40,
      DRAW.quadraticCurveTo,
      41,
      41,
      50,
      50,
    ];
    const sp = decodeDrawOps(buf, [1, 0, 0, 1, 0, 0]);
    expect(sp[0]).toEqual({
      points: [
        [0, 0],
        [10, 0],
        [10, 5],
      ],
      closed: true,
      curved: false,
    });
    const curved = sp.filter((s) => s.curved);
    expect(curved).toHaveLength(2);
    expect(curved[0].points[1]).toEqual([30, 30]);
    expect(curved[1].points[1]).toEqual([50, 50]);
  });
});

describe("extractRulings", () => {
  it("stroked lines become segments in top-down space", () => {
    const r = run([
      [OP.setLineWidth, [0.5]],
      path(OP.stroke, DRAW.moveTo, 50, 800, DRAW.lineTo, 550, 800),
      path(OP.stroke, DRAW.moveTo, 50, 800, DRAW.lineTo, 50, 700),
    ]);
    expect(r.horizontals).toHaveLength(1);
    expect(r.horizontals[0]).toMatchObject({ dir: "h", pos: 42, from: 50, to: 550 });
    expect(r.verticals[0]).toMatchObject({ dir: "v", pos: 50, from: 42, to: 142 });
  });

  it("a stroked rectangle gives its four edges", () => {
    const r = run([path(OP.closeStroke, DRAW.moveTo, 100, 100, DRAW.lineTo, 200, 100, DRAW.lineTo, 200, 150, DRAW.lineTo, 100, 150)]);
    expect(r.horizontals.map((s) => s.pos).sort()).toEqual([692, 742]);
    expect(r.verticals.map((s) => s.pos).sort()).toEqual([100, 200]);
  });

  it("filled thin rectangles are lines, big fills are not", () => {
    const r = run([
      [OP.setFillRGBColor, ["#000000"]],
      path(OP.fill, DRAW.moveTo, 10, 10, DRAW.lineTo, 300, 10, DRAW.lineTo, 300, 11, DRAW.lineTo, 10, 11, DRAW.closePath),
      path(OP.fill, DRAW.moveTo, 10, 10, DRAW.lineTo, 11, 10, DRAW.lineTo, 11, 210, DRAW.lineTo, 10, 210, DRAW.closePath),
      path(OP.fill, DRAW.moveTo, 0, 0, DRAW.lineTo, 595, 0, DRAW.lineTo, 595, 842, DRAW.lineTo, 0, 842, DRAW.closePath),
    ]);
    expect(r.horizontals).toHaveLength(1);
    expect(r.horizontals[0]).toMatchObject({ pos: 842 - 10.5, from: 10, to: 300, thickness: 1 });
    expect(r.verticals).toHaveLength(1);
    expect(r.verticals[0]).toMatchObject({ pos: 10.5, from: 632, to: 832 });
  });

  it("white fills and clipping paths (endPath) are ignored", () => {
    const r = run([
      [OP.setFillRGBColor, ["#ffffff"]],
      path(OP.fill, DRAW.moveTo, 10, 10, DRAW.lineTo, 300, 10, DRAW.lineTo, 300, 11, DRAW.lineTo, 10, 11, DRAW.closePath),
      path(OP.endPath, DRAW.moveTo, 10, 10, DRAW.lineTo, 300, 10),
    ]);
    expect(r.horizontals).toHaveLength(0);
  });

  it("tracks transform, save/restore and form XObject matrices", () => {
    const r = run([
      [OP.save, null],
      [OP.transform, [0.24, 0, 0, -0.24, 0, 842]],
      [OP.transform, [3.125, 0, 0, 3.125, 100, 100]],
      path(OP.fill, DRAW.moveTo, 8, 114, DRAW.lineTo, 170, 114, DRAW.lineTo, 170, 115, DRAW.lineTo, 8, 115, DRAW.closePath),
      [OP.restore, null],
      [OP.paintFormXObjectBegin, [new Float32Array([1, 0, 0, 1, 100, 0]), null]],
      path(OP.stroke, DRAW.moveTo, 0, 500, DRAW.lineTo, 0, 400),
      [OP.paintFormXObjectEnd, []],
      path(OP.stroke, DRAW.moveTo, 0, 500, DRAW.lineTo, 0, 400),
    ]);
    // (8,114) → ×3.125+100 → (125, 456.25) → ×0.24, flip → (30, 842-109.5=732.5) → viewport flip → y 109.5
    expect(r.horizontals).toHaveLength(1);
    expect(r.horizontals[0].from).toBeCloseTo(30, 4);
    expect(r.horizontals[0].to).toBeCloseTo((170 * 3.125 + 100) * 0.24, 4);
    expect(r.horizontals[0].pos).toBeCloseTo((114.5 * 3.125 + 100) * 0.24, 4);
    expect(r.horizontals[0].thickness).toBeCloseTo(0.75, 4);
    expect(r.verticals.map((v) => v.pos)).toEqual([100, 0]);
  });

  it("multiply applies the right-hand matrix first", () => {
    const m = multiply([2, 0, 0, 2, 0, 0], [1, 0, 0, 1, 5, 0]);
    expect(m).toEqual([2, 0, 0, 2, 10, 0]);
  });

  it("ignores paths without a buffer", () => {
    const r = extractRulings([OP.constructPath], [[OP.stroke, [null], null]], VP);
    expect(r.horizontals).toHaveLength(0);
  });
});
