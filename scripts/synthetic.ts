// A synthetic model generator for benchmarks: `segments × channels × years × scenarios`, in the
// shape of issue #20's target: every channel is in every segment's mix, with shares of 10
// decimals (fractions such as 0.0831447203) that add up to exactly 1. Each scenario changes an
// acquisition cost, one segment's whole mix and a churn. Deterministic for a given seed.
export interface SyntheticSize {
  readonly segments: number;
  readonly channels: number;
  readonly years: number;
  readonly scenarios: number;
}

const TYPES = ["direct", "indirect", "ecommerce"] as const;
const SHARE_UNITS = 10_000_000_000; // 1 = 10^10 units of the tenth decimal

export function syntheticModel(size: SyntheticSize, seed = 1): string {
  const lines: string[] = [
    "version: 1",
    `name: Synthetic ${size.segments}x${size.channels}x${size.years}x${size.scenarios}`,
    "start_year: 2027",
    `years: ${size.years}`,
    "discount_rate: 8%",
    "segments:",
  ];
  let state = seed;
  const rand = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  // One share per channel, each a whole number of 10^-10 (most with all ten decimals), summing to 1.
  const shares = (): string => {
    const weights = Array.from({ length: size.channels }, () => 1000 + rand(100_000));
    const total = weights.reduce((a, b) => a + b, 0);
    const units = weights.map((w) => Math.floor((w * SHARE_UNITS) / total));
    units[0]! += SHARE_UNITS - units.reduce((a, b) => a + b, 0);
    const text = units.map((u, c) => `c${c}: ${u === SHARE_UNITS ? "1" : `0.${String(u).padStart(10, "0").replace(/0+$/, "")}`}`);
    return `{ ${text.join(", ")} }`;
  };
  for (let s = 0; s < size.segments; s++) {
    lines.push(
      `  - id: s${s}`,
      `    customers: ${100 + rand(5000)}`,
      `    new_customers: ${10 + rand(800)}`,
      `    churn: ${5 + rand(20)}%`,
      `    revenue_per_customer: { start: ${1000 + rand(200000)}, growth: ${rand(5)}% }`,
      `    gross_margin: ${30 + rand(40)}%`,
    );
  }
  lines.push("channels:");
  for (let c = 0; c < size.channels; c++) {
    const type = TYPES[c % 3]!;
    lines.push(
      `  - id: c${c}`,
      `    type: ${type}`,
      ...(type === "indirect" ? [`    partner_margin: ${15 + rand(20)}%`] : []),
      ...(type === "ecommerce" ? [`    price_discount: ${rand(10)}%`] : []),
      `    acquisition_cost: ${100 + rand(20000)}`,
      `    service_cost: ${50 + rand(5000)}`,
      `    variable_costs: { a: ${rand(5)}%, b: ${rand(3)}% }`,
      `    fixed_costs: { team: ${100000 + rand(2000000)}, tools: ${rand(300000)} }`,
      `    income: { fees: ${rand(100000)} }`,
    );
  }
  lines.push("mix:");
  for (let s = 0; s < size.segments; s++) lines.push(`  s${s}: ${shares()}`);
  lines.push(
    "shared_costs:",
    "  - { id: marketing, amount: 5M, allocate_by: revenue }",
    "  - { id: it, amount: 3M, allocate_by: customers }",
    "  - { id: office, amount: 1M, allocate_by: equal }",
    "scenarios:",
  );
  for (let k = 0; k < size.scenarios; k++) {
    lines.push(
      `  - id: sc${k}`,
      "    set:",
      `      channels.c${k % size.channels}.acquisition_cost: ${100 + rand(20000)}`,
      `      mix.s${k % size.segments}: ${shares()}`,
      `      segments.s${(k * 7) % size.segments}.churn: ${5 + rand(20)}%`,
    );
  }
  lines.push("checks:", "  - { metric: net_profit, min: -1000M }");
  return lines.join("\n") + "\n";
}
