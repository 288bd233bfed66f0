/**
 * `npm run accuracy`: the share of matching fields per fixture, for a person to read.
 * `npm run accuracy -- --details` also lists every mismatching field; `--fixture NAME` limits the run.
 */
import { formatTable, listFixtures, scoreFixture, type FixtureScore } from "../tests/harness/accuracy.js";

const args = process.argv.slice(2);
const details = args.includes("--details");
const only = args.includes("--fixture") ? args[args.indexOf("--fixture") + 1] : null;
const names = (await listFixtures()).filter((n) => !only || n.includes(only));
const scores: FixtureScore[] = [];
for (const name of names) scores.push(await scoreFixture(name));
console.log(formatTable(scores));
if (details) {
  for (const s of scores) {
    console.log(`\n## ${s.fixture}`);
    for (const [field, { ok, total }] of Object.entries(s.perField)) if (ok < total) console.log(`  ${field}: ${ok}/${total}`);
    for (const m of [...s.documentMismatches, ...s.mismatches]) {
      console.log(`  [${m.row}] ${m.field}\n    expected: ${JSON.stringify(m.expected)}\n    actual:   ${JSON.stringify(m.actual)}`);
    }
  }
}
