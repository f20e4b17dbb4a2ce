export { analyzePromql, expandGrafanaVariables, type PromqlAnalysis } from "./promql.js";
export { loadKnownMetrics, parseKnownMetrics, seriesNames, type KnownMetric } from "./known-metrics.js";
export { alertRuleProblems, dashboardExpressions, expressionProblems, prometheusRuleExpressions, type FoundExpression } from "./rules.js";
