import type { Pattern } from "../pattern-kit";
import { accessoriesPattern } from "./accessories";
import { bottleneckPattern } from "./bottleneck";
import { breakthroughPattern } from "./breakthrough";
import { compoundsPattern } from "./compounds";
import { importDependencePattern } from "./import-dependence";
import { partListsPattern } from "./part-lists";
import { pharmaPattern } from "./pharma";
import { placesPattern } from "./places";
import { purposePattern } from "./purpose";
import { sourcingPattern } from "./sourcing";
import { specRowsPattern } from "./spec-rows";
import { usesPattern } from "./uses";

/** Every pattern family, in a fixed order (the order does not change the result: assembly sorts). */
export const PATTERNS: readonly Pattern[] = [
  usesPattern,
  partListsPattern,
  compoundsPattern,
  purposePattern,
  accessoriesPattern,
  pharmaPattern,
  specRowsPattern,
  sourcingPattern,
  importDependencePattern,
  breakthroughPattern,
  bottleneckPattern,
  placesPattern,
];
