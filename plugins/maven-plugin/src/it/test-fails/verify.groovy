// The build failed because of the test, said where in the form compilers use, and left JUnit XML for CI.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/kpi/tested.kpi').path
def expected = "[ERROR] ${file}:31:3: wrongAverage: expected contacts in 2026-03 = 2, got 1.5"
assert log.contains(expected) : "no line ${expected} in the build log"
assert log.contains('2 tests of 1 template on java: 1 passed, 1 failed (2 expectations checked)')
def junit = new File(basedir, 'target/surefire-reports/TEST-yardstick.xml').text
assert junit.contains('<testcase name="passes" classname="consumer.tested.Tested"')
assert junit.contains('<failure message="wrongAverage: expected contacts in 2026-03 = 2, got 1.5" type="expectation">')
