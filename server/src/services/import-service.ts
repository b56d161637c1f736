import { isChokepointError, type Problem } from "@chokepoint/graph-schema";
import type { GraphStore } from "../domain/graph-store";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "../import/limits";
import { planImport, type ImportPlan } from "../import/plan-import";
import { problemAt, ProblemList, validationFailed } from "../import/problems";
import { importLabel, readImport, type ImportRequest } from "../import/read-import";
import { storeView, type StoreView } from "../import/store-view";

export interface ImportReport {
  /** The file (or "nodes.csv + edges.csv") as given. */
  readonly file: string;
  /** Data version after the import; the same as before when nothing changed. */
  readonly version: number;
  readonly nodesUpserted: number;
  readonly edgesUpserted: number;
  /** Distinct nodes and edges of the file that were already stored as the file states them. */
  readonly unchanged: number;
}

/**
 * Analyst imports (JSON, nodes.csv, edges.csv, or a pair): read and validate the whole file, check
 * it against the stored graph, merge, and write it as one atomic batch, so a failed import leaves
 * no trace and a reader never sees half of one. Authorisation is the caller's job (the API checks
 * the editor role); this service trusts nothing in the file.
 */
export class ImportService {
  private readonly limits: ImportLimits;
  /** Imports run one at a time: each is planned against the state the previous one left, so two
   *  concurrent imports of one file end as one import (the second finds everything unchanged). */
  private tail: Promise<unknown> = Promise.resolve();
  private view: StoreView | undefined;

  constructor(
    private readonly store: GraphStore,
    limits: Partial<ImportLimits> = {},
  ) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...limits };
  }

  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  importFile(request: ImportRequest): Promise<ImportReport> {
    const run = this.tail.then(() => this.importNow(request));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Lookups over the stored graph, rebuilt only when the data version moved (a store of a
   *  million nodes should not be re-indexed for every small import). */
  private async currentView(): Promise<StoreView> {
    const snapshot = await this.store.snapshot();
    if (this.view?.version !== snapshot.version) this.view = storeView(snapshot);
    return this.view;
  }

  private async importNow(request: ImportRequest): Promise<ImportReport> {
    const label = importLabel(request);
    const problems = new ProblemList(this.limits.maxProblems);
    // File-level faults throw here, before the store is touched; row problems are collected and
    // reported together with those found against the stored graph.
    const parsed = readImport(request, this.limits, problems);
    const view = await this.currentView();
    const plan = planImport(parsed, view, problems);
    if (!plan) throw problems.error(label);
    if (plan.batch.upsertNodes.length + plan.batch.upsertEdges.length + (plan.batch.upsertDocuments?.length ?? 0) === 0) {
      return { file: label, version: view.version, nodesUpserted: 0, edgesUpserted: 0, unchanged: plan.unchanged };
    }
    try {
      const result = await this.store.apply(plan.batch);
      return { file: label, version: result.version, nodesUpserted: result.nodesUpserted, edgesUpserted: result.edgesUpserted, unchanged: plan.unchanged };
    } catch (e) {
      throw rehome(e, plan, label);
    }
  }
}

/** The store validates the batch again; should it still object (an edit raced the import), its
 *  problems point into the batch (`$.upsertNodes[4].kind`), which are re-homed to file rows. */
function rehome(e: unknown, plan: ImportPlan, label: string): unknown {
  if (!isChokepointError(e) || e.code !== "VALIDATION_FAILED" || e.problems.length === 0) return e;
  const problems: Problem[] = e.problems.map((p) => {
    const m = /^\$\.upsert(Nodes|Edges)\[(\d+)\]\.?(.*)$/.exec(p.path);
    if (!m) return p;
    const place = (m[1] === "Nodes" ? plan.nodePlaces : plan.edgePlaces)[Number(m[2])];
    return place ? problemAt({ ...place, ...(m[3] !== "" && { column: m[3] }) }, p.code, p.message) : p;
  });
  return validationFailed(label, problems);
}
