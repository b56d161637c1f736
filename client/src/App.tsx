import { useEffect, useState } from "react";
import { graphql } from "./api";

interface KindCount {
  kind: string;
  count: number;
}
interface Stats {
  version: number;
  nodeCount: number;
  edgeCount: number;
  nodes: KindCount[];
  edges: KindCount[];
}

const STATS_QUERY = `query Stats { stats { version nodeCount edgeCount nodes { kind count } edges { kind count } } }`;

export function App() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    graphql<{ stats: Stats }>(STATS_QUERY).then(
      (d) => setStats(d.stats),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  return (
    <main className="page">
      <h1>Chokepoint</h1>
      <p className="lede">Supply-chain risk graph for medical equipment · 医疗装备供应链风险图谱</p>
      {error && <p role="alert">Could not load the graph: {error}</p>}
      {!stats && !error && <p>Loading…</p>}
      {stats && (
        <section aria-label="graph counts">
          <p>
            <strong data-testid="node-count">{stats.nodeCount}</strong> nodes, <strong data-testid="edge-count">{stats.edgeCount}</strong> edges (data version{" "}
            {stats.version})
          </p>
          <div className="tables">
            <CountTable title="Nodes by kind" rows={stats.nodes} />
            <CountTable title="Edges by kind" rows={stats.edges} />
          </div>
        </section>
      )}
    </main>
  );
}

function CountTable({ title, rows }: { title: string; rows: KindCount[] }) {
  return (
    <table>
      <caption>{title}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.kind}>
            <th scope="row">{r.kind}</th>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
