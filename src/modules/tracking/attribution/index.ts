export { credits, creditsAll, DEFAULT_HALF_LIFE_DAYS, MODELS, type CreditOptions, type Model } from './models.js';
export { MAX_COST_ROWS, parseCostCsv, type CostCsv, type CostCsvOptions, type CostProblem, type CostRow } from './cost-csv.js';
export type { CostField } from './cost-header.js';
export type { DateOrder } from './cost-values.js';
