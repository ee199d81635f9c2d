// A synthetic model generator for benchmarks: `segments × channels × years × scenarios`. Each
// segment is served by three channels (50/30/20); each scenario changes a margin, a mix and a cost.
export interface SyntheticSize {
  readonly segments: number;
  readonly channels: number;
  readonly years: number;
  readonly scenarios: number;
}

const TYPES = ["direct", "indirect", "ecommerce"] as const;

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
  const served = (s: number) => [s % size.channels, (s + 1) % size.channels, (s + 2) % size.channels];
  for (let s = 0; s < size.segments; s++) {
    const [a, b, c] = served(s);
    lines.push(`  s${s}: { c${a}: { from: 50%, to: 40% }, c${b}: 30%, c${c}: { from: 20%, to: 30% } }`);
  }
  lines.push(
    "shared_costs:",
    "  - { id: marketing, amount: 5M, allocate_by: revenue }",
    "  - { id: it, amount: 3M, allocate_by: customers }",
    "  - { id: office, amount: 1M, allocate_by: equal }",
    "scenarios:",
  );
  for (let k = 0; k < size.scenarios; k++) {
    const s = k % size.segments;
    const [a, b, c] = served(s);
    lines.push(
      `  - id: sc${k}`,
      "    set:",
      `      channels.c${k % size.channels}.acquisition_cost: ${100 + rand(20000)}`,
      `      mix.s${s}: { c${a}: 40%, c${b}: 40%, c${c}: 20% }`,
      `      segments.s${(k * 7) % size.segments}.churn: ${5 + rand(20)}%`,
    );
  }
  lines.push("checks:", "  - { metric: net_profit, min: -1000M }");
  return lines.join("\n") + "\n";
}
