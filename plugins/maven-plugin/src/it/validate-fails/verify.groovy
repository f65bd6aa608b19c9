// The build failed because of the template, and said where, in the form compilers use.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/kpi/broken.kpi').path
def expected = "[ERROR] ${file}:8:12: error unresolved-reference: unknown source or field `Tiket`; did you mean `Ticket`?"
assert log.contains(expected) : "no line starting with ${expected} in the build log"
assert log.contains('1 template file(s) in ')
assert log.contains('1 error(s) in the templates (listed above with file:line:column)')
