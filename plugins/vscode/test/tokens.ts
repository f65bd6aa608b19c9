// Tokenizes .kpi text with the extension's TextMate grammar, through the same engine VS Code uses
// (vscode-textmate on the Oniguruma WebAssembly build).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const EXTENSION_ROOT = path.resolve(__dirname, '..', '..');
export const REPOSITORY_ROOT = path.resolve(EXTENSION_ROOT, '..', '..');
const GRAMMAR = path.join(EXTENSION_ROOT, 'syntaxes', 'kpi.tmLanguage.json');

export interface Token {
  text: string;
  /** Scopes from outermost to innermost, without the root scope `source.kpi`. */
  scopes: string[];
}

let grammar: Promise<textmate.IGrammar> | undefined;

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.kpi' ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  const loaded = await registry.loadGrammar('source.kpi');
  if (!loaded) {
    throw new Error(`the grammar in ${GRAMMAR} did not load`);
  }
  return loaded;
}

/** The tokens of each line of the text, in order. */
export async function tokenize(text: string): Promise<Token[][]> {
  grammar ??= loadGrammar();
  const loaded = await grammar;
  let state = textmate.INITIAL;
  const lines: Token[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const result = loaded.tokenizeLine(line, state);
    lines.push(
      result.tokens.map((token) => ({
        text: line.substring(token.startIndex, token.endIndex),
        scopes: token.scopes.filter((scope) => scope !== 'source.kpi'),
      })),
    );
    state = result.ruleStack;
  }
  return lines;
}

/** The golden-file form: each line of the source, then each of its tokens that is not bare whitespace with its scopes. */
export function describe(source: string, lines: Token[][]): string {
  const sourceLines = source.split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((tokens, index) => {
    out.push(`${index + 1}: ${sourceLines[index]}`);
    for (const token of tokens) {
      if (token.text.trim() === '' && token.scopes.length === 0) {
        continue;
      }
      out.push(`    ${JSON.stringify(token.text)} ${token.scopes.join(' ') || '-'}`);
    }
  });
  return out.join('\n') + '\n';
}

/** Every .kpi file under a folder, as paths relative to it with forward slashes, sorted. */
export function kpiFiles(folder: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      found.push(...kpiFiles(path.join(folder, entry.name), relative));
    } else if (entry.name.endsWith('.kpi')) {
      found.push(relative);
    }
  }
  return found.sort();
}
