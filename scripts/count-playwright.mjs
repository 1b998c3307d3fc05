// Playwright's JSON report -> passed / failed / skipped for npm test's closing line. A test skipped on
// purpose (test.skip) expects "skipped"; one that never ran because a hook or the worker failed
// before it (status "skipped", expected "passed") or has no result at all counts as failed.
function* testsOf(suite) {
  for (const spec of suite.specs ?? []) yield* spec.tests ?? [];
  for (const child of suite.suites ?? []) yield* testsOf(child);
}

export function countPlaywright(report) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const suite of report.suites ?? [])
    for (const test of testsOf(suite)) {
      if (test.status === "expected" || test.status === "flaky") counts.passed++;
      else if (test.status === "skipped" && test.expectedStatus === "skipped") counts.skipped++;
      else counts.failed++;
    }
  counts.failed += (report.errors ?? []).length > 0 && counts.failed === 0 ? 1 : 0;
  return counts;
}
