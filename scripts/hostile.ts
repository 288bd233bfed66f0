/**
 * `npx tsx scripts/hostile.ts [folder] [--small]`: writes every hostile case of scripts/hostile/cases.ts
 * (plus one good plan from fixtures/) into a folder (default: a new temporary one) and prints its path
 * and each file's size, for a batch such as
 *   node bin/plan-extract.js convert <folder> --out /tmp/out --concurrency 1
 */
import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostileCases } from "./hostile/cases.js";

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--")) ?? (await mkdtemp(join(tmpdir(), "pe-hostile-")));
await mkdir(dir, { recursive: true });
for (const c of hostileCases(args.includes("--small") ? "small" : "full")) {
  const bytes = await c.bytes();
  await writeFile(join(dir, c.name), bytes);
  console.log(`${c.name.padEnd(24)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB  ${c.what}; expected: ${c.codes.join(" or ")}`);
}
await copyFile(new URL("../fixtures/kazanlak-pld-2024.libreoffice.pdf", import.meta.url), join(dir, "good-plan.pdf"));
console.log(dir);
