// Ends the run with the slowest suites (so a run's time can be read where it goes) and one
// plain line, "tests: N passed, N failed", that any CI can read.
const SLOWEST = 15;

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const timed = results.testResults
      .map((suite) => ({
        seconds: (suite.perfStats.end - suite.perfStats.start) / 1000,
        name: `${suite.displayName?.name ?? ''} ${suite.testFilePath.replace(process.cwd() + '/', '')}`,
      }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, SLOWEST);
    if (timed.length > 1) {
      console.log(`slowest suites:`);
      for (const { seconds, name } of timed) console.log(`  ${seconds.toFixed(1)} s ${name}`);
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    console.log(
      `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
        (skipped ? `, ${skipped} skipped` : ''),
    );
  }
}
module.exports = SummaryReporter;
