// The class report built the plain way, from every answer of the class in memory: what the backend's narrower
// reads must give, and a quick way for tests to make a report from simulated rows.
import { buildClassReportFrom, classReportInput, type ClassReport, type ReportInput } from '../../src/core/reports/class-report';

export function buildClassReport(input: ReportInput, now: Date): ClassReport {
  return buildClassReportFrom(classReportInput(input), now);
}
