/**
 * Grey page images: ink threshold, skew estimate and correction, cropping, PGM encoding (what
 * Tesseract is given).
 */

export interface Gray {
  width: number;
  height: number;
  /** One byte a pixel, 0 black … 255 white, rows top to bottom. */
  data: Uint8Array;
}

/** Otsu's threshold over the histogram: pixels at or below it are ink. */
export function inkThreshold(img: Gray): number {
  const hist = new Float64Array(256);
  const step = Math.max(1, Math.floor(img.data.length / 2_000_000));
  let n = 0;
  for (let i = 0; i < img.data.length; i += step) {
    hist[img.data[i]]++;
    n++;
  }
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = n - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  // Keep light backgrounds (grey header cells) and scanner noise out of the ink.
  return Math.min(threshold, 170);
}

/** 1 for ink, 0 for paper. */
export function binarize(img: Gray, threshold = inkThreshold(img)): Uint8Array {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i] <= threshold ? 1 : 0;
  return out;
}

/**
 * The page's skew in degrees (positive: content turned clockwise on the image), within ±maxDeg:
 * the angle at which the ink, sheared back, gives the sharpest row profile (ruling lines and text
 * lines line up). Done on a reduced copy, then refined.
 */
export function estimateSkew(img: Gray, ink: Uint8Array, maxDeg = 3): number {
  const f = Math.max(1, Math.round(img.width / 900));
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (ink[y * f * img.width + x * f]) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 100) return 0;
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    const rows = new Float64Array(h + w + 2);
    const off = Math.ceil(w * Math.abs(t)) + 1;
    for (let i = 0; i < xs.length; i++) {
      const r = Math.round(ys[i] - xs[i] * t) + off;
      if (r >= 0 && r < rows.length) rows[r]++;
    }
    let s = 0;
    for (let i = 0; i < rows.length; i++) s += rows[i] * rows[i];
    return s;
  };
  let best = 0;
  let bestScore = -1;
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.1) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  for (let d = best - 0.1; d <= best + 0.1 + 1e-9; d += 0.02) {
    const s = score(d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  return Math.round(best * 100) / 100;
}

/** The image turned by -deg about its centre (undoing a skew of deg), same size, white outside. */
export function rotate(img: Gray, deg: number): Gray {
  if (Math.abs(deg) < 0.01) return img;
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = img.width / 2;
  const cy = img.height / 2;
  const out = new Uint8Array(img.data.length);
  out.fill(255);
  const { width: W, height: H, data } = img;
  for (let y = 0; y < H; y++) {
    const dy = y - cy;
    for (let x = 0; x < W; x++) {
      const dx = x - cx;
      // source point: the output point turned by +deg
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= W || y0 + 1 >= H) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * W + x0;
      const top = data[i] + (data[i + 1] - data[i]) * fx;
      const bottom = data[i + W] + (data[i + W + 1] - data[i + W]) * fx;
      out[y * W + x] = top + (bottom - top) * fy;
    }
  }
  return { width: W, height: H, data: out };
}

/** A rectangle of the image (clamped to it). */
export function crop(img: Gray, x0: number, y0: number, x1: number, y1: number): Gray {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const right = Math.min(img.width, Math.ceil(x1));
  const bottom = Math.min(img.height, Math.ceil(y1));
  const width = Math.max(0, right - left);
  const height = Math.max(0, bottom - top);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    data.set(img.data.subarray((top + y) * img.width + left, (top + y) * img.width + left + width), y * width);
  return { width, height, data };
}

/** Binary PGM (P5), which Tesseract's image reader takes. */
export function toPgm(img: Gray): Buffer {
  return Buffer.concat([
    Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, "latin1"),
    Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength),
  ]);
}

/** The image reduced by `factor` (< 1) with box averaging. */
export function downscale(img: Gray, factor: number): Gray {
  if (factor >= 1) return img;
  const width = Math.max(1, Math.round(img.width * factor));
  const height = Math.max(1, Math.round(img.height * factor));
  const data = new Uint8Array(width * height);
  const fx = img.width / width;
  const fy = img.height / height;
  for (let y = 0; y < height; y++) {
    const sy0 = Math.floor(y * fy);
    const sy1 = Math.max(sy0 + 1, Math.min(img.height, Math.floor((y + 1) * fy)));
    for (let x = 0; x < width; x++) {
      const sx0 = Math.floor(x * fx);
      const sx1 = Math.max(sx0 + 1, Math.min(img.width, Math.floor((x + 1) * fx)));
      let sum = 0;
      for (let yy = sy0; yy < sy1; yy++) for (let xx = sx0; xx < sx1; xx++) sum += img.data[yy * img.width + xx];
      data[y * width + x] = sum / ((sy1 - sy0) * (sx1 - sx0));
    }
  }
  return { width, height, data };
}
