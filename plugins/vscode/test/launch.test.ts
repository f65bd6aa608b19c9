import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { BUNDLED_JAR, findJava, javaMajorVersion, serverCommand, ServerLaunchError } from '../src/launch';
import { EXTENSION_ROOT } from './tokens';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-vscode-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A Java home whose `java -version` prints what a real one of that version prints. */
function fakeJavaHome(name: string, version: string): string {
  const home = path.join(scratch, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const java = path.join(home, 'bin', 'java');
  fs.writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2024-01-16' >&2\n`, { mode: 0o755 });
  return home;
}

const noJavaEnv = { PATH: path.join(scratch, 'empty') };

test('the major version is read from both version styles of java -version', () => {
  assert.equal(javaMajorVersion('openjdk version "17.0.15" 2025-04-15'), 17);
  assert.equal(javaMajorVersion('java version "1.8.0_392"'), 8);
  assert.equal(javaMajorVersion('openjdk version "25" 2025-09-16'), 25);
  assert.equal(javaMajorVersion('openjdk version "21-ea" 2023-09-19'), 21);
  assert.equal(javaMajorVersion('command not found'), undefined);
});

test('the setting yardstick.java.home comes before JAVA_HOME, which comes before the PATH', () => {
  const chosen = fakeJavaHome('setting', '21.0.2');
  const environment = fakeJavaHome('environment', '17.0.9');
  assert.equal(findJava({ javaHome: chosen }, { JAVA_HOME: environment }, 'linux'), path.join(chosen, 'bin', 'java'));
  assert.equal(findJava({}, { JAVA_HOME: environment }, 'linux'), path.join(environment, 'bin', 'java'));
  assert.equal(findJava({ javaHome: null }, { PATH: path.join(environment, 'bin') }, 'linux'), path.join(environment, 'bin', 'java'));
});

test('a Java older than 17 is passed over for the next place, and reported when none qualifies', () => {
  const old = fakeJavaHome('old', '11.0.21');
  const recent = fakeJavaHome('recent', '17.0.1');
  assert.equal(findJava({ javaHome: old }, { JAVA_HOME: recent }, 'linux'), path.join(recent, 'bin', 'java'));
  assert.throws(
    () => findJava({ javaHome: old }, { ...noJavaEnv, JAVA_HOME: path.join(scratch, 'nowhere') }, 'linux'),
    (error: unknown) => {
      assert.ok(error instanceof ServerLaunchError);
      assert.equal(
        error.message,
        'The Yardstick language server needs Java 17 or newer, and none was found (' +
          `the setting yardstick.java.home: ${path.join(old, 'bin', 'java')} is Java 11; ` +
          `JAVA_HOME: ${path.join(scratch, 'nowhere', 'bin', 'java')} is not an executable; ` +
          'the PATH: no java on it). Install a Java 17+ runtime (on Debian or Ubuntu: apt-get install ' +
          'openjdk-17-jre-headless) or point the setting yardstick.java.home at one, then reload the window. ' +
          'Syntax colouring works without it; validation, completion and hover need the server.',
      );
      return true;
    },
  );
});

test('a user command replaces the bundled server; without the jar the error names the setting', () => {
  assert.deepEqual(serverCommand(scratch, { serverCommand: ['/opt/yardstick/yardstick', 'lsp'] }, noJavaEnv), {
    command: '/opt/yardstick/yardstick',
    args: ['lsp'],
  });
  assert.throws(() => serverCommand(scratch, { serverCommand: [] }, noJavaEnv), /missing from the extension .*yardstick\.server\.command/);
});

test('the bundled jar runs as java -jar server/yardstick.jar lsp and answers an editor over stdio', async () => {
  const jar = path.join(EXTENSION_ROOT, BUNDLED_JAR);
  assert.ok(fs.existsSync(jar), `${jar} is missing: the Maven build copies the CLI jar there before the tests`);
  const launch = serverCommand(EXTENSION_ROOT, {}, process.env);
  assert.deepEqual(launch.args, ['-jar', jar, 'lsp']);

  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace);
  const file = path.join(workspace, 'broken.kpi');
  fs.writeFileSync(
    file,
    'template Broken {\n\tsource Ticket {\n\t\tkey id: text\n\t\tcreatedAt: timestamp time\n\t}\n' +
      '\tlayer execution {\n\t\tmetric handled : count higher-is-better {\n\t\t\t= count(Tiket)\n\t\t}\n\t}\n}\n',
  );
  const server = spawn(launch.command, launch.args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const diagnostics = new Promise<{ uri: string; diagnostics: Array<{ code: string; message: string; range: unknown }> }>(
    (resolve) => connection.onNotification('textDocument/publishDiagnostics', (params) => {
      if (params.diagnostics.length > 0) {
        resolve(params);
      }
    }),
  );
  connection.listen();
  try {
    const rootUri = pathToFileURL(workspace).toString();
    const initialized: { capabilities: Record<string, unknown> } = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: {},
    });
    assert.ok(initialized.capabilities.completionProvider, `no completion in ${JSON.stringify(initialized.capabilities)}`);
    assert.ok(initialized.capabilities.hoverProvider);
    await connection.sendNotification('initialized', {});
    const published = await diagnostics;
    assert.equal(published.uri.replace('file:///', 'file:/'), pathToFileURL(file).toString().replace('file:///', 'file:/'));
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, JSON.stringify(d.range), d.message]),
      [
        [
          'unresolved-reference', '{"start":{"line":7,"character":11},"end":{"line":7,"character":16}}',
          'unknown source or field `Tiket`; did you mean `Ticket`?: `count(Tiket)` names no source, so its fields ' +
            'are unknown; qualify the field, such as Source.Tiket',
        ],
      ],
      stderr,
    );
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } finally {
    connection.dispose();
    server.kill();
  }
});
