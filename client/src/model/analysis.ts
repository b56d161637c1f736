import type { EdgeKind, NodeKind } from "./types";

/** Analysis results as the API returns them (the fields the client asks for). */
export interface Step {
  readonly from: string;
  readonly to: string;
  readonly edge: EdgeKind;
  readonly rule: string;
  readonly stated: boolean;
  readonly text: string;
}

export interface TimeToSurvive {
  readonly surviveDays: number | null;
  readonly recoverDays: number | null;
  readonly exposed: boolean | null;
  readonly gapDays: number | null;
}

export interface DisabledProduct {
  readonly id: string;
  /** Product → … → a failed node. */
  readonly explanation: readonly string[];
  readonly steps: readonly Step[];
  readonly inferred: boolean;
  readonly time: TimeToSurvive;
}

export interface ScenarioResult {
  readonly failed: readonly string[];
  readonly disabled: readonly DisabledProduct[];
  readonly unavailable: readonly { readonly kind: NodeKind; readonly count: number }[];
  readonly inferred: boolean;
}

export interface SpofVerdict {
  readonly id: string;
  readonly kind: NodeKind;
  readonly path: readonly string[];
  readonly steps: readonly Step[];
  readonly inferred: boolean;
}

export interface ProductSpofs {
  readonly product: string;
  readonly spofs: readonly SpofVerdict[];
  readonly inferred: boolean;
  readonly coverage: { readonly items: number; readonly gaps: readonly string[] };
}

export interface CriticalityEntry {
  readonly id: string;
  readonly kind: NodeKind;
  readonly products: readonly string[];
  readonly count: number;
  readonly value: number;
  readonly inferredCount: number;
}

export interface Concentration {
  readonly id: string;
  readonly kind: NodeKind;
  readonly hhi: number;
  readonly sourceCount: number;
  readonly sharesKnown: boolean;
  readonly regions: readonly { readonly region: string | null; readonly supplier: string | null; readonly share: number }[];
}

export interface RiskTerm {
  readonly name: string;
  readonly value: number;
  readonly weight: number;
  readonly contribution: number;
  readonly detail: string;
}

export interface RiskScore {
  readonly id: string;
  readonly score: number;
  readonly terms: readonly RiskTerm[];
}

export interface SpofChange {
  readonly product: string;
  readonly spof: string;
}

export interface SandboxResult {
  readonly removedSpofs: readonly SpofChange[];
  readonly addedSpofs: readonly SpofChange[];
  readonly scenario: ScenarioResult | null;
}

export interface AlternateSource {
  readonly item: string;
  /** An existing supplier or region, or… */
  readonly source?: string;
  /** …a new hypothetical supplier placed in this region. */
  readonly region?: string;
  readonly share?: number;
}
