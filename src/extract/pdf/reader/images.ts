/**
 * The images a page paints (image XObjects), each with its matrix: the consumer of painted images
 * of the operator interpreter, for OCR (src/extract/ocr/page-image.ts picks the page's scan).
 */
import { interpretOperators, type PaintedImage } from "./operators.js";

export type { PaintedImage };

/** Every image XObject painted by an operator list, in drawing order, in the space of `viewport`. */
export function paintedImages(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, viewport: readonly number[]): PaintedImage[] {
  const images: PaintedImage[] = [];
  interpretOperators(fnArray, argsArray, viewport, { image: (img) => images.push(img) });
  return images;
}
