// Vitest reporter for npm test's closing line: counts passed / failed / skipped tests, where a test
// that never ran because its file or suite failed to set up (a beforeAll that threw: the server did
// not start, the database was unreachable, a dataset is missing in CI) counts as failed, not skipped,
// and a file that failed before collecting any test counts as one failure.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

function setupFailed(test) {
  for (let p = test.parent; p; p = p.type === "module" ? undefined : p.parent) if (p.errors().length > 0) return true;
  return false;
}

export default class VitestSummaryReporter {
  constructor(options = {}) {
    this.outputFile = options.outputFile ?? "test-results/vitest-summary.json";
  }

  onTestRunEnd(testModules, unhandledErrors = []) {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0, brokenSetup: [] };
    for (const testModule of testModules) {
      const tests = [...testModule.children.allTests()];
      if (tests.length === 0 && (testModule.errors().length > 0 || testModule.state() === "failed")) {
        counts.failed++;
        counts.brokenSetup.push(testModule.moduleId);
      }
      for (const test of tests) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else if (setupFailed(test)) {
          counts.failed++;
          counts.brokenSetup.push(`${testModule.moduleId} > ${test.fullName}`);
        } else counts.skipped++;
      }
    }
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, JSON.stringify(counts, null, 2));
  }
}
