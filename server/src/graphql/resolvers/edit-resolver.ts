import { Arg, ID, Mutation, Resolver, UseMiddleware } from "type-graphql";
import type { EdgeKind } from "@chokepoint/graph-schema";
import type { EditService } from "../../services/edit-service";
import type { ApplyResult, ImportResult } from "../../domain/graph-store";
import { EdgeKindEnum } from "../enums";
import { EditorOnly } from "../editor-only";
import { EdgeInput, NodeInput, toPlain } from "../types/inputs";
import { WriteResult } from "../types/graph-types";

function written(r: ApplyResult | ImportResult): WriteResult {
  return { ...r, unchanged: "unchanged" in r ? r.unchanged : 0 };
}

@Resolver()
export class EditResolver {
  constructor(private readonly edits: EditService) {}

  @Mutation(() => WriteResult, { description: "Create or replace a node (editor token required)" })
  @UseMiddleware(EditorOnly)
  async upsertNode(@Arg("node", () => NodeInput) node: NodeInput): Promise<WriteResult> {
    return written(await this.edits.upsertNode(toPlain(node)));
  }

  @Mutation(() => WriteResult, { description: "Create or replace an edge (editor token required)" })
  @UseMiddleware(EditorOnly)
  async upsertEdge(@Arg("edge", () => EdgeInput) edge: EdgeInput): Promise<WriteResult> {
    return written(await this.edits.upsertEdge(toPlain(edge)));
  }

  @Mutation(() => WriteResult, { description: "Delete a node and its edges (editor token required)" })
  @UseMiddleware(EditorOnly)
  async deleteNode(@Arg("id", () => ID) id: string): Promise<WriteResult> {
    return written(await this.edits.deleteNode(id));
  }

  @Mutation(() => WriteResult, { description: "Delete one edge (editor token required)" })
  @UseMiddleware(EditorOnly)
  async deleteEdge(
    @Arg("from", () => ID) from: string,
    @Arg("kind", () => EdgeKindEnum) kind: EdgeKind,
    @Arg("to", () => ID) to: string,
  ): Promise<WriteResult> {
    return written(await this.edits.deleteEdge(from, kind, to));
  }
}
