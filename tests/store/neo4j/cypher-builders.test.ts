import { int, isInt } from "neo4j-driver";
import { EDGE_KINDS, NODE_KINDS, type EdgeKind, type NodeKind } from "@chokepoint/graph-schema";
import { constraintStatements } from "../../../server/src/store/neo4j/cypher/schema";
import * as reads from "../../../server/src/store/neo4j/cypher/reads";
import * as writes from "../../../server/src/store/neo4j/cypher/writes";
import { finishWrite, lockGraph, readVersion } from "../../../server/src/store/neo4j/cypher/version";
import { nodeLabel, otherNodeLabels, relationshipType } from "../../../server/src/store/neo4j/cypher/names";
import { BATCH_SIZE, chunk } from "../../../server/src/store/neo4j/cypher/statement";
import { edgeRow, nodeProps } from "../../../server/src/store/neo4j/mapping/to-props";

/** The Cypher the adapter sends, pinned text by text (neo4j/graphql tck style). A change here is a
 *  change to what runs against every user's database, and should be reviewed as one. */

const lines = (...l: string[]) => l.join("\n");
const EVIL = "SUPPLIES`]->() DELETE";

describe("schema", () => {
  it("creates three uniqueness constraints, one statement each, idempotently", () => {
    expect(constraintStatements()).toEqual([
      { text: "CREATE CONSTRAINT cp_node_id IF NOT EXISTS FOR (n:CpNode) REQUIRE n.id IS UNIQUE", params: {} },
      { text: "CREATE CONSTRAINT cp_document_id IF NOT EXISTS FOR (d:CpDocument) REQUIRE d.id IS UNIQUE", params: {} },
      { text: "CREATE CONSTRAINT cp_meta_key IF NOT EXISTS FOR (m:CpMeta) REQUIRE m.key IS UNIQUE", params: {} },
    ]);
  });
});

describe("version", () => {
  it("reads, locks and bumps the meta node; the step is a neo4j integer", () => {
    expect(readVersion()).toEqual({ text: lines("OPTIONAL MATCH (m:CpMeta {key: 'graph'})", "RETURN m.version AS version"), params: {} });
    expect(lockGraph()).toEqual({
      text: lines("MERGE (m:CpMeta {key: 'graph'})", "ON CREATE SET m.version = 0", "SET m._lock = true", "RETURN m.version AS version"),
      params: {},
    });
    const bump = finishWrite(true);
    expect(bump.text).toBe(lines("MATCH (m:CpMeta {key: 'graph'})", "REMOVE m._lock", "SET m.version = m.version + $step", "RETURN m.version AS version"));
    expect(isInt(bump.params.step)).toBe(true);
    expect(bump.params.step).toEqual(int(1));
    expect(finishWrite(false).params.step).toEqual(int(0));
  });
});

describe("node upserts", () => {
  const others: Record<NodeKind, string> = {
    Product: ":Component:Material:Supplier:Region",
    Component: ":Product:Material:Supplier:Region",
    Material: ":Product:Component:Supplier:Region",
    Supplier: ":Product:Component:Material:Region",
    Region: ":Product:Component:Material:Supplier",
  };
  it.each(NODE_KINDS.map((k) => [k]))("%s: MERGE on id, replace properties, set the kind label, drop the others", (kind) => {
    const row = nodeProps({ id: "x", kind, name: { en: "X" }, aliases: [], flags: [], attrs: {}, confidence: "stated", evidence: [] });
    expect(writes.upsertNodes(kind, [row])).toEqual({
      text: lines("UNWIND $rows AS row", "MERGE (n:CpNode {id: row.id})", `SET n = row, n:${kind}`, `REMOVE n${others[kind]}`, "RETURN count(*) AS count"),
      params: { rows: [row] },
    });
  });

  it("flattens nested parts to JSON strings and keeps user text out of the statement", () => {
    const name = "x'}) DETACH DELETE n //";
    const row = nodeProps({
      id: "valve",
      kind: "Component",
      name: { zh: "比例阀", en: name },
      aliases: ["MATCH (n) DETACH DELETE n"],
      category: "treatment",
      flags: [{ flag: "IMPORT_DEPENDENT", confidence: "stated", evidence: [{ quote: "依赖进口", line: 3, doc: "000" }] }],
      attrs: { recoveryDays: 90, inventoryDays: 30 },
      confidence: "inferred",
      evidence: [{ note: "}]->(x) SET x.evil = true" }],
    });
    expect(row).toEqual({
      id: "valve",
      kind: "Component",
      nameZh: "比例阀",
      nameEn: name,
      aliases: ["MATCH (n) DETACH DELETE n"],
      category: "treatment",
      flags: '[{"flag":"IMPORT_DEPENDENT","confidence":"stated","evidence":[{"doc":"000","line":3,"quote":"依赖进口"}]}]',
      flagNames: ["IMPORT_DEPENDENT"],
      attrs: '{"inventoryDays":30,"recoveryDays":90}',
      confidence: "inferred",
      evidence: '[{"note":"}]->(x) SET x.evil = true"}]',
    });
    const s = writes.upsertNodes("Component", [row]);
    expect(s.text).not.toContain("DETACH DELETE");
    expect(s.text).not.toContain("evil");
  });
});

