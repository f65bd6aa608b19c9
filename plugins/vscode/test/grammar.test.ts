import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { describe as describeTokens, kpiFiles, REPOSITORY_ROOT, EXTENSION_ROOT, Token, tokenize } from './tokens';

const TEMPLATES = path.join(REPOSITORY_ROOT, 'example-templates');
const GOLDEN = path.join(EXTENSION_ROOT, 'test', 'golden');
const UPDATE = process.env.YARDSTICK_GOLDEN_UPDATE === 'true';

function goldenName(template: string): string {
  return template.replace(/\//g, '__').replace(/\.kpi$/, '.tokens');
}

/** The innermost scope of each token that holds the given text on the line, for compact expectations. */
function scopesOf(tokens: Token[], text: string): string[] {
  const matching = tokens.filter((token) => token.text === text);
  assert.ok(matching.length > 0, `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return matching.map((token) => token.scopes[token.scopes.length - 1] ?? '-');
}

async function line(text: string): Promise<Token[]> {
  const [tokens] = await tokenize(text);
  return tokens;
}

test('every example template tokenizes as its golden token file says', async () => {
  const templates = kpiFiles(TEMPLATES);
  assert.ok(templates.length >= 7, `expected the example templates under ${TEMPLATES}, found ${templates}`);
  if (UPDATE) {
    fs.rmSync(GOLDEN, { recursive: true, force: true });
    fs.mkdirSync(GOLDEN, { recursive: true });
  }
  for (const template of templates) {
    const source = fs.readFileSync(path.join(TEMPLATES, template), 'utf8');
    const actual = describeTokens(source, await tokenize(source));
    const golden = path.join(GOLDEN, goldenName(template));
    if (UPDATE) {
      fs.writeFileSync(golden, actual);
    }
    assert.ok(fs.existsSync(golden), `no golden token file ${golden} for ${template}: run with YARDSTICK_GOLDEN_UPDATE=true`);
    assert.equal(actual, fs.readFileSync(golden, 'utf8'), `tokens of ${template} differ from ${golden}`);
  }
  const expected = templates.map(goldenName).sort();
  assert.deepEqual(fs.readdirSync(GOLDEN).sort(), expected, 'a golden token file without its template');
});

test('no token of an example template is left to the catch-all of unknown characters', async () => {
  for (const template of kpiFiles(TEMPLATES)) {
    const lines = await tokenize(fs.readFileSync(path.join(TEMPLATES, template), 'utf8'));
    lines.forEach((tokens, index) => {
      for (const token of tokens) {
        if (token.text.trim() !== '') {
          assert.ok(token.scopes.length > 0, `${template}:${index + 1}: ${JSON.stringify(token.text)} has no scope`);
        }
      }
    });
  }
});

test('quantities carry their unit: durations, percents and currencies', async () => {
  const tokens = await line('target <= 2h warning > 30 min critical > 95% cost > 500 CNY');
  assert.deepEqual(scopesOf(tokens, '2'), ['constant.numeric.kpi']);
  assert.deepEqual(scopesOf(tokens, 'h'), ['keyword.other.unit.duration.kpi']);
  assert.deepEqual(scopesOf(tokens, 'min'), ['keyword.other.unit.duration.kpi']);
  assert.deepEqual(scopesOf(tokens, '%'), ['keyword.other.unit.percent.kpi']);
  assert.deepEqual(scopesOf(tokens, 'CNY'), ['keyword.other.unit.currency.kpi']);
  assert.deepEqual(scopesOf(tokens, 'target'), ['keyword.other.attribute.kpi']);
  assert.deepEqual(scopesOf(tokens, '<='), ['keyword.operator.comparison.kpi']);
});

test('template tests: a table row is cells between bars, and expectations are keywords with quantities', async () => {
  const row = await line('\t\t| T1 | 2026-03-02 09:00 | null | "a | b" |');
  assert.deepEqual(scopesOf(row, '|'), Array(5).fill('punctuation.separator.table.kpi'));
  assert.deepEqual(scopesOf(row, 'T1'), ['string.unquoted.table-cell.kpi']);
  assert.deepEqual(scopesOf(row, '2026-03-02 09:00'), ['string.unquoted.table-cell.kpi']);
  assert.deepEqual(scopesOf(row, 'null'), ['constant.language.null.kpi']);
  assert.deepEqual(scopesOf(row, 'a | b'), ['string.quoted.double.kpi']);
  const expectation = await line('expect fcr in "2026-03" for region = "West" = 74.79% within 0.005%');
  assert.deepEqual(scopesOf(expectation, 'expect'), ['keyword.other.test.kpi']);
  assert.deepEqual(scopesOf(expectation, 'within'), ['keyword.other.test.kpi']);
  assert.deepEqual(scopesOf(expectation, '%'), ['keyword.other.unit.percent.kpi', 'keyword.other.unit.percent.kpi']);
});

test('a number before a keyword keeps the keyword: lag 1 month, 5 then', async () => {
  const tokens = await line('link a -> b : negative lag 1 month status hypothesized feedback "慢 → 低"');
  assert.deepEqual(scopesOf(tokens, 'link'), ['storage.type.link.kpi']);
  assert.deepEqual(scopesOf(tokens, 'month'), ['constant.language.grain.kpi']);
  assert.deepEqual(scopesOf(tokens, 'negative'), ['constant.language.polarity.kpi']);
  assert.deepEqual(scopesOf(tokens, 'status'), ['keyword.other.attribute.kpi']);
  assert.deepEqual(scopesOf(tokens, 'hypothesized'), ['constant.language.link-status.kpi']);
  assert.deepEqual(scopesOf(tokens, '->'), ['keyword.operator.arrow.kpi']);
  const conditional = await line('= if x > 5 then 1 else 2');
  assert.deepEqual(scopesOf(conditional, 'then'), ['keyword.control.conditional.kpi']);
});

test('labels and their language tags', async () => {
  const tokens = await line('source Ticket "工单"@zh "Service ticket"@en {');
  assert.deepEqual(scopesOf(tokens, 'source'), ['storage.type.source.kpi']);
  assert.deepEqual(scopesOf(tokens, 'Ticket'), ['entity.name.type.source.kpi']);
  assert.deepEqual(scopesOf(tokens, '工单'), ['string.quoted.double.kpi']);
  assert.deepEqual(scopesOf(tokens, 'zh'), ['entity.other.attribute-name.language-tag.kpi']);
  assert.deepEqual(scopesOf(tokens, 'en'), ['entity.other.attribute-name.language-tag.kpi']);
});

test('kinds after a colon, functions in formulas, and field names that are keywords elsewhere', async () => {
  const field = await line('\t\tstatus: enum(open, resolved, closed) "状态"@zh');
  assert.deepEqual(scopesOf(field, 'status'), ['variable.other.field.kpi']);
  assert.deepEqual(scopesOf(field, 'enum'), ['support.type.kind.kpi']);
  const unit = await line('\t\tcost: currency(CNY)?');
  assert.deepEqual(scopesOf(unit, 'currency'), ['support.type.kind.kpi']);
  assert.deepEqual(scopesOf(unit, 'CNY'), ['keyword.other.unit.kpi']);
  assert.deepEqual(scopesOf(unit, '?'), ['keyword.operator.optional.kpi']);
  const metric = await line('metric handled "已处理"@zh : count higher-is-better {');
  assert.deepEqual(scopesOf(metric, 'metric'), ['storage.type.metric.kpi']);
  assert.deepEqual(scopesOf(metric, 'handled'), ['entity.name.function.metric.kpi']);
  assert.deepEqual(scopesOf(metric, 'count'), ['support.type.kind.kpi']);
  assert.deepEqual(scopesOf(metric, 'higher-is-better'), ['storage.modifier.direction.kpi']);
  const formula = await line('= count(Ticket where Ticket.status = closed and period.start is not null)');
  assert.deepEqual(scopesOf(formula, 'count'), ['support.function.kpi']);
  assert.deepEqual(scopesOf(formula, 'status'), ['variable.other.member.kpi']);
  assert.deepEqual(scopesOf(formula, 'start'), ['variable.other.member.kpi']);
  assert.deepEqual(scopesOf(formula, 'period'), ['variable.language.period.kpi']);
  assert.deepEqual(scopesOf(formula, 'where'), ['keyword.operator.word.kpi']);
  assert.deepEqual(scopesOf(formula, 'null'), ['constant.language.null.kpi']);
});

test('comments, line and block, the block across lines; strings with escapes', async () => {
  const lines = await tokenize('/* a block\n   over lines */ template T { // the end\n description "say \\"hi\\"" }');
  assert.deepEqual(scopesOf(lines[1], '   over lines '), ['comment.block.kpi']);
  assert.deepEqual(scopesOf(lines[1], 'T'), ['entity.name.type.template.kpi']);
  assert.deepEqual(scopesOf(lines[1], ' the end'), ['comment.line.double-slash.kpi']);
  assert.deepEqual(scopesOf(lines[2], '\\"'), ['constant.character.escape.kpi', 'constant.character.escape.kpi']);
});

test('client data, breakdown values and per-entity aggregates: data, value, per and the data settings', async () => {
  const block = await line('data Order {');
  assert.deepEqual(scopesOf(block, 'data'), ['storage.type.data.kpi']);
  assert.deepEqual(scopesOf(block, 'Order'), ['entity.name.type.source.kpi']);
  const settings = await line('\tencoding "GBK" delimiter ";" timestamp "yyyy/M/d H:mm" sheet "订单"');
  assert.deepEqual(scopesOf(settings, 'encoding'), ['keyword.other.data-setting.kpi']);
  assert.deepEqual(scopesOf(settings, 'delimiter'), ['keyword.other.data-setting.kpi']);
  assert.deepEqual(scopesOf(settings, 'timestamp'), ['keyword.other.data-setting.kpi']);
  assert.deepEqual(scopesOf(settings, 'sheet'), ['keyword.other.data-setting.kpi']);
  const mapping = await line('\torderId = "订单号"');
  assert.deepEqual(scopesOf(mapping, 'orderId'), ['variable.other.kpi']);
  const field = await line('\t\tdata: text');
  assert.deepEqual(scopesOf(field, 'data'), ['variable.other.field.kpi']);
  const member = await line('= count(Ticket where Ticket.data and Ticket.date is null)');
  assert.deepEqual(scopesOf(member, 'data'), ['variable.other.member.kpi']);
  assert.deepEqual(scopesOf(member, 'date'), ['variable.other.member.kpi']);
  const value = await line('\tvalue "华东" "华东"@zh "East China"@en');
  assert.deepEqual(scopesOf(value, 'value'), ['keyword.other.value.kpi']);
  const chart = await line('tile csat: value');
  assert.deepEqual(scopesOf(chart, 'value'), ['support.constant.chart.kpi']);
  const entity = await line('= avg(sum(Order.margin) per Customer where Customer.active)');
  assert.deepEqual(scopesOf(entity, 'per'), ['keyword.operator.word.kpi']);
  assert.deepEqual(scopesOf(entity, 'Customer'), ['variable.other.kpi', 'variable.other.kpi']);
  const windows = await line('= rolling(sum(Sale.amount), 3) + yearToDate(count(Sale)) + periodsSince(Customer.signedAt)');
  assert.deepEqual(scopesOf(windows, 'rolling'), ['support.function.kpi']);
  assert.deepEqual(scopesOf(windows, 'yearToDate'), ['support.function.kpi']);
  assert.deepEqual(scopesOf(windows, 'periodsSince'), ['support.function.kpi']);
});

test('cohort tables: cohort and age, which may also name a metric or a field', async () => {
  const table = await line('cohort signupRetention "签约批次留存"@zh {');
  assert.deepEqual(scopesOf(table, 'cohort'), ['storage.type.cohort.kpi']);
  assert.deepEqual(scopesOf(table, 'signupRetention'), ['entity.name.type.cohort.kpi']);
  const age = await line('\tage 3 = retention3');
  assert.deepEqual(scopesOf(age, 'age'), ['keyword.other.attribute.kpi']);
  const field = await line('\t\tage: count');
  assert.deepEqual(scopesOf(field, 'age'), ['variable.other.field.kpi']);
});
