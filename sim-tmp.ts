import { readFileSync } from "node:fs";
import { wordKeys, dice } from "./src/output/text-match.js";
for (const f of ["kazanlak-pld-2024", "ruo-kyustendil-2024-2025"]) {
  const doc = JSON.parse(readFileSync(`fixtures/expected/${f}.json`, "utf8"));
  const keys = doc.rows.map((r: any) => wordKeys(r.activity));
  const best = keys.map((k: Set<string>, i: number) => Math.max(...keys.map((o: Set<string>, j: number) => (i === j ? 0 : dice(k, o)))));
  best.sort((a: number, b: number) => b - a);
  console.log(f, best.slice(0, 12).map((x: number) => x.toFixed(2)).join(" "));
  const hi = keys.map((k: Set<string>, i: number) => keys.map((o: Set<string>, j: number) => [i, j, dice(k, o)] as const).filter(([a, b, d]) => a < b && d >= 0.6)).flat();
  for (const [i, j, d] of hi) console.log(d.toFixed(2), "|", doc.rows[i].activity.slice(0, 100), "|", doc.rows[j].activity.slice(0, 100));
}
