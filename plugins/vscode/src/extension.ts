import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LaunchSettings, serverCommand, ServerLaunchError } from './launch';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('yardstick');
  const settings: LaunchSettings = {
    javaHome: configuration.get<string | null>('java.home'),
    serverCommand: configuration.get<string[]>('server.command'),
  };
  let launch;
  try {
    launch = serverCommand(context.extensionPath, settings, process.env);
  } catch (error) {
    if (error instanceof ServerLaunchError) {
      // The TextMate grammar still colours the file; only the server's features are missing.
      void vscode.window.showErrorMessage(error.message);
      return;
    }
    throw error;
  }
  const executable = { command: launch.command, args: launch.args, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'kpi' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.kpi') },
  };
  client = new LanguageClient('yardstick', 'Yardstick', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('yardstick')) {
        void vscode.window.showInformationMessage('Yardstick: reload the window to start the language server with the new settings.');
      }
    }),
  );
  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