describe("edge upserts", () => {
  it.each(EDGE_KINDS.map((k) => [k]))("%s: MATCH both ends by id, MERGE the typed relationship, replace its properties", (kind) => {
    const row = edgeRow({ from: "a", to: "b", kind, confidence: "stated", evidence: [] });
    expect(writes.upsertEdges(kind, [row])).toEqual({
      text: lines(
        "UNWIND $rows AS row",
        "MATCH (a:CpNode {id: row.fromId})",
        "MATCH (b:CpNode {id: row.toId})",
        `MERGE (a)-[r:${kind}]->(b)`,
        "SET r = row.props",
        "RETURN count(*) AS count",
      ),
      params: { rows: [{ fromId: "a", toId: "b", props: { confidence: "stated", evidence: "[]" } }] },
    });
  });

  it("sends only the properties an edge has", () => {
    expect(edgeRow({ from: "v", to: "eu", kind: "SOURCED_FROM", share: 0.8, leadTimeDays: 30, qualified: false, confidence: "imported", evidence: [{ file: "e.csv", row: 2 }] })).toEqual({
      fromId: "v",
      toId: "eu",
      props: { share: 0.8, leadTimeDays: 30, qualified: false, confidence: "imported", evidence: '[{"file":"e.csv","row":2}]' },
    });
    expect(edgeRow({ from: "p", to: "c", kind: "REQUIRES", group: "valve", confidence: "stated", evidence: [] }).props).toEqual({ group: "valve", confidence: "stated", evidence: "[]" });
  });
});

describe("deletes", () => {
  it("deletes typed relationships by endpoints", () => {
    expect(writes.deleteEdges("LOCATED_IN", [{ from: "s", to: "r" }])).toEqual({
      text: lines("UNWIND $rows AS row", "MATCH (:CpNode {id: row.fromId})-[r:LOCATED_IN]->(:CpNode {id: row.toId})", "DELETE r", "RETURN count(*) AS count"),
      params: { rows: [{ fromId: "s", toId: "r" }] },
    });
  });
  it("removes the relationships of nodes about to be deleted, counting each once", () => {
    expect(writes.detachEdges(["a"])).toEqual({
      text: lines("UNWIND $ids AS id", "MATCH (:CpNode {id: id})-[r]-(:CpNode)", "WITH DISTINCT r", "DELETE r", "RETURN count(*) AS count"),
      params: { ids: ["a"] },
    });
  });
  it("detach-deletes nodes by id", () => {
    expect(writes.deleteNodes(["a", "b"])).toEqual({
      text: lines("UNWIND $ids AS id", "MATCH (n:CpNode {id: id})", "DETACH DELETE n", "RETURN count(*) AS count"),
      params: { ids: ["a", "b"] },
    });
  });
  it("upserts documents by id", () => {
    expect(writes.upsertDocuments([{ id: "003", file: "003.txt" }]).text).toBe(
      lines("UNWIND $rows AS row", "MERGE (d:CpDocument {id: row.id})", "SET d = row", "RETURN count(*) AS count"),
    );
  });
});

