/**
 * A page drawn by pdf.js (through its own canvas for Node, @napi-rs/canvas) as a grey image: for
 * pages whose scan has vector lines drawn over it, which the raw image alone would not show.
 */
import type { PDFDocumentProxy, PDFPageProxy } from "../pdf/reader/load.js";
import type { Segment } from "../pdf/page-content.js";
import type { PageImage } from "./page-image.js";

interface CanvasAndContext {
  canvas: { width: number; height: number } | null;
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(c: CanvasAndContext): void;
}

/** True when a vector ruling runs over the image (its middle inside the image's box), page points. */
export function vectorOverImage(img: PageImage, segments: Segment[]): boolean {
  const x1 = img.x0 + img.image.width * img.sx;
  const y1 = img.y0 + img.image.height * img.sy;
  return segments.some((s) => {
    const mid = (s.from + s.to) / 2;
    const [x, y] = s.dir === "h" ? [mid, s.pos] : [s.pos, mid];
    return x > img.x0 && x < x1 && y > img.y0 && y < y1;
  });
}

/** The page (without its /Rotate) drawn at `dpi`, grey, white where nothing is drawn; null when pdf.js has no canvas. */
export async function renderPageImage(doc: PDFDocumentProxy, page: PDFPageProxy, dpi: number): Promise<PageImage | null> {
  const factory = (doc as unknown as { canvasFactory?: CanvasFactory }).canvasFactory;
  if (!factory) return null;
  const viewport = page.getViewport({ scale: dpi / 72, rotation: 0 });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  let drawn: CanvasAndContext | null = null;
  try {
    drawn = factory.create(width, height);
    if (!drawn.context || !drawn.canvas) return null;
    await page.render({ canvas: drawn.canvas as never, canvasContext: drawn.context as never, viewport }).promise;
    const rgba = drawn.context.getImageData(0, 0, width, height).data;
    const data = new Uint8Array(width * height);
    for (let p = 0, q = 0; p < data.length; p++, q += 4) {
      // transparent (never painted) is white paper
      const a = rgba[q + 3];
      const grey = (rgba[q] * 77 + rgba[q + 1] * 150 + rgba[q + 2] * 29) >> 8;
      data[p] = (grey * a + 255 * (255 - a)) / 255;
    }
    const s = 72 / dpi;
    return { image: { width, height, data }, x0: 0, y0: 0, sx: s, sy: s };
  } catch {
    return null;
  } finally {
    if (drawn?.canvas) factory.destroy(drawn);
  }
}
