import type { CheckNodeType, ConditionConfig, WorkflowSignals, WorkflowWarning } from "@/lib/workflows/types";

export type ConditionFacts = {
  // latest score of each check on the path so far
  scores: Partial<Record<CheckNodeType, number | null>>;
  signals: WorkflowSignals;
  warnings: WorkflowWarning[];
};

// A missing fact reads as false: an unknown country is not "in the list", an unknown device is not known.
export function evaluateCondition(condition: ConditionConfig, facts: ConditionFacts): boolean {
  switch (condition.signal) {
    case "score_range": {
      const score = facts.scores[condition.feature];
      if (score === undefined || score === null) return false;
      return (condition.min === undefined || score >= condition.min) && (condition.max === undefined || score <= condition.max);
    }
    case "ip_country":
      return facts.signals.ip_country !== undefined && condition.countries.includes(facts.signals.ip_country.toUpperCase());
    case "known_device":
      return facts.signals.known_device === true;
    case "known_ip":
      return facts.signals.known_ip === true;
    case "anonymous_network":
      return facts.signals.anonymous_network === true;
    case "warnings_present":
      return condition.risks?.length ? facts.warnings.some((w) => condition.risks!.includes(w.risk)) : facts.warnings.length > 0;
  }
}