describe("reads inside a write", () => {
  it("looks up stored nodes, edges (kind as a parameter), incident edges and documents", () => {
    expect(reads.nodesById(["a"])).toEqual({ text: lines("UNWIND $ids AS id", "MATCH (n:CpNode {id: id})", "RETURN properties(n) AS props"), params: { ids: ["a"] } });
    expect(reads.edgesByKey([{ from: "a", kind: "REQUIRES", to: "b" }])).toEqual({
      text: lines(
        "UNWIND $rows AS row",
        "MATCH (a:CpNode {id: row.fromId})-[r]->(b:CpNode {id: row.toId})",
        "WHERE type(r) = row.kind",
        "RETURN a.id AS fromId, type(r) AS kind, b.id AS toId, properties(r) AS props",
      ),
      params: { rows: [{ fromId: "a", kind: "REQUIRES", toId: "b" }] },
    });
    expect(reads.incidentEdges(["s"]).text).toBe(
      lines(
        "UNWIND $ids AS id",
        "MATCH (:CpNode {id: id})-[r]-(:CpNode)",
        "WITH DISTINCT r",
        "WITH startNode(r) AS a, r, endNode(r) AS b",
        "RETURN a.id AS fromId, type(r) AS kind, b.id AS toId, a.kind AS fromKind, b.kind AS toKind",
      ),
    );
    expect(reads.documentsById(["003"]).text).toBe(lines("UNWIND $ids AS id", "MATCH (d:CpDocument {id: id})", "RETURN properties(d) AS props"));
  });
});

describe("list and search", () => {
  it("lists all nodes by id with an integer LIMIT", () => {
    const s = reads.listNodes({}, undefined, 51);
    expect(s.text).toBe(lines("MATCH (n:CpNode)", "RETURN properties(n) AS props", "ORDER BY n.id", "LIMIT $limit"));
    expect(s.params).toEqual({ limit: int(51) });
    expect(isInt(s.params.limit)).toBe(true);
  });

  it("adds each filter as a parameterised predicate", () => {
    const s = reads.listNodes({ kind: "Component", category: "treatment", flag: "POLICY_BOTTLENECK", search: "valve' OR 1=1" }, "ct-tube", 11);
    expect(s.text).toBe(
      lines(
        "MATCH (n:CpNode)",
        "WHERE n.kind = $kind",
        "  AND n.category = $category",
        "  AND $flag IN n.flagNames",
        "  AND (toLower(n.id) CONTAINS $search OR toLower(coalesce(n.nameZh, '')) CONTAINS $search OR toLower(coalesce(n.nameEn, '')) CONTAINS $search OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS $search))",
        "  AND n.id > $after",
        "RETURN properties(n) AS props",
        "ORDER BY n.id",
        "LIMIT $limit",
      ),
    );
    expect(s.params).toEqual({ kind: "Component", category: "treatment", flag: "POLICY_BOTTLENECK", search: "valve' OR 1=1", after: "ct-tube", limit: int(11) });
    expect(reads.countNodes({ search: "x" }).text).toBe(
      lines(
        "MATCH (n:CpNode)",
        "WHERE (toLower(n.id) CONTAINS $search OR toLower(coalesce(n.nameZh, '')) CONTAINS $search OR toLower(coalesce(n.nameEn, '')) CONTAINS $search OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS $search))",
        "RETURN count(n) AS total",
      ),
    );
  });

  it("pages edges by (from, kind, to) with a typed pattern for a kind filter", () => {
    const s = reads.listEdges({ kind: "SOURCED_FROM", from: "valve" }, { from: "valve", kind: "SOURCED_FROM", to: "de" }, 3);
    expect(s.text).toBe(
      lines(
        "MATCH (a:CpNode)-[r:SOURCED_FROM]->(b:CpNode)",
        "WHERE a.id = $from",
        "  AND (a.id > $afterFrom OR (a.id = $afterFrom AND (type(r) > $afterKind OR (type(r) = $afterKind AND b.id > $afterTo))))",
        "RETURN a.id AS fromId, type(r) AS kind, b.id AS toId, properties(r) AS props",
        "ORDER BY fromId, kind, toId",
        "LIMIT $limit",
      ),
    );
    expect(s.params).toEqual({ from: "valve", afterFrom: "valve", afterKind: "SOURCED_FROM", afterTo: "de", limit: int(3) });
    expect(reads.countEdges({ to: "eu" })).toEqual({ text: lines("MATCH (a:CpNode)-[r]->(b:CpNode)", "WHERE b.id = $to", "RETURN count(r) AS total"), params: { to: "eu" } });
  });

  it("reads one node and its edges both ways", () => {
    expect(reads.nodeById("ecmo")).toEqual({ text: lines("MATCH (n:CpNode {id: $id})", "RETURN properties(n) AS props"), params: { id: "ecmo" } });
    expect(reads.outgoingEdges("ecmo").text).toBe(
      lines("MATCH (a:CpNode {id: $id})-[r]->(b:CpNode)", "RETURN a.id AS fromId, type(r) AS kind, b.id AS toId, properties(r) AS props", "ORDER BY kind, toId"),
    );
    expect(reads.incomingEdges("ecmo").text).toBe(
      lines("MATCH (a:CpNode)-[r]->(b:CpNode {id: $id})", "RETURN a.id AS fromId, type(r) AS kind, b.id AS toId, properties(r) AS props", "ORDER BY fromId, kind"),
    );
  });

  it("counts per kind from single-label and single-type patterns", () => {
    expect(reads.countByKind().text).toBe(
      [
        "MATCH (n:Product) RETURN 'node' AS what, 'Product' AS kind, count(n) AS count",
        "MATCH (n:Component) RETURN 'node' AS what, 'Component' AS kind, count(n) AS count",
        "MATCH (n:Material) RETURN 'node' AS what, 'Material' AS kind, count(n) AS count",
        "MATCH (n:Supplier) RETURN 'node' AS what, 'Supplier' AS kind, count(n) AS count",
        "MATCH (n:Region) RETURN 'node' AS what, 'Region' AS kind, count(n) AS count",
        "MATCH ()-[r:REQUIRES]->() RETURN 'edge' AS what, 'REQUIRES' AS kind, count(r) AS count",
        "MATCH ()-[r:SOURCED_FROM]->() RETURN 'edge' AS what, 'SOURCED_FROM' AS kind, count(r) AS count",
        "MATCH ()-[r:LOCATED_IN]->() RETURN 'edge' AS what, 'LOCATED_IN' AS kind, count(r) AS count",
        "MATCH ()-[r:WITHIN]->() RETURN 'edge' AS what, 'WITHIN' AS kind, count(r) AS count",
      ].join("\nUNION ALL\n"),
    );
  });
});

