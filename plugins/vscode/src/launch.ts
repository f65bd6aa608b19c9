// How the extension starts the Yardstick language server. Kept free of the `vscode` module so that
// node's test runner can check it outside the editor, against the real jar and real Java installations.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The server jar's classes are Java 17 bytecode. */
export const MINIMUM_JAVA = 17;

/** The jar the build copies into the extension. */
export const BUNDLED_JAR = path.join('server', 'yardstick.jar');

export interface LaunchSettings {
  /** `yardstick.java.home`: a Java installation chosen by the user. */
  javaHome?: string | null;
  /** `yardstick.server.command`: a command that replaces the bundled server, e.g. a checkout's launcher. */
  serverCommand?: string[] | null;
}

export interface ServerCommand {
  command: string;
  args: string[];
}

/** The server cannot start; the message says why and what to do, and is shown to the user as it is. */
export class ServerLaunchError extends Error {}

/** What one place that may hold Java gave: the executable, or why it does not qualify. */
interface JavaProbe {
  from: string;
  java?: string;
  major?: number;
  problem?: string;
}

/** The major version in `java -version` output: 17 for "17.0.15", 8 for "1.8.0_392". */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) {
    return undefined;
  }
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

function javaExecutable(home: string, platform: NodeJS.Platform): string {
  return path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const searchPath = env.PATH ?? env.Path ?? '';
  const name = platform === 'win32' ? 'java.exe' : 'java';
  for (const folder of searchPath.split(path.delimiter)) {
    if (folder && isExecutable(path.join(folder, name))) {
      return path.join(folder, name);
    }
  }
  return undefined;
}

function probe(from: string, java: string | undefined, missing: string): JavaProbe {
  if (java === undefined) {
    return { from, problem: missing };
  }
  if (!isExecutable(java)) {
    return { from, java, problem: `${java} is not an executable` };
  }
  const run = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  if (run.error) {
    return { from, java, problem: `${java} -version failed: ${run.error.message}` };
  }
  const major = javaMajorVersion(`${run.stderr}\n${run.stdout}`);
  if (major === undefined) {
    return { from, java, problem: `${java} -version printed no version` };
  }
  if (major < MINIMUM_JAVA) {
    return { from, java, major, problem: `${java} is Java ${major}` };
  }
  return { from, java, major };
}

/**
 * The first Java 17+ among, in order: the `yardstick.java.home` setting, `JAVA_HOME`, `java` on the PATH.
 * A place that is set but unusable is reported, never skipped silently.
 */
export function findJava(settings: LaunchSettings, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const probes: JavaProbe[] = [];
  const places: Array<[string, () => string | undefined, string]> = [
    ['the setting yardstick.java.home', () => (settings.javaHome ? javaExecutable(settings.javaHome, platform) : undefined), 'not set'],
    ['JAVA_HOME', () => (env.JAVA_HOME ? javaExecutable(env.JAVA_HOME, platform) : undefined), 'not set'],
    ['the PATH', () => onPath(env, platform), 'no java on it'],
  ];
  for (const [from, locate, missing] of places) {
    const found = probe(from, locate(), missing);
    if (found.problem === undefined && found.java !== undefined) {
      return found.java;
    }
    probes.push(found);
  }
  const tried = probes.map((p) => `${p.from}: ${p.problem}`).join('; ');
  throw new ServerLaunchError(
    `The Yardstick language server needs Java ${MINIMUM_JAVA} or newer, and none was found (${tried}). ` +
      `Install a Java ${MINIMUM_JAVA}+ runtime (on Debian or Ubuntu: apt-get install openjdk-17-jre-headless) ` +
      'or point the setting yardstick.java.home at one, then reload the window. ' +
      'Syntax colouring works without it; validation, completion and hover need the server.',
  );
}

/** The command that starts the server over stdio: the user's own command, else the bundled jar on Java 17+. */
export function serverCommand(
  extensionRoot: string,
  settings: LaunchSettings,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): ServerCommand {
  const own = (settings.serverCommand ?? []).filter((part) => part.trim() !== '');
  if (own.length > 0) {
    return { command: own[0], args: own.slice(1) };
  }
  const jar = path.join(extensionRoot, BUNDLED_JAR);
  if (!fs.existsSync(jar)) {
    throw new ServerLaunchError(
      `The Yardstick language server is missing from the extension (${jar}); reinstall the .vsix, ` +
        'or set yardstick.server.command to a Yardstick launcher, e.g. ["/path/to/yardstick", "lsp"].',
    );
  }
  return { command: findJava(settings, env, platform), args: ['-jar', jar, 'lsp'] };
}
