import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4.js';
import { invalidArgument } from './assert.ts';
import { errorStatus, type IssueType } from './errorStatus.ts';
import { ERROR_CODE_SYSTEM } from './systems.ts';

/** One issue of {@link operationOutcome}. */
export type OutcomeIssue = {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  /** FHIR issue type; for an error code, the one of errorStatus.ts. */
  code: IssueType | 'informational' | 'incomplete';
  /** Human-readable text: names the element or parameter, never quotes health data. */
  diagnostics?: string | undefined;
  /** FHIRPath-like locations, e.g. `Observation.valueQuantity.value`. */
  expression?: readonly string[] | undefined;
  /** Our stable error code, put in `details.coding` with system {@link ERROR_CODE_SYSTEM}. */
  errorCode?: string | undefined;
};

/** An OperationOutcome of the given issues (at least one, as FHIR requires). */
export function operationOutcome(issues: readonly OutcomeIssue[]): OperationOutcome {
  if (issues.length === 0) throw invalidArgument('"issues" must not be empty');
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((issue): OperationOutcomeIssue => {
      const out: OperationOutcomeIssue = { severity: issue.severity, code: issue.code };
      if (issue.errorCode !== undefined) out.details = { coding: [{ system: ERROR_CODE_SYSTEM, code: issue.errorCode }] };
      if (issue.diagnostics !== undefined) out.diagnostics = issue.diagnostics;
      if (issue.expression !== undefined && issue.expression.length > 0) out.expression = [...issue.expression];
      return out;
    }),
  };
}

/**
 * The OperationOutcome for one error: severity `error`, the issue type of `code` from
 * errorStatus.ts, `details.coding` holding `code` under {@link ERROR_CODE_SYSTEM}, `message` as
 * diagnostics and `expression` when given. The HTTP status to send is `errorStatus(code).status`.
 */
export function outcomeFromError(code: string, message: string, expression?: string): OperationOutcome {
  return operationOutcome([
    {
      severity: 'error',
      code: errorStatus(code).issue,
      errorCode: code,
      diagnostics: message,
      expression: expression === undefined ? undefined : [expression],
    },
  ]);
}
