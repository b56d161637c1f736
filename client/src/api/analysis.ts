import type { AlternateSource, Concentration, CriticalityEntry, ProductSpofs, RiskScore, SandboxResult, ScenarioResult } from "../model/analysis";
import { cachedGraphql, graphql } from "./client";
import { CONCENTRATION_QUERY, CRITICALITY_QUERY, GAPS_QUERY, NODE_QUERY, RISK_QUERY, SANDBOX_QUERY, SCENARIO_QUERY, SEARCH_QUERY, SPOFS_QUERY, TABLE_LIMIT } from "./queries";
import type { NodeDetail, NodeResponse, SearchHit, SearchResponse } from "./types";

/** One function per question the client asks the API. */
export const fetchNode = async (id: string): Promise<NodeDetail | null> => (await cachedGraphql<NodeResponse>(NODE_QUERY, { id })).node;

export const fetchRisk = async (id: string): Promise<RiskScore> => (await cachedGraphql<{ riskScore: RiskScore }>(RISK_QUERY, { id })).riskScore;

export const fetchSpofs = async (id: string): Promise<ProductSpofs> => (await cachedGraphql<{ spofs: ProductSpofs }>(SPOFS_QUERY, { id })).spofs;

export const fetchScenario = async (fail: readonly string[]): Promise<ScenarioResult> => (await cachedGraphql<{ scenario: ScenarioResult }>(SCENARIO_QUERY, { fail })).scenario;

export const fetchSandbox = async (fail: readonly string[], add: readonly AlternateSource[]): Promise<SandboxResult> =>
  (await graphql<{ sandbox: SandboxResult }>(SANDBOX_QUERY, { fail: fail.length > 0 ? fail : null, add })).sandbox;

export const fetchCriticality = async (): Promise<{ weighted: boolean; entries: readonly CriticalityEntry[] }> =>
  (await cachedGraphql<{ criticality: { weighted: boolean; entries: readonly CriticalityEntry[] } }>(CRITICALITY_QUERY, { first: TABLE_LIMIT })).criticality;

export const fetchConcentration = async (): Promise<readonly Concentration[]> =>
  (await cachedGraphql<{ concentrationRanking: readonly Concentration[] }>(CONCENTRATION_QUERY, { first: TABLE_LIMIT })).concentrationRanking;

export const fetchGaps = async (): Promise<readonly string[]> => (await cachedGraphql<{ mappingGaps: readonly string[] }>(GAPS_QUERY)).mappingGaps;

export const searchNodes = async (q: string, signal?: AbortSignal): Promise<readonly SearchHit[]> =>
  (await graphql<SearchResponse>(SEARCH_QUERY, { q }, signal)).nodes.items;
