import type { Pattern } from "../pattern-kit";
import { accessoriesPattern } from "./accessories";
import { compoundsPattern } from "./compounds";
import { partListsPattern } from "./part-lists";
import { pharmaPattern } from "./pharma";
import { purposePattern } from "./purpose";
import { specRowsPattern } from "./spec-rows";
import { usesPattern } from "./uses";

/** Every pattern family, in a fixed order (the order does not change the result: assembly sorts). */
export const PATTERNS: readonly Pattern[] = [usesPattern, partListsPattern, compoundsPattern, purposePattern, accessoriesPattern, pharmaPattern, specRowsPattern];
