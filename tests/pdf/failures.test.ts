import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPdf } from "../../src/extract/pdf/index.js";
import { ConversionFailure } from "../../src/model/messages.js";

const data = (name: string) => new Uint8Array(readFileSync(new URL(`./data/${name}`, import.meta.url)));

async function failure(p: Promise<unknown>): Promise<ConversionFailure> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ConversionFailure);
    return e as ConversionFailure;
  }
  throw new Error("expected a ConversionFailure");
}

describe("PDFs that cannot be read", () => {
  it("an image-only PDF has no text layer", async () => {
    const e = await failure(extractPdf(data("image-only.pdf")));
    expect(e.code).toBe("no-text-layer");
  });

  it("an encrypted PDF needs a password; a wrong one is said so; the right one opens it", async () => {
    const e = await failure(extractPdf(data("encrypted.pdf")));
    expect(e.code).toBe("encrypted");
    expect(e.message).toMatch(/password/);
    const wrong = await failure(extractPdf(data("encrypted.pdf"), { password: "wrong" }));
    expect(wrong.code).toBe("encrypted");
    expect(wrong.message).toMatch(/wrong/);
    // With the password it opens: the page is an image, so no text layer.
    const ok = await failure(extractPdf(data("encrypted.pdf"), { password: "secret" }));
    expect(ok.code).toBe("no-text-layer");
  });

  it("a truncated PDF is damaged", async () => {
    const e = await failure(extractPdf(data("truncated.pdf")));
    expect(e.code).toBe("damaged");
  });

  it("bytes that are not a PDF are damaged, empty bytes are empty", async () => {
    expect((await failure(extractPdf(new TextEncoder().encode("hello, this is not a pdf")))).code).toBe("damaged");
    expect((await failure(extractPdf(new Uint8Array(0)))).code).toBe("empty");
  });

  it("does not detach the caller's buffer", async () => {
    const bytes = data("dev-ruled.chromium.pdf");
    await extractPdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});
