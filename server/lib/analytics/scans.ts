// Runs the scan timeline (common/investigations/scans.ts) as the caller's user: one search for
// candidates over probe flows (terms on source.ip ordered by distinct ports, and by distinct
// hosts), then one detail search per candidate, in parallel, each over that source's flows only.
// VPC flow logs only: Transit Gateway flow logs carry no accept/reject.
import type {
  DetailAggsResult,
  Scanner,
  ScansRequest,
  ScansResponse,
} from '../../../common/investigations/scans';
import {
  candidateAggs,
  checkScanRange,
  detailAggs,
  portStepFor,
  probeQuery,
  rankScanners,
  readCandidates,
  readScanner,
  SCAN_THRESHOLDS,
  sourceQuery,
} from '../../../common/investigations/scans';
import { ValidationError } from '../validation/validate_object';
import type { QueryLanguage, SearchClient, SearchScope } from './query_context';
import { searchAggs, searchScope } from './query_context';

export async function scans(
  client: SearchClient,
  request: ScansRequest,
  language: QueryLanguage,
  namespace = '*'
): Promise<ScansResponse> {
  // No KQL here: the scope is the range (and the source, when asked for).
  const scope = searchScope('vpcflow', { from: request.from, to: request.to }, language, namespace);
  const problem = checkScanRange(scope.fromMs, scope.toMs);
  if (problem) throw new ValidationError(problem.field, problem.message);
  if (request.source) scope.filter.push(sourceQuery(request.source));

  const probes: SearchScope = { ...scope, filter: [...scope.filter, probeQuery()] };
  const { aggregations } = await searchAggs<Parameters<typeof readCandidates>[0]>(
    client,
    probes,
    candidateAggs()
  );
  const candidates = readCandidates(aggregations);

  const details = await Promise.all(
    candidates.map(async (candidate): Promise<Scanner | undefined> => {
      const step = portStepFor(candidate.ports);
      const own: SearchScope = {
        ...scope,
        filter: [...scope.filter, sourceQuery(candidate.source)],
      };
      const { total, aggregations: detail } = await searchAggs<DetailAggsResult>(
        client,
        own,
        detailAggs(step)
      );
      return readScanner(candidate.source, total, detail, step);
    })
  );
  return {
    fromMs: scope.fromMs,
    toMs: scope.toMs,
    thresholds: SCAN_THRESHOLDS,
    examined: candidates.length,
    scanners: rankScanners(details.filter((s): s is Scanner => s !== undefined)),
  };
}
