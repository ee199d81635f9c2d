// Writes examples/installer-partners.csv: 360 installers for the tier review of
// examples/installer-tiers.yaml (distplan partners classify). Deterministic: a fixed-seed
// generator (mulberry32), so the file only changes when this script does.
// Run: node scripts/example-partners.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let seed = 20271;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const towns = ["Utrecht", "Zwolle", "Breda", "Delft", "Gouda", "Assen", "Venlo", "Leiden", "Emmen", "Hoorn", "Tiel", "Weert"];
const trades = ["Installatie", "Warmte", "Klimaat", "Techniek", "Energie", "Comfort"];
const lines = ["id,name,revenue,certified,specialisations,tier,missed"];
for (let i = 1; i <= 360; i++) {
  // Mostly small installers, some strong ones: revenue in whole euros, log-spread 5k..600k.
  const revenue = Math.round(5000 * Math.exp(random() * Math.log(120)));
  const certified = 1 + Math.floor(random() * (revenue > 200000 ? 6 : revenue > 50000 ? 4 : 2));
  const specialisations = [random() < 0.55 ? "heat pumps" : "", random() < 0.35 ? "hybrid systems" : ""].filter(Boolean).join("|");
  // The tier held now: roughly what last year's figures gave, with some drift either way.
  const earned = revenue >= 250000 && certified >= 4 && specialisations === "heat pumps|hybrid systems" ? "gold" : revenue >= 60000 && certified >= 2 ? "silver" : "registered";
  const drift = random();
  const tier = drift < 0.08 && earned !== "gold" ? (earned === "registered" ? "silver" : "gold") : drift > 0.95 ? "registered" : earned;
  const missed = tier !== earned && random() < 0.5 ? 1 : 0;
  lines.push([`inst-${String(i).padStart(3, "0")}`, `${pick(trades)} ${pick(towns)} ${i}`, revenue, certified, specialisations, tier, missed].join(","));
}
writeFileSync(join(root, "examples/installer-partners.csv"), `${lines.join("\n")}\n`);
console.log(`wrote examples/installer-partners.csv (${lines.length - 1} partners)`);
