/**
 * Ruling lines of a scanned table: long, thin runs of ink along rows (horizontal lines) or columns
 * (vertical lines) of a deskewed page image, in pixels.
 */

export interface PixelLine {
  dir: "h" | "v";
  /** Centre row (h) or column (v). */
  pos: number;
  from: number;
  to: number;
  thickness: number;
}

export interface RulingOptions {
  /** Shortest line, pixels. */
  minLength: number;
  /** Thickest line, pixels (a scanner's dark border is thicker). */
  maxThickness: number;
  /** Gaps in a line (noise, a faint scan) bridged, pixels. */
  gap: number;
}

interface Open {
  from: number;
  to: number;
  first: number;
  last: number;
  runs: number;
  sum: number;
}

/**
 * Lines along one direction. `at(i, j)` reads the ink of position j on scan line i (a row for
 * horizontal lines, a column for vertical ones).
 */
function scan(lines: number, length: number, at: (i: number, j: number) => number, dir: "h" | "v", o: RulingOptions): PixelLine[] {
  const out: PixelLine[] = [];
  let open: Open[] = [];
  const close = (s: Open): void => {
    const thickness = s.last - s.first + 1;
    if (thickness <= o.maxThickness) out.push({ dir, pos: (s.first + s.last) / 2, from: s.from, to: s.to, thickness });
  };
  for (let i = 0; i < lines; i++) {
    const runs: [number, number][] = [];
    let start = -1;
    let lastInk = -1;
    for (let j = 0; j < length; j++) {
      if (at(i, j)) {
        if (start < 0) start = j;
        else if (j - lastInk > o.gap + 1) {
          if (lastInk - start + 1 >= o.minLength) runs.push([start, lastInk]);
          start = j;
        }
        lastInk = j;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= o.minLength) runs.push([start, lastInk]);
    const next: Open[] = [];
    const used = new Set<Open>();
    for (const [a, b] of runs) {
      // continues a line of the previous scan line when most of the shorter one overlaps
      const prev = open.find((s) => !used.has(s) && Math.min(s.to, b) - Math.max(s.from, a) >= 0.5 * Math.min(s.to - s.from, b - a));
      if (prev) {
        used.add(prev);
        prev.from = Math.min(prev.from, a);
        prev.to = Math.max(prev.to, b);
        prev.last = i;
        next.push(prev);
      } else next.push({ from: a, to: b, first: i, last: i, runs: 1, sum: i });
    }
    for (const s of open) if (!used.has(s)) close(s);
    open = next;
  }
  for (const s of open) close(s);
  return out;
}

export function findPixelLines(
  ink: Uint8Array,
  width: number,
  height: number,
  o: RulingOptions,
): { horizontals: PixelLine[]; verticals: PixelLine[] } {
  const horizontals = scan(height, width, (y, x) => ink[y * width + x], "h", o);
  const verticals = scan(width, height, (x, y) => ink[y * width + x], "v", o);
  return { horizontals, verticals };
}

/** Paints the lines white in a grey image, so that Tesseract reads no "|" or "_" from them. */
export function eraseLines(data: Uint8Array, width: number, height: number, lines: PixelLine[], margin: number): void {
  for (const l of lines) {
    const half = l.thickness / 2 + margin;
    const a0 = Math.max(0, Math.floor(l.pos - half));
    const a1 = Math.ceil(l.pos + half);
    for (let a = a0; a <= a1; a++) {
      for (let b = Math.max(0, l.from - margin); b <= l.to + margin; b++) {
        const [x, y] = l.dir === "h" ? [b, a] : [a, b];
        if (x < width && y < height) data[y * width + x] = 255;
      }
    }
  }
}
