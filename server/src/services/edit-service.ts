import {
  ChokepointError,
  validateEdgeInput,
  validateInterchange,
  validateNodeInput,
  type EdgeKind,
  type Evidence,
  type InterchangeGraph,
  type Problem,
} from "@chokepoint/graph-schema";
import type { ApplyResult, GraphStore, ImportResult } from "../domain/graph-store";

/** A note recorded on facts an editor adds without evidence of their own, so provenance is never empty. */
const EDITOR_NOTE = "added by an editor through the API";

function invalid(what: string, problems: readonly Problem[]): ChokepointError {
  return new ChokepointError("VALIDATION_FAILED", `${what} is not valid: ${problems[0]?.message ?? "see problems"}`, { problems });
}

function withDefaultProvenance<T extends { confidence?: unknown; evidence?: unknown }>(input: T): T {
  const evidence = Array.isArray(input.evidence) && input.evidence.length > 0 ? input.evidence : [{ note: EDITOR_NOTE } satisfies Evidence];
  return { ...input, confidence: input.confidence ?? "inferred", evidence };
}

/** Writes by editors: single nodes and edges, deletes, and whole-file imports. Authorisation is
 *  checked by the caller (the API); validation happens here, before the store is touched. */
export class EditService {
  constructor(private readonly store: GraphStore) {}

  upsertNode(input: Record<string, unknown>): Promise<ApplyResult> {
    const { node, problems } = validateNodeInput(withDefaultProvenance(input), "$.node");
    if (!node) throw invalid("the node", problems);
    return this.store.apply({ upsertNodes: [node] });
  }

  upsertEdge(input: Record<string, unknown>): Promise<ApplyResult> {
    const { edge, problems } = validateEdgeInput(withDefaultProvenance(input), "$.edge");
    if (!edge) throw invalid("the edge", problems);
    return this.store.apply({ upsertEdges: [edge] });
  }

  async deleteNode(id: string): Promise<ApplyResult> {
    if (!(await this.store.getNode(id))) throw new ChokepointError("NOT_FOUND", `no node with id "${id}"`);
    return this.store.apply({ deleteNodes: [id] });
  }

  async deleteEdge(from: string, kind: EdgeKind, to: string): Promise<ApplyResult> {
    const existing = await this.store.getNode(from);
    if (!existing?.outgoing.some((e) => e.kind === kind && e.to === to)) throw new ChokepointError("NOT_FOUND", `no ${kind} edge from "${from}" to "${to}"`);
    return this.store.apply({ deleteEdges: [{ from, kind, to }] });
  }

  /** Validates a whole interchange document, then merges it all-or-nothing. */
  importInterchange(json: unknown): Promise<ImportResult> {
    const { graph, problems } = validateInterchange(json);
    if (!graph) throw invalid("the file", problems);
    return this.importGraph(graph);
  }

  importGraph(graph: InterchangeGraph): Promise<ImportResult> {
    return this.store.importGraph(graph);
  }
}
