/**
 * PDF pages → JPEG images (data: URIs) for the review page, rendered with pdf.js onto
 * @napi-rs/canvas (installed with pdfjs-dist). Only run when HTML output is asked for.
 */
import { PDFJS_DATA, pdfjs } from "../../extract/pdf/reader/load.js";

export interface PageImage {
  page: number;
  /** Page size in PDF points (the space row boxes are in). */
  width: number;
  height: number;
  /** data:image/jpeg;base64,… */
  src: string;
}

export interface RenderOptions {
  /** Pixels per PDF point (default 1.5). */
  scale?: number;
  /** JPEG quality 0–1 (default 0.7). */
  quality?: number;
  password?: string;
}

/** pdf.js's Node canvas factory (backed by @napi-rs/canvas). */
interface CanvasAndContext {
  canvas: { toBuffer(mime: "image/jpeg", quality: number): Buffer };
  context: CanvasRenderingContext2D;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(c: CanvasAndContext): void;
}

export interface RenderedPages {
  images: PageImage[];
  /** Pages that could not be rendered, and why (the review page shows their boxes on a blank page). */
  failed: { page: number | null; message: string }[];
}

/** Renders every page; a page that fails to render is left out and listed in `failed`. */
export async function renderPageImages(bytes: Uint8Array, opts: RenderOptions = {}): Promise<RenderedPages> {
  const scale = opts.scale ?? 1.5;
  const quality = opts.quality ?? 0.7;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    password: opts.password,
    isEvalSupported: false,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    ...PDFJS_DATA,
  });
  const failed: RenderedPages["failed"] = [];
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    return { images: [], failed: [{ page: null, message: (err as Error)?.message ?? String(err) }] };
  }
  const factory = doc.canvasFactory as unknown as CanvasFactory;
  const images: PageImage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      try {
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale });
        const canvasAndContext = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
        const ctx = canvasAndContext.context;
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, Math.ceil(viewport.width), Math.ceil(viewport.height));
        await page.render({ canvas: canvasAndContext.canvas as unknown as HTMLCanvasElement, canvasContext: ctx, viewport }).promise;
        const jpeg = canvasAndContext.canvas.toBuffer("image/jpeg", Math.round(quality * 100));
        images.push({ page: n, width: base.width, height: base.height, src: `data:image/jpeg;base64,${jpeg.toString("base64")}` });
        factory.destroy(canvasAndContext);
      } catch (err) {
        failed.push({ page: n, message: (err as Error)?.message ?? String(err) });
      } finally {
        page.cleanup();
      }
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  return { images, failed };
}
