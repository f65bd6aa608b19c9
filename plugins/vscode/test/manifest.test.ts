import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { test } from 'node:test';
import { serverCommand } from '../src/launch';
import { EXTENSION_ROOT, tokenize } from './tokens';

function json(relative: string): any {
  return JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, relative), 'utf8'));
}

const manifest = json('package.json');

test('what package.json contributes exists and names one language, kpi, with the grammar source.kpi', () => {
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'kpi');
  assert.deepEqual(language.extensions, ['.kpi']);
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.language, 'kpi');
  assert.equal(json(grammar.path).scopeName, grammar.scopeName);
  assert.equal(manifest.contributes.snippets[0].language, 'kpi');
  for (const file of [language.configuration, grammar.path, manifest.contributes.snippets[0].path]) {
    assert.ok(fs.existsSync(path.join(EXTENSION_ROOT, file)), `${file} is missing`);
  }
  assert.deepEqual(manifest.activationEvents, ['onLanguage:kpi']);
  assert.equal(manifest.main, './out/src/extension.js');
});

test('the language configuration indents after an open brace and outdents a closing one', () => {
  const configuration = json('language-configuration.json');
  const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('\tsource Ticket "工单"@zh "Service ticket"@en {'));
  assert.ok(increase.test('metric nps "净推荐值"@zh : score(-100..100) higher-is-better {'));
  assert.ok(!increase.test('\tdimension region "区域"@zh { Ticket.region, Customer.region }'));
  assert.ok(!increase.test('\tlayer execution { metric volume : count higher-is-better { = count(Ticket) } }'));
  assert.ok(decrease.test('\t}'));
  assert.ok(!decrease.test('\ttarget <= 2h'));
  assert.equal(configuration.comments.lineComment, '//');
  assert.deepEqual(configuration.comments.blockComment, ['/*', '*/']);
  const word = new RegExp(configuration.wordPattern, 'g');
  assert.deepEqual('lower-is-better 2h firstResponseTime'.match(word), ['lower-is-better', '2h', 'firstResponseTime']);
});

/** A snippet's text as it is inserted when every placeholder keeps its default (the first choice of a list). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

test('every snippet, expanded with its defaults, is coloured by the grammar without leftovers', async () => {
  const snippets = json(manifest.contributes.snippets[0].path);
  assert.deepEqual(Object.keys(snippets).sort(), ['Layer', 'Link', 'Metric', 'Source', 'Template']);
  for (const [name, snippet] of Object.entries<any>(snippets)) {
    const text = expand(snippet.body);
    assert.doesNotMatch(text, /\$\{?\d/, `${name} keeps a placeholder: ${text}`);
    const lines = await tokenize(text);
    const keyword = lines.flat().find((token) => token.text === snippet.prefix);
    assert.ok(keyword, `${name}: no token ${snippet.prefix}`);
    assert.match(keyword.scopes.join(' '), /storage\.type\./, `${name}: ${snippet.prefix} is not coloured as a declaration`);
  }
});

test('the template snippet with the metric snippet in its execution layer validates without a finding', () => {
  const snippets = json(manifest.contributes.snippets[0].path);
  const metric = expand(snippets.Metric.body)
    .split('\n')
    .map((line) => `\t\t${line}`)
    .join('\n');
  const template = expand(snippets.Template.body).replace(/(layer execution [^{]*\{\n)\t\t\n/, `$1${metric}\n`);
  assert.match(template, /metric name/);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-snippet-'));
  try {
    const file = path.join(folder, 'snippet.kpi');
    fs.writeFileSync(file, template);
    const { command, args } = serverCommand(EXTENSION_ROOT, {}, process.env);
    const validate = spawnSync(command, [...args.slice(0, -1), 'validate', file], { encoding: 'utf8' });
    assert.equal(validate.stdout, '1 file: 0 errors, 0 warnings, 0 infos\n', validate.stderr);
    assert.equal(validate.status, 0);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
