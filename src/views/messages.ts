// Every label a view can show, by key. The wording lives in src/render/messages/<language>.ts,
// one catalogue per language, each typed against this list so none can miss a key.

/** The P&L lines and horizon figures, as the engine names them. */
export type LineField =
  | "customers" | "new_customers" | "list_revenue" | "market_revenue" | "partner_margin" | "revenue" | "cogs" | "gross_profit"
  | "variable_costs" | "rebates" | "mdf" | "acquisition_costs" | "service_costs" | "conflict_costs" | "cm1" | "fixed_costs" | "income" | "contribution"
  | "shared_costs" | "net_profit" | "gross_margin" | "contribution_margin" | "net_margin" | "cumulative_net_profit" | "npv";

export type AllocationMethod = "as_modelled" | "revenue" | "gross_profit" | "contribution" | "customers" | "new_customers" | "equal";

export type MessageKey =
  | `line.${LineField}`
  | `method.${AllocationMethod}`
  | "list.comma" | "list.dot"
  | "total"
  | "unit.k" | "unit.M" | "unit.bn" | "unit.points"
  | "range"
  | "report.title.screen" | "report.title.page" | "report.title.page.named"
  | "report.about" | "report.footer.screen" | "report.footer.page"
  | "report.column.line" | "report.cell"
  | "warning.zeroDrivers" | "warning.negativeDriver" | "warning.zeroDrivers.one" | "warning.negativeDriver.one"
  | "allocations.intro.screen" | "allocations.intro.page" | "allocations.title.screen" | "allocations.title.page" | "allocations.column.channel" | "allocations.column.by" | "allocations.column.equal"
  | "compare.title.screen" | "compare.title.page" | "compare.what.none" | "compare.what.one" | "compare.what.many"
  | "compare.npvAt" | "compare.npvOwnRate" | "compare.vsBase" | "compare.deltaBase" | "compare.what.one.ref" | "compare.what.many.ref" | "compare.vsBase.ref" | "compare.deltaBase.ref" | "compare.deltaBase.points.ref" | "compare.deltaBase.points" | "compare.chart" | "compare.chart.note" | "compare.mix" | "compare.mix.legend"
  | "compare.best" | "compare.best.group" | "compare.allEqual" | "compare.scenarioNamed"
  | "compare.column.metric" | "compare.column.year" | "compare.column.delta" | "compare.column.scenario" | "compare.column.mix" | "compare.horizon"
  | "note.checkFailed" | "note.checkFailsIn"
  | "list.semicolon"
  | "diff.added" | "diff.removed" | "diff.changed" | "diff.line" | "diff.status.passed" | "diff.status.failed" | "diff.status.absent"
  | "diff.none" | "diff.none.page" | "diff.structure" | "diff.assumptions" | "diff.change.one" | "diff.change.many" | "diff.assumptions.none"
  | "diff.scenarios.added" | "diff.scenarios.removed" | "diff.impact" | "diff.impact.none" | "diff.horizon" | "diff.npvAt" | "diff.cumulative"
  | "diff.check" | "diff.mark.absent" | "diff.lint" | "diff.lint.added" | "diff.lint.removed" | "diff.checks" | "diff.checks.none"
  | "diff.checks.still.one" | "diff.checks.still.many" | "diff.title.page" | "diff.column.assumption" | "diff.column.before" | "diff.column.after"
  | "diff.structural" | "diff.impact.page" | "diff.column.line" | "diff.check.page" | "diff.lint.added.page" | "diff.lint.removed.page"
  | "diff.checks.still.page" | "diff.checks.none.page"
  | "issue.line" | "issue.error" | "issue.warning" | "issue.hint" | "issue.hintLabel"
  | "textconv.header" | "textconv.npv" | "textconv.cumulative" | "textconv.figure" | "textconv.separator" | "textconv.invalid" | "textconv.check.passes" | "textconv.check.fails"
  | `lint.${"CONFLICT_RULE_MISSING" | "MIX_SHIFT" | "SHORT_HORIZON" | "SHORT_HORIZON.one" | "PRICE_UNDERCUT" | "CONTRIBUTION_NEGATIVE" | "ALLOCATION_LOSS"}`
  | "check.missing.channel" | "check.missing.segment" | "check.missing.revenue"
  | "check.min" | "check.max" | "check.and" | "check.condition" | "check.condition.scoped" | "check.title" | "check.defaultName" | "check.whatIf" | "check.at.year"
  | "check.failure" | "check.also"
  | "check.years.one" | "check.years.many" | "check.files.one" | "check.files.many" | "check.invalid"
  | "check.failed.one" | "check.failed.many" | "check.failed.short" | "check.passed"
  | "check.lintFailures.one" | "check.lintFailures.many" | "check.warnings.one" | "check.warnings.many"
  | "check.line.invalid" | "check.line.failed" | "check.line.lint" | "check.line.passed"
  | "check.cross" | "check.tick" | "check.lintMark.failed" | "check.lintMark.warning" | "check.invalidCode" | "check.invalidCode.page" | "check.lintCode"
  | "check.mark.passed" | "check.mark.failed" | "check.mark.warning" | "check.status.passed"
  | "check.column.file" | "check.column.check" | "check.column.result" | "check.title.passed" | "check.title.failed"
  // #16 charts and the HTML report
  | "chart.keyFigures" | "chart.column.scenario" | "chart.column.lastYear" | "chart.data" | "chart.details"
  | "chart.revenue" | "chart.revenue.desc" | "chart.netProfit" | "chart.netProfit.desc" | "chart.mix" | "chart.mix.desc"
  | "chart.allocation" | "chart.allocation.desc" | "chart.npv" | "chart.npv.desc" | "chart.scenarioNetProfit" | "chart.scenarioNetProfit.desc"
  | "chart.vsBase" | "chart.vsRef"
  // #14 partner tiers
  | "lint.TIER_LADDER.earns" | "lint.TIER_LADDER.requires" | "lint.TIER_UNREACHABLE" | "lint.PARTNER_LOSES"
  // #13 horizon figures
  | "horizon.title" | "horizon.breakEven" | "horizon.notWithin"
  // #15 plan versus actuals
  | "actuals.title" | "actuals.column.plan" | "actuals.column.actual" | "actuals.column.variance" | "actuals.column.ytd" | "actuals.none" | "actuals.legend"
  | "actuals.metric.customers" | "actuals.metric.new_customers" | "actuals.metric.revenue" | "actuals.metric.market_revenue" | "actuals.metric.partner_margin" | "actuals.metric.cogs" | "actuals.metric.variable_costs" | "actuals.metric.acquisition_costs" | "actuals.metric.service_costs" | "actuals.metric.fixed_costs" | "actuals.metric.income" | "actuals.metric.shared_costs"
  | "actuals.pvm.title.revenue" | "actuals.pvm.title.contribution" | "actuals.pvm.customers_plan" | "actuals.pvm.customers_actual" | "actuals.pvm.plan"
  | "actuals.pvm.volume" | "actuals.pvm.mix" | "actuals.pvm.price" | "actuals.pvm.total" | "actuals.pvm.legend" | "actuals.legend.seasonal"
  | "actuals.reforecast.title" | "actuals.reforecast.plan" | "actuals.reforecast.new" | "actuals.reforecast.base" | "actuals.reforecast.npv"
  | "actuals.reforecast.cumulative_net_profit" | "actuals.reforecast.legend" | "actuals.reforecast.written"
  // #13 decision tools
  | "decide.horizon" | "decide.sensitivity.title.screen" | "decide.sensitivity.title.page" | "decide.sensitivity.about" | "decide.column.input" | "decide.column.low" | "decide.column.high" | "decide.column.swing" | "decide.column.swing.points" | "decide.column.elasticity" | "decide.column.tornado" | "decide.capped" | "decide.capped.legend" | "decide.breaks" | "decide.solve.title" | "decide.solve.planned" | "decide.solve.answer" | "decide.solve.metricPlanned" | "decide.solve.achieved" | "decide.solve.check" | "decide.solve.unreachable" | "decide.solve.notMonotone"
  | "diff.attribution" | "diff.attribution.year" | "diff.attribution.structure" | "diff.attribution.legend" | "diff.attribution.legend.grouped" | "diff.attribution.coupled"
  // #13 channel shift
  | "shift.title.screen" | "shift.title.page" | "shift.column.revenue" | "shift.column.customers" | "shift.column.contribution" | "shift.gain" | "shift.loss" | "shift.net" | "shift.legend" | "shift.chart" | "shift.chart.desc"
  // #14 tier review
  | "partners.title" | "partners.none" | "partners.gap.revenue" | "partners.gap.certified" | "partners.column.tier" | "partners.column.before" | "partners.column.after" | "partners.column.revenue" | "partners.column.share" | "partners.column.partner" | "partners.column.from" | "partners.column.to" | "partners.column.outcome" | "partners.column.why" | "partners.noChanges" | "partners.outcome.new" | "partners.outcome.kept" | "partners.outcome.promoted" | "partners.outcome.demoted" | "partners.outcome.grace" | "partners.outcome.below" | "partners.graceLeft" | "partners.warning" | "partners.meets" | "partners.legend"
  | "tier.line.sell_out" | "tier.line.partner_margin" | "tier.line.rebates" | "tier.line.mdf" | "tier.line.fees" | "tier.line.partners" | "tier.line.sell_out_per_partner" | "tier.none"
  // #17 the mix optimiser
  | "optimise.title" | "optimise.about" | "optimise.mix" | "optimise.column.segment" | "optimise.column.channel" | "optimise.vsPlan"
  | "optimise.figure.planned" | "optimise.figure.lp" | "optimise.figure.linear" | "optimise.figure.engine" | "optimise.figure.gain" | "optimise.gap.npv" | "optimise.gap.cumulative"
  | "optimise.binding" | "optimise.binding.none" | "optimise.binding.shift.max" | "optimise.binding.shift.min" | "optimise.binding.limit.max" | "optimise.binding.limit.min" | "optimise.binding.exclude" | "optimise.binding.contribution"
  | "optimise.ref.sum" | "optimise.ref.shift" | "optimise.ref.contribution" | "optimise.ref.exclude" | "optimise.ref.limit" | "optimise.everySegment" | "optimise.between" | "optimise.atLeast" | "optimise.atMost"
  | "optimise.infeasible" | "optimise.infeasible.hint" | "optimise.roundingBreaks" | "optimise.written"
  | "optimise.ref.check" | "optimise.binding.check.min" | "optimise.binding.check.max" | "optimise.checksNotApplied"
  // #17 simulate
  | "simulate.title.screen" | "simulate.title.page" | "simulate.about" | "simulate.about.none" | "simulate.loss" | "simulate.column.p10" | "simulate.column.p50" | "simulate.column.p90" | "simulate.column.mean" | "simulate.column.point" | "simulate.checks" | "simulate.column.check" | "simulate.column.fails" | "simulate.histogram" | "simulate.column.from" | "simulate.column.to" | "simulate.column.share" | "simulate.drivers" | "simulate.column.input" | "simulate.column.dist" | "simulate.column.rank" | "simulate.dist.triangular" | "simulate.dist.pert" | "simulate.dist.normal" | "simulate.dist.lognormal" | "simulate.legend" | "simulate.progress"
  | "partners.title" | "partners.none" | "partners.gap.revenue" | "partners.gap.certified" | "partners.column.tier" | "partners.column.before" | "partners.column.after" | "partners.column.revenue" | "partners.column.share" | "partners.column.partner" | "partners.column.from" | "partners.column.to" | "partners.column.outcome" | "partners.column.why" | "partners.noChanges" | "partners.outcome.new" | "partners.outcome.kept" | "partners.outcome.promoted" | "partners.outcome.demoted" | "partners.outcome.grace" | "partners.outcome.below" | "partners.graceLeft" | "partners.warning" | "partners.meets" | "partners.legend"
  // #16 the Excel workbook
  | "xlsx.sheet.inputs" | "xlsx.sheet.pl" | "xlsx.sheet.checks" | "xlsx.column.scenario" | "xlsx.column.input" | "xlsx.column.unit" | "xlsx.column.key" | "xlsx.column.line" | "xlsx.unit.money" | "xlsx.unit.percent" | "xlsx.unit.count" | "xlsx.unit.number" | "xlsx.section.flow" | "xlsx.flow.retained" | "xlsx.flow.new" | "xlsx.flow.active" | "xlsx.cm1Exact" | "xlsx.channelTotal" | "xlsx.section.allocation" | "xlsx.allocation.shares" | "xlsx.allocation.amount" | "xlsx.allocation.units" | "xlsx.allocation.weight" | "xlsx.allocation.exact" | "xlsx.allocation.whole" | "xlsx.allocation.remainder" | "xlsx.allocation.left" | "xlsx.allocation.part" | "xlsx.section.total" | "xlsx.netProfitExact" | "xlsx.checks.check" | "xlsx.checks.scenario" | "xlsx.checks.year" | "xlsx.checks.metric" | "xlsx.checks.scope" | "xlsx.checks.min" | "xlsx.checks.max" | "xlsx.checks.value" | "xlsx.checks.passed" | "xlsx.checks.horizon"
  // #16 the sensitivity tornado in HTML
  | "chart.tornado" | "chart.tornado.desc";
