// The generated source is where the plugin says, and both of the consumer's tests ran.
def source = new File(basedir, 'target/generated-sources/yardstick/aftersales/standard/StandardAfterSalesCalculator.java')
assert source.isFile() : "no generated calculator at ${source}"
def log = new File(basedir, 'build.log').text
assert log.contains('generated aftersales.standard.StandardAfterSalesCalculator in ')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert new File(basedir, 'target/classes/aftersales/standard/StandardAfterSalesCalculator.class').isFile()
