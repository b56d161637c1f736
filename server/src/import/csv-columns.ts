/** The documented CSV columns (README "Importing your own data"); export writes the same ones. */
export const NODE_COLUMNS = ["id", "kind", "name_zh", "name_en", "aliases", "category", "flags", "inventory_days", "recovery_days", "annual_value", "note"] as const;
export type NodeColumn = (typeof NODE_COLUMNS)[number];

export const EDGE_COLUMNS = ["from", "to", "kind", "group", "share", "lead_time_days", "qualified", "note"] as const;
export type EdgeColumn = (typeof EDGE_COLUMNS)[number];

export interface CsvTable<C extends string> {
  readonly columns: readonly C[];
  /** Columns that must be present in the header. */
  readonly required: readonly C[];
  /** At least one of these must be present (a node needs a name in some language). */
  readonly oneOf: readonly C[];
}

export const NODE_TABLE: CsvTable<NodeColumn> = { columns: NODE_COLUMNS, required: ["id", "kind"], oneOf: ["name_zh", "name_en"] };
export const EDGE_TABLE: CsvTable<EdgeColumn> = { columns: EDGE_COLUMNS, required: ["from", "to", "kind"], oneOf: [] };

/** Numeric node columns and the attribute each fills. */
export const ATTR_COLUMNS = [
  ["inventory_days", "inventoryDays"],
  ["recovery_days", "recoveryDays"],
  ["annual_value", "annualValue"],
] as const satisfies readonly (readonly [NodeColumn, string])[];

/** Separator of list cells (aliases, flags). */
export const LIST_SEPARATOR = "|";
