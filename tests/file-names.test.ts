import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputStems } from "../src/cli/output-names.js";
import { fileKind, readReason, writeReason } from "../src/file-errors.js";
import { fitBytes } from "../src/output/fit-bytes.js";

const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe("fitBytes", () => {
  it("cuts a name to a length in UTF-8 bytes, between characters", () => {
    expect(fitBytes("plan.pdf", 255)).toBe("plan.pdf");
    expect(fitBytes("абвг", 5)).toBe("аб"); // two bytes each: a third would need 6
    expect(fitBytes("a😀b", 4)).toBe("a"); // the emoji's 4 bytes do not fit after "a"
    expect(fitBytes("a😀b", 5)).toBe("a😀");
    expect(fitBytes("", 3)).toBe("");
  });

  it("keeps batch output names within 240 bytes, numbered when they meet", () => {
    const long = "я".repeat(200); // 400 bytes
    const [a, b] = outputStems([`x/${long}.pdf`, `y/${long}.pdf`]);
    expect(Buffer.byteLength(a)).toBe(240);
    expect(b).toBe(`${a}-2`);
  });
});

describe("file-system error words", () => {
  it("says why a path cannot be read", () => {
    expect(readReason(errno("ENOENT"))).toBe("no such file");
    expect(readReason(errno("ENOENT"), "no such file or folder")).toBe("no such file or folder");
    expect(readReason(errno("EACCES"))).toBe("permission denied");
    expect(readReason(errno("EPERM"))).toBe("permission denied");
    expect(readReason(errno("EISDIR"))).toBe("it is a folder");
    expect(readReason(errno("EIO"))).toBe("EIO");
    expect(readReason(new Error("broken\n  pipe"))).toBe("broken pipe");
  });

  it("says why an output cannot be written", () => {
    expect(writeReason(errno("ENOSPC"))).toBe("no space left on the device");
    expect(writeReason(errno("EDQUOT"))).toBe("no space left on the device");
    for (const code of ["EACCES", "EPERM", "EROFS"]) expect(writeReason(errno(code))).toBe("the folder is not writable");
    for (const code of ["ENOTDIR", "EEXIST"]) expect(writeReason(errno(code))).toBe("a file of that name is in the way");
    expect(writeReason(errno("EIO"))).toBe("EIO");
    expect(writeReason("text")).toBe("text");
  });

  it("names what a path is when it is not a regular file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "plan-extract-kind-"));
    try {
      expect(fileKind(await stat(dir))).toBe("a folder");
      expect(fileKind(await stat("/dev/null"))).toBe("a character device");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
