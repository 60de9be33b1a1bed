/**
 * Closes every run with one plain line ("N passed, N failed, N skipped") and, when tests were skipped
 * because a Debian package is missing, a loud banner naming the package and how to install it. Tests that
 * took more than half of the default time limit are listed, so one growing towards it on a slower machine
 * is seen before it fails there.
 */
'use strict';

const INSTALL = {
  chromium: 'apt-get install -y chromium',
  openpyxl: 'apt-get install -y python3-openpyxl',
  libreoffice: 'apt-get install -y libreoffice-calc-nogui poppler-utils',
};

class SummaryReporter {
  constructor(globalConfig) {
    this.slowMs = globalConfig.testTimeout / 2;
  }

  onRunComplete(_contexts, results) {
    const missing = new Map();
    const slow = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.duration > this.slowMs) slow.push(`   ${(test.duration / 1000).toFixed(1)} s  ${file.testFilePath.replace(process.cwd() + '/', '')} › ${test.title}`);
        if (test.status !== 'pending') continue;
        const match = /\[needs (\w+)\]/.exec(test.ancestorTitles.join(' ') + ' ' + test.title);
        const tool = match ? match[1] : 'other';
        missing.set(tool, (missing.get(tool) || 0) + 1);
      }
    }
    const lines = [];
    if (slow.length > 0) lines.push('', `Tests over half the default time limit (${this.slowMs / 1000} s):`, ...slow);
    if (missing.size > 0) {
      lines.push('', '!'.repeat(78));
      for (const [tool, count] of missing) {
        if (tool === 'other') lines.push(`!! ${count} test(s) SKIPPED for another reason: see the list above`);
        else lines.push(`!! ${count} test(s) SKIPPED: ${tool} is not installed (${INSTALL[tool]})`);
      }
      lines.push('!! .ci/run installs these, so CI runs every test.', '!'.repeat(78));
    }
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    lines.push('', `${passed} passed, ${failed} failed, ${skipped} skipped`);
    process.stdout.write(lines.join('\n') + '\n');
  }
}

module.exports = SummaryReporter;