describe("snapshot reads", () => {
  it("streams documents and nodes in id order, edges unordered", () => {
    expect(reads.allDocuments()).toEqual({ text: lines("MATCH (d:CpDocument)", "RETURN properties(d) AS props", "ORDER BY d.id"), params: {} });
    expect(reads.allNodes()).toEqual({ text: lines("MATCH (n:CpNode)", "WHERE n.id IS NOT NULL", "RETURN properties(n) AS props", "ORDER BY n.id"), params: {} });
    expect(reads.allEdges()).toEqual({ text: lines("MATCH (a:CpNode)-[r]->(b:CpNode)", "RETURN a.id AS fromId, type(r) AS kind, b.id AS toId, properties(r) AS props"), params: {} });
  });
});

describe("labels and relationship types come only from the kind enums", () => {
  it("rejects anything else before it can reach statement text", () => {
    expect(() => relationshipType(EVIL as EdgeKind)).toThrow(TypeError);
    expect(() => nodeLabel("Product`) DETACH DELETE (n" as NodeKind)).toThrow(TypeError);
    expect(() => otherNodeLabels("Region:Evil" as NodeKind)).toThrow(TypeError);
    expect(() => writes.upsertEdges(EVIL as EdgeKind, [])).toThrow(TypeError);
    expect(() => writes.deleteEdges(EVIL as EdgeKind, [])).toThrow(TypeError);
    expect(() => writes.upsertNodes("Supplier`) SET n.x = 1 //" as NodeKind, [])).toThrow(TypeError);
    expect(() => reads.listEdges({ kind: EVIL as EdgeKind }, undefined, 1)).toThrow(TypeError);
  });
});

describe("batching", () => {
  it("splits rows into statements of at most BATCH_SIZE", () => {
    expect(BATCH_SIZE).toBe(5000);
    expect(chunk(Array.from({ length: 12001 }, (_, i) => i)).map((c) => c.length)).toEqual([5000, 5000, 2001]);
    expect(chunk([])).toEqual([]);
  });
});
