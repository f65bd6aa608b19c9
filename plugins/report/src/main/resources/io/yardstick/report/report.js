/*
 * Yardstick offline KPI report: the browser side.
 *
 * report.html carries everything: the payload (a JSON script element with
 * id "yardstick-report"), ECharts and this file. There is no network, no build step and no
 * framework. Every text that comes from the payload reaches the DOM through textContent or
 * setAttribute, never through HTML parsing; ECharts tooltips are the one place that takes HTML,
 * and every tooltip here is built by a formatter that escapes each piece of data text.
 *
 * State lives in the URL hash: #page=<page name>&lang=<zh|en>[&metric=<id>].
 *
 * When the payload carries a "review" (from `yardstick review`), a Review page follows the
 * definition's pages, named "review". Its hooks for tests: section.review-link[data-from][data-to]
 * [data-verdict] per link, with [data-review-points] (the number of points, as text) and
 * .verdict[data-verdict]; li.review-loop[data-loop][data-verdict] per loop; tr.review-finding
 * [data-code] per structural finding; [data-review-summary][data-count] per verdict; and the
 * review tab's .tab-count[data-review-contradicted] when links are contradicted.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------ UI strings

  const DICT = {
    en: {
      langNames: { zh: 'Chinese', en: 'English' },
      status: { critical: 'Critical', warning: 'Warning', missed: 'Missed', met: 'Met', tracked: 'Tracked', 'no-value': 'No value' },
      alertKind: { critical: 'Critical', warning: 'Warning', anomaly: 'Anomaly' },
      direction: {
        'higher-is-better': 'Higher is better', 'lower-is-better': 'Lower is better',
        'target-band': 'Stay within the band', none: 'Tracked, not judged'
      },
      kind: {
        percent: 'Percent', ratio: 'Ratio', number: 'Number', count: 'Count', score: 'Score',
        duration: 'Duration', currency: 'Currency', timestamp: 'Timestamp', date: 'Date'
      },
      grain: { day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' },
      grainUnit: { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'], quarter: ['quarter', 'quarters'], year: ['year', 'years'] },
      grainNoun: { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
      lag: (n, unit) => 'lag ' + n + ' ' + unit,
      periods: (n) => n + (n === 1 ? ' period' : ' periods'),
      metricsCount: (n) => n + (n === 1 ? ' metric' : ' metrics'),
      alertsSummary: (n) => n + (n === 1 ? ' alert' : ' alerts'),
      fallbackTitle: (want, have) => 'No ' + want + ' label; showing ' + have,
      idTitle: 'No label; showing the id',
      untagged: 'untagged',
      idTag: 'ID',
      target: 'Target', warning: 'Warning', critical: 'Critical',
      latest: 'Latest', latestPeriod: 'Latest period', statusOfLatest: 'Status of every metric, latest period',
      drivenBy: 'Driven by', drives: 'Drives', alerts: 'Alerts',
      none: '(none)', total: 'Total', by: 'By {name}',
      notRun: 'not computed in this run — run with --by {name}',
      notDeclared: 'not available — the metric is not declared by {name}',
      noTarget: 'No target: tracked only',
      vsPrev: 'vs {period}', noPrev: 'no previous value to compare', noChange: 'no change',
      upGood: 'An increase is good for this metric', upBad: 'An increase is bad for this metric', upNeutral: 'Neither direction is better in itself',
      noLinks: 'No causal links declared',
      noTiles: 'This page has no tiles.',
      noPages: 'This report has no pages.',
      unknownMetric: 'Unknown metric “{id}”: it is not in this run’s results.',
      noValues: 'No values for this metric in this run.',
      noPeriods: 'This run has no periods.',
      noValueLatest: 'No value in the latest period.',
      noBreakdowns: 'No breakdowns chosen for this tile.',
      unknownChart: 'Unknown chart type “{chart}”; showing the value only.',
      noChartLib: 'Charts are unavailable in this file.',
      tooMany: 'Showing the first {shown} of {count} groups.',
      badPayload: 'This report could not be read: its data is missing or damaged.',
      close: 'Close', language: 'Language', pages: 'Pages',
      id: 'Id', layer: 'Layer', kindLabel: 'Kind', unit: 'Unit', directionLabel: 'Direction',
      formula: 'Formula', description: 'Description', goal: 'Goal', owner: 'Owner', breakdowns: 'Breakdowns',
      supporting: 'Supporting metric', status2: 'Status', value: 'Value', trend: 'Trend, total',
      latestByBreakdown: 'Latest period by breakdown',
      cohortTable: 'Cohort table',
      cohortColumn: 'Cohort',
      cohortAge: 'Age {age}',
      cohortNote: 'Cohort c at age k is the age-k metric in period c + k; — where the cohort is too young or has no value.',
      noDescription: 'No description.', notSet: 'not set',
      positive: 'Positive link: when the driver rises, this rises', negative: 'Negative link: when the driver rises, this falls',
      legendPositive: 'Positive', legendNegative: 'Negative', legendLagged: 'Lagged', legendLoop: 'In a loop',
      loops: 'Loops', noLoops: 'No loops declared.', showAll: 'Clear highlight',
      graphHint: 'Arrows run from a driver to the metric it moves. Click a metric for details; point at a loop to follow it.',
      otherLayer: 'Other',
      unknownLinks: 'Links naming metrics that are not in this run: {list}',
      linkStatus: 'Link status: {status}',
      alertCols: ['Severity', 'Metric', 'Period', 'Breakdown', 'Value', 'Rule'],
      alertGroupCols: ['Severity', 'Period', 'Value', 'Rule'],
      noAlerts: 'No alerts',
      breaches: {
        critical: (n) => n + ' critical',
        warning: (n) => n + (n === 1 ? ' warning' : ' warnings')
      },
      breachTop: ', {n} in {value}',
      breachTitle: 'Threshold breaches in {period}, the total and every breakdown; {n} of them in {value}',
      breachTitleNone: 'Threshold breaches in the latest period, the total and every breakdown',
      alertsChipTitle: '{breaches} threshold breaches and {anomalies} anomalies of the last {recent} periods; {older} older anomalies on the Alerts page',
      anomaliesRecent: 'Anomalies of the last {recent} periods are shown ({shown} of {count}).',
      anomaliesAll: 'Anomalies of every period are shown ({count}).',
      showHistory: 'Show the whole history',
      showRecent: 'Show recent periods only',
      anomalyRule: (z, median) => 'robust z ' + z + ' against a median of ' + median,
      alertsInGroup: (n) => n + (n === 1 ? ' alert' : ' alerts'),
      alertRules: 'Threshold alerts look at {scope}; anomalies are values whose {method} score reaches {threshold} (with at least {min} points).',
      anomalyMethods: { 'robust-z': 'robust z' },
      scopeLatest: 'the latest period', scopeAll: 'every period',
      metricAlerts: 'Alerts for this metric',
      page: 'Page',
      percentPoints: ' pp',
      summaryCaption: 'Latest status of {n} metrics ({period})',
      causalLinks: 'Causal links',
      linkStatuses: { hypothesized: 'hypothesized', validated: 'validated', confirmed: 'confirmed', rejected: 'rejected' },
      // The review page. Its words are "consistent with" and "contradicts": a correlation is evidence, not a demonstration.
      reviewPage: 'Review',
      // The conformance page: how this template departs from the one it extends.
      conformancePage: 'Conformance',
      conformanceSubtitle: (o) => o.template + ' against ' + o.against + ': ' + o.added + ' added, ' + o.removed +
        ' removed, ' + o.changed + ' changed',
      conformanceChange: { added: 'Added', removed: 'Removed', changed: 'Changed' },
      // The kind of subject, before its name: 'metric csat', 'link a -> b', 'loop x'.
      conformanceSubject: { metric: 'metric', link: 'link', loop: 'loop' },
      conformanceColumns: ['Change', 'What', 'Meaning', 'Before → after'],
      noDifferences: 'No differences: the template takes effect exactly as the one it extends.',
      reviewSubtitle: 'What this run’s data says about each declared link',
      linksCount: (n) => n + (n === 1 ? ' link' : ' links'),
      verdict: { supported: 'Supported', contradicted: 'Contradicted', inconclusive: 'Inconclusive' },
      verdictTitle: {
        supported: 'Consistent with the declared link: both coefficients have its sign and are significant',
        contradicted: 'Contradicts the declared link: both coefficients are significant and have the opposite sign',
        inconclusive: 'Too few points, not significant, or the two coefficients disagree'
      },
      verdictsLabel: 'Verdicts of the declared links',
      contradictedTitle: (n) => n + (n === 1 ? ' link contradicts' : ' links contradict') + ' its declaration',
      pointUnit: (dims, grain, n) => {
        const unit = n === 1 ? grain.one : grain.many;
        if (!dims.length) return unit;
        const names = dims.map((d) => d.toLowerCase());
        return names.length === 1 ? names[0] + '-' + unit : names.join(' × ') + ' × ' + grain.one + (n === 1 ? ' point' : ' points');
      },
      reviewOver: (n, unit, same) => (same ? 'Over ' + n + ' ' + unit : 'Over up to ' + n + ' ' + unit + ' per link'),
      reviewMethod: (m) => 'Method: α = ' + m.alpha + '; a verdict needs at least ' + m.min + ' points and both Pearson and Spearman ' +
        'significant with one sign; below ' + m.perm + ' points p-values come from ' + m.count + ' permutations (seed ' + m.seed +
        '), otherwise from the t distribution.',
      reviewCaveat: 'Correlation is not causation: a supported link is consistent with the declared effect but does not demonstrate it. ' +
        'A common driver, a shared trend or chance can produce the same pattern.',
      reviewTemplate: 'This review was computed for template “{review}”, but the report shows “{report}”.',
      pearson: 'Pearson r', spearman: 'Spearman ρ', points: 'Points', slope: 'Slope',
      permutation: 'permutation',
      permutationTitle: 'p-value from {count} random permutations of the points',
      tTitle: 'p-value from the t distribution',
      slopePer: 'per +{dx}',
      slopeTitle: 'Least-squares line in stored units: slope {slope}, intercept {intercept}',
      axisX: 'x', axisY: 'y',
      effectLater: ' ({lag} later)',
      groupsOneColour: '{n} groups, shown in one colour.',
      sampleOf: 'Plotting {shown} of {n} points.',
      noPoints: 'No points to plot.',
      reviewLinks: 'Evidence per link', reviewNoLinks: 'The review has no links.',
      reviewLoops: 'Loops', declaredSign: 'Declared', observedSign: 'Observed',
      notObserved: 'Not every link on the loop has a verdict, so no sign is observed',
      weakestLink: 'Weakest link',
      weakestTitle: 'The link with the weakest evidence; show its card',
      findings: 'Structural findings', noFindings: 'No structural findings',
      findingCols: ['Severity', 'Code', 'Message', 'Location'],
      severity: { error: 'Error', warning: 'Warning', info: 'Info' },
      polarityWord: { positive: 'positive', negative: 'negative' },
      signWord: { positive: 'positive', negative: 'negative' },
      reason: {
        supported: (o) => 'Consistent with the declared ' + o.pol + ' link' + (o.lag ? ' (' + o.lag + ')' : '') + ': Pearson r = ' + o.r +
          ' and Spearman ρ = ' + o.rho + ' over ' + o.n + ' ' + o.unit + ', ' + o.p + '.',
        contradicted: (o) => 'Contradicts the declared ' + o.pol + ' link' + (o.lag ? ' (' + o.lag + ')' : '') + ': both coefficients are ' +
          o.dir + ' (r = ' + o.r + ', ρ = ' + o.rho + '), ' + o.p + '.',
        tooFew: (o) => 'Too few points: ' + o.n + ', fewer than the ' + o.min + ' a verdict needs.',
        noCoefficient: () => 'No coefficient could be computed: a series is constant, or there are fewer than three points.',
        disagree: (o) => 'The two coefficients disagree: r = ' + o.r + ', ρ = ' + o.rho + '.',
        notSignificant: (o) => 'Not significant: ' + o.p + ' is not below α = ' + o.alpha + '.',
        other: () => 'The evidence does not decide this link.'
      }
    },
    zh: {
      langNames: { zh: '中文', en: '英文' },
      status: { critical: '严重', warning: '预警', missed: '未达标', met: '达标', tracked: '跟踪', 'no-value': '无数据' },
      alertKind: { critical: '严重', warning: '预警', anomaly: '异常' },
      direction: {
        'higher-is-better': '越高越好', 'lower-is-better': '越低越好',
        'target-band': '保持在区间内', none: '仅跟踪，不评判'
      },
      kind: {
        percent: '百分比', ratio: '比率', number: '数值', count: '计数', score: '评分',
        duration: '时长', currency: '金额', timestamp: '时间点', date: '日期'
      },
      grain: { day: '按日', week: '按周', month: '按月', quarter: '按季度', year: '按年' },
      grainUnit: { day: ['天', '天'], week: ['周', '周'], month: ['个月', '个月'], quarter: ['个季度', '个季度'], year: ['年', '年'] },
      grainNoun: { day: '日', week: '周', month: '月', quarter: '季度', year: '年' },
      lag: (n, unit) => '滞后 ' + n + ' ' + unit,
      periods: (n) => '共 ' + n + ' 期',
      metricsCount: (n) => n + ' 个指标',
      alertsSummary: (n) => n + ' 条告警',
      fallbackTitle: (want, have) => '没有' + want + '名称，显示' + have + '名称',
      idTitle: '没有名称，显示标识',
      untagged: '未标注语言',
      idTag: 'ID',
      target: '目标', warning: '预警线', critical: '严重线',
      latest: '最新', latestPeriod: '最新一期', statusOfLatest: '各指标最新一期状态',
      drivenBy: '驱动因素', drives: '影响', alerts: '告警',
      none: '（无）', total: '总计', by: '按 {name}',
      notRun: '本次运行未计算 —— 请加上 --by {name} 运行',
      notDeclared: '不可用 —— 该指标未声明按 {name} 拆分',
      noTarget: '无目标：仅跟踪',
      vsPrev: '较 {period}', noPrev: '没有上一期数值可比较', noChange: '持平',
      upGood: '该指标上升为好', upBad: '该指标上升为差', upNeutral: '该指标升降本身无好坏',
      noLinks: '未声明因果关系',
      noTiles: '此页没有指标卡片。',
      noPages: '此报告没有页面。',
      unknownMetric: '未知指标“{id}”：本次运行结果中没有它。',
      noValues: '本次运行没有该指标的数值。',
      noPeriods: '本次运行没有任何周期。',
      noValueLatest: '最新一期没有数值。',
      noBreakdowns: '此卡片未选择拆分维度。',
      unknownChart: '未知图表类型“{chart}”；仅显示数值。',
      noChartLib: '此文件中图表不可用。',
      tooMany: '仅显示 {count} 组中的前 {shown} 组。',
      badPayload: '无法读取此报告：数据缺失或已损坏。',
      close: '关闭', language: '语言', pages: '页面',
      id: '标识', layer: '层级', kindLabel: '类型', unit: '单位', directionLabel: '方向',
      formula: '公式', description: '说明', goal: '目的', owner: '负责人', breakdowns: '拆分维度',
      supporting: '辅助指标', status2: '状态', value: '数值', trend: '趋势（总计）',
      latestByBreakdown: '最新一期分组情况',
      cohortTable: '批次表',
      cohortColumn: '批次',
      cohortAge: '第 {age} 期',
      cohortNote: '批次 c 在第 k 期的值是第 k 期指标在 c + k 期的值；批次未满 k 期或无值处为 —。',
      noDescription: '暂无说明。', notSet: '未设置',
      positive: '正向：驱动指标上升，本指标随之上升', negative: '负向：驱动指标上升，本指标随之下降',
      legendPositive: '正向', legendNegative: '负向', legendLagged: '有滞后', legendLoop: '属于回路',
      loops: '因果回路', noLoops: '未声明回路。', showAll: '取消高亮',
      graphHint: '箭头从驱动指标指向受影响的指标。点击指标查看详情；指向回路可高亮其路径。',
      otherLayer: '其他',
      unknownLinks: '以下关系涉及本次运行中不存在的指标：{list}',
      linkStatus: '关系状态：{status}',
      alertCols: ['级别', '指标', '周期', '拆分', '数值', '规则'],
      alertGroupCols: ['级别', '周期', '数值', '规则'],
      noAlerts: '没有告警',
      breaches: {
        critical: (n) => n + ' 项严重',
        warning: (n) => n + ' 项预警'
      },
      breachTop: '，其中 {n} 项在{value}',
      breachTitle: '{period} 的阈值突破，含总计和各拆分；其中 {n} 项在{value}',
      breachTitleNone: '最新一期的阈值突破，含总计和各拆分',
      alertsChipTitle: '{breaches} 项阈值突破，最近 {recent} 期的 {anomalies} 项异常；另有 {older} 项更早的异常在告警页',
      anomaliesRecent: '显示最近 {recent} 期的异常（共 {count} 项中的 {shown} 项）。',
      anomaliesAll: '显示所有周期的异常（{count} 项）。',
      showHistory: '显示全部历史',
      showRecent: '只显示最近几期',
      anomalyRule: (z, median) => '稳健 z 值 ' + z + '，中位数为 ' + median,
      alertsInGroup: (n) => n + ' 条告警',
      alertRules: '阈值告警检查{scope}；当数值的 {method} 分数达到 {threshold} 时记为异常（至少 {min} 个数据点）。',
      anomalyMethods: { 'robust-z': '稳健 z' },
      scopeLatest: '最新一期', scopeAll: '每一期',
      metricAlerts: '该指标的告警',
      page: '页面',
      percentPoints: ' 个百分点',
      summaryCaption: '{n} 个指标的最新状态（{period}）',
      causalLinks: '因果关系',
      linkStatuses: { hypothesized: '假设', validated: '已验证', confirmed: '已确认', rejected: '已否定' },
      reviewPage: '证据审阅',
      conformancePage: '合规差异',
      conformanceSubtitle: (o) => o.template + ' 对比 ' + o.against + '：新增 ' + o.added + '，移除 ' + o.removed +
        '，变更 ' + o.changed,
      conformanceChange: { added: '新增', removed: '移除', changed: '变更' },
      conformanceSubject: { metric: '指标', link: '链接', loop: '回路' },
      conformanceColumns: ['变化', '对象', '含义', '之前 → 之后'],
      noDifferences: '没有差异：该模板与其继承的模板完全一致。',
      reviewSubtitle: '本次运行的数据对每条声明的因果关系说明了什么',
      linksCount: (n) => n + ' 条关系',
      verdict: { supported: '得到支持', contradicted: '与声明相反', inconclusive: '证据不足' },
      verdictTitle: {
        supported: '与声明的关系一致：两个相关系数方向与声明相同且显著',
        contradicted: '与声明的关系相反：两个相关系数均显著且方向相反',
        inconclusive: '数据点太少、不显著，或两个相关系数方向不一致'
      },
      verdictsLabel: '各条声明关系的结论',
      contradictedTitle: (n) => n + ' 条关系与声明相反',
      pointUnit: (dims, grain) => (dims.length ? dims.join('×') + '×' + grain.noun : grain.noun),
      reviewOver: (n, unit, same) => '按' + unit + (same ? '，共 ' + n + ' 个点' : '，每条关系最多 ' + n + ' 个点'),
      reviewMethod: (m) => '方法：α = ' + m.alpha + '；至少 ' + m.min + ' 个点才下结论，且 Pearson 与 Spearman 系数同号并均显著；' +
        '少于 ' + m.perm + ' 个点时 p 值由 ' + m.count + ' 次随机置换得出（种子 ' + m.seed + '），否则由 t 分布得出。',
      reviewCaveat: '相关不等于因果：“得到支持”只说明数据与声明的关系一致，不能据此断定因果——共同的驱动因素、同步的趋势或偶然都可能产生同样的相关。',
      reviewTemplate: '此审阅针对模板“{review}”计算，而本报告显示的是“{report}”。',
      pearson: 'Pearson r', spearman: 'Spearman ρ', points: '数据点', slope: '斜率',
      permutation: '置换检验',
      permutationTitle: 'p 值由 {count} 次随机置换得出',
      tTitle: 'p 值由 t 分布得出',
      slopePer: '每 +{dx}',
      slopeTitle: '最小二乘直线（存储单位）：斜率 {slope}，截距 {intercept}',
      axisX: 'x', axisY: 'y',
      effectLater: '（{lag}）',
      groupsOneColour: '共 {n} 组，统一用一种颜色显示。',
      sampleOf: '绘制了 {n} 个点中的 {shown} 个。',
      noPoints: '没有可绘制的数据点。',
      reviewLinks: '各条关系的证据', reviewNoLinks: '审阅中没有因果关系。',
      reviewLoops: '因果回路', declaredSign: '声明', observedSign: '观察',
      notObserved: '回路上并非每条关系都有结论，因此没有观察到的符号',
      weakestLink: '最薄弱的关系',
      weakestTitle: '证据最弱的关系；点击查看其卡片',
      findings: '结构检查', noFindings: '没有结构问题',
      findingCols: ['级别', '代码', '说明', '位置'],
      severity: { error: '错误', warning: '警告', info: '提示' },
      polarityWord: { positive: '正向', negative: '负向' },
      signWord: { positive: '正', negative: '负' },
      reason: {
        supported: (o) => '与声明的' + o.pol + '关系一致' + (o.lag ? '（' + o.lag + '）' : '') + '：Pearson r = ' + o.r +
          '，Spearman ρ = ' + o.rho + '，共 ' + o.n + ' 个点，' + o.p + '。',
        contradicted: (o) => '与声明的' + o.pol + '关系相反' + (o.lag ? '（' + o.lag + '）' : '') + '：两个系数均为' + o.dir +
          '（r = ' + o.r + '，ρ = ' + o.rho + '），' + o.p + '。',
        tooFew: (o) => '数据点太少：只有 ' + o.n + ' 个，下结论至少需要 ' + o.min + ' 个。',
        noCoefficient: () => '无法计算相关系数：序列为常数，或数据点少于 3 个。',
        disagree: (o) => '两个系数方向不一致：r = ' + o.r + '，ρ = ' + o.rho + '。',
        notSignificant: (o) => '不显著：' + o.p + '，未低于 α = ' + o.alpha + '。',
        other: () => '现有证据不足以判断这条关系。'
      }
    }
  };

  const LANGS = ['zh', 'en'];
  const LANG_BUTTONS = { zh: '中文', en: 'English' };
  const STATUSES = ['critical', 'warning', 'missed', 'met', 'tracked', 'no-value'];
  // Saturated colours for marks; the CSS has the same values as custom properties.
  const STATUS_COLOR = {
    critical: '#d93025', warning: '#e3a008', missed: '#ea7b1a', met: '#1e8e3e', tracked: '#8a94a3', 'no-value': '#b7bec9'
  };
  // Soft colours for zones (gauge bands) where a saturated fill would shout.
  const STATUS_SOFT = {
    critical: '#f4a19a', warning: '#f9d77e', missed: '#f8bf8a', met: '#93d3a8', tracked: '#d5dbe3', 'no-value': '#e3e7ed'
  };
  // A shape per status, so a badge reads without colour.
  const STATUS_GLYPH = { critical: '◆', warning: '▲', missed: '●', met: '✓', tracked: '○', 'no-value': '–' };
  const ALERT_ORDER = ['critical', 'warning', 'anomaly'];
  // Anomalies of this many latest periods are shown by default; the rest of the history is one click away.
  const RECENT_PERIODS = 3;
  const THRESHOLD_COLOR = { target: '#1e8e3e', warning: '#d69500', critical: '#d93025' };
  const UNIT_SECONDS = { s: 1, min: 60, h: 3600, d: 86400, w: 604800 };
  const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, ' +
    '"Noto Sans CJK SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif';
  const LINE_COLOR = '#5a6b8a';
  const AXIS_TEXT = '#6b7685';
  const TABLE_PERIODS = 6;
  const MAX_GROUPS = 24;
  const VERDICTS = ['supported', 'contradicted', 'inconclusive'];
  const VERDICT_GLYPH = { supported: '✓', contradicted: '✕', inconclusive: '?' };
  const SEVERITIES = ['error', 'warning', 'info'];
  // Group colours on review scatters: no red or green, which mean contradicted and supported here.
  const GROUP_COLORS = ['#4e79a7', '#f28e2b', '#76b7b2', '#b07aa1', '#edc948', '#9c755f', '#ff9da7', '#7f8fbf'];
  const MAX_SCATTER_GROUPS = 8;
  const FIT_COLOR = '#1f2937';
  const SVG_NS = 'http://www.w3.org/2000/svg';

  // ------------------------------------------------------------------ state

  const state = {
    model: null,
    lang: 'en',
    page: null,
    metric: null,
    /** Every page at once, for print (#print=all, or while the browser prints). */
    print: false,
    /** The browser is printing a page that was not opened with #print=all. */
    browserPrinting: false,
    rendered: false,
    pageCharts: [],
    drawerCharts: [],
    pendingCharts: [],
    dom: {}
  };

  // ------------------------------------------------------------------ small helpers

  function arr(x) { return Array.isArray(x) ? x : []; }
  function obj(x) { return x && typeof x === 'object' && !Array.isArray(x) ? x : {}; }
  function str(x) { return typeof x === 'string' ? x : (x == null ? '' : String(x)); }
  function isNum(x) { return typeof x === 'number' && isFinite(x); }
  function nonEmpty(x) { return typeof x === 'string' && x.trim() !== ''; }
  /** o[k] only when o has it itself: payload words such as "constructor" must not reach Object.prototype. */
  function own(o, k) { return o != null && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined; }

  function esc(s) {
    return str(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  /** A dictionary entry in the current language, English when missing; {name} placeholders filled in. */
  function t(key, vars) {
    const pick = (lang) => key.split('.').reduce((o, k) => own(o, k), DICT[lang]);
    let v = pick(state.lang);
    if (v === undefined) v = pick('en');
    if (v === undefined) return key;
    if (typeof v === 'string' && vars) {
      return v.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? str(vars[k]) : m));
    }
    return v;
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    setProps(node, props);
    appendAll(node, children);
    return node;
  }

  function svgEl(tag, props, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setProps(node, props);
    appendAll(node, children);
    return node;
  }

  function setProps(node, props) {
    if (!props) return;
    for (const [k, v] of Object.entries(props)) {
      if (v == null || v === false) continue;
      if (k === 'text') node.textContent = str(v);
      else if (k === 'class') node.setAttribute('class', v);
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : str(v));
    }
  }

  function appendAll(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
  }

  function note(text, extraClass) {
    return el('p', { class: 'note' + (extraClass ? ' ' + extraClass : ''), text });
  }

  function langName(code) {
    if (code === '') return t('untagged');
    return own(t('langNames'), code) || code;
  }

  function normLang(code) {
    const c = str(code).toLowerCase();
    if (c.startsWith('zh')) return 'zh';
    if (c.startsWith('en')) return 'en';
    return null;
  }

  // ------------------------------------------------------------------ labels

  /**
   * Resolves a label map: the current language, then the untagged label (the template's own
   * default, so not marked), then any other language, marked so the reader knows why the text
   * is in another language.
   */
  function resolveLabel(labels, id) {
    const map = obj(labels);
    const lang = state.lang;
    if (nonEmpty(map[lang])) return { text: map[lang], from: null };
    for (const key of Object.keys(map)) {
      if (normLang(key) === lang && nonEmpty(map[key])) return { text: map[key], from: null };
    }
    if (nonEmpty(map[''])) return { text: map[''], from: null };
    const keys = Object.keys(map).filter((k) => nonEmpty(map[k]));
    const other = keys.find((k) => normLang(k) === 'en') || keys.find((k) => normLang(k) === 'zh') || keys[0];
    if (other !== undefined) return { text: map[other], from: other };
    return { text: str(id), from: null, isId: true };
  }

  function labelText(labels, id) { return resolveLabel(labels, id).text; }

  /** The label as a span; a fallback carries a visible tag explaining it. */
  function labelEl(labels, id, extraClass) {
    const r = resolveLabel(labels, id);
    const span = el('span', { class: 'label' + (extraClass ? ' ' + extraClass : '') }, el('span', { class: 'label-text', text: r.text }));
    if (r.isId) {
      span.appendChild(el('span', { class: 'fallback', title: t('idTitle'), text: t('idTag') }));
    } else if (r.from !== null) {
      span.appendChild(el('span', {
        class: 'fallback', lang: r.from || null,
        title: t('fallbackTitle')(langName(state.lang), langName(r.from)),
        text: (r.from || '?').toUpperCase()
      }));
    }
    return span;
  }

  function metricLabels(id) {
    const m = state.model.metricById.get(id);
    return m ? m.labels : null;
  }

  function metricLabelEl(id) { return labelEl(metricLabels(id), id); }
  function metricLabelText(id) { return labelText(metricLabels(id), id); }

  /** A button that opens the detail panel; the click is handled by one delegated listener. */
  function metricLink(id, extraClass) {
    return el('button', { type: 'button', class: 'metric-link' + (extraClass ? ' ' + extraClass : ''), 'data-open-metric': id }, metricLabelEl(id));
  }

  // ------------------------------------------------------------------ the model

  function normCell(c) {
    const cell = obj(c);
    const status = STATUSES.includes(cell.status) ? cell.status : 'no-value';
    const value = isNum(cell.value) ? cell.value : null;
    const display = typeof cell.display === 'string' ? cell.display : '—';
    return { value, display, status };
  }

  /**
   * The review page, after the definition's own pages, when the payload has a review: named "review"
   * unless the definition already uses that name.
   */
  function reviewPage(pages) {
    const taken = new Set(pages.map((p) => p.name));
    const name = taken.has('review') ? 'yardstick-review' : 'review';
    return { name, kind: 'review', labels: { en: DICT.en.reviewPage, zh: DICT.zh.reviewPage }, layer: null, tiles: [] };
  }

  function buildModel(payload) {
    const def = obj(payload.definition);
    const res = obj(payload.results);
    const metrics = arr(res.metrics).filter((m) => m && typeof m.id === 'string');
    const conds = arr(def.metrics).filter((m) => m && typeof m.id === 'string');
    const layers = arr(res.layers).filter((l) => l && typeof l.name === 'string')
      .slice().sort((a, b) => (isNum(b.level) ? b.level : 0) - (isNum(a.level) ? a.level : 0));
    const groupings = arr(res.groupings).filter((g) => g && typeof g.name === 'string');
    const links = arr(def.links).filter((l) => l && typeof l.from === 'string' && typeof l.to === 'string');
    return {
      def, res,
      template: obj(res.template),
      grain: str(res.grain),
      periods: arr(res.periods).map((p) => ({ label: str(obj(p).label), start: obj(p).start, end: obj(p).end,
        partial: obj(p).partial === true, headline: obj(p).headline === true })),
      metrics,
      metricById: new Map(metrics.map((m) => [m.id, m])),
      condById: new Map(conds.map((m) => [m.id, m])),
      layers,
      layerByName: new Map(layers.map((l) => [l.name, l])),
      groupings,
      values: obj(res.values),
      cohorts: arr(res.cohorts).filter((c) => c && typeof c.name === 'string' && Array.isArray(c.ages) && Array.isArray(c.rows)),
      links,
      loops: arr(def.loops).filter((l) => l && Array.isArray(l.steps)),
      dimensionByName: new Map(arr(def.dimensions).filter((d) => d && typeof d.name === 'string').map((d) => [d.name, d])),
      // The labels of breakdown values, from results.json ("dimensions" is absent when the template labels none).
      valueLabels: new Map(arr(res.dimensions).filter((d) => d && typeof d.name === 'string').map((d) => [d.name, obj(d.values)])),
      pages: withConformancePage(withReviewPage(arr(def.pages).filter((p) => p && typeof p.name === 'string'),
        payload.review), payload.conformance),
      conformance: payload.conformance == null ? null : obj(payload.conformance),
      alerts: arr(payload.alerts).filter((a) => a && typeof a === 'object'),
      review: payload.review == null ? null : obj(payload.review),
      alertRules: obj(def.alertRules),
      language: normLang(payload.language) || 'en'
    };
  }

  function withReviewPage(pages, review) {
    return review == null ? pages : pages.concat([reviewPage(pages)]);
  }

  /** The conformance page, last, when the template extends another: named "conformance" unless taken. */
  function withConformancePage(pages, conformance) {
    if (conformance == null) return pages;
    const taken = new Set(pages.map((p) => p.name));
    const name = taken.has('conformance') ? 'yardstick-conformance' : 'conformance';
    return pages.concat([{ name, kind: 'conformance', labels: { en: DICT.en.conformancePage, zh: DICT.zh.conformancePage },
      layer: null, tiles: [] }]);
  }

  /** The cells of a metric for a grouping, period by period, or null when the run has none. */
  function seriesOf(id, groupingName) {
    const byGrouping = obj(state.model.values[id]);
    const s = byGrouping[groupingName];
    if (!Array.isArray(s)) return null;
    return s.map((row) => arr(row).map(normCell));
  }

  function totalSeries(id) {
    const s = seriesOf(id, 'total');
    if (!s) return null;
    return state.model.periods.map((p, i) => (s[i] && s[i][0]) || normCell(null));
  }

  // The headline period: the last one the data covers to its end (results.json marks it), else the latest.
  function headlineIndex() {
    const i = state.model.periods.findIndex((p) => p.headline);
    return i >= 0 ? i : state.model.periods.length - 1;
  }

  // A partial period's label carries a half-filled circle, in every language.
  function periodLabel(p) {
    return p ? p.label + (p.partial ? ' ◐' : '') : '';
  }

  function latestTotal(id) {
    const s = totalSeries(id);
    return s && s.length ? s[Math.min(headlineIndex(), s.length - 1)] : null;
  }

  function latestStatus(id) {
    const c = latestTotal(id);
    return c ? c.status : 'no-value';
  }

  function findGrouping(name) {
    const gs = state.model.groupings;
    return gs.find((g) => g.name === name) || gs.find((g) => arr(g.dimensions).join('*') === name) || null;
  }

  /** A breakdown as readers know it: each dimension's label, crossed ones joined ("Region × Segment"). */
  function dimensionText(name) {
    return str(name).split('*').map((d) => labelText(obj(state.model.dimensionByName.get(d)).labels, d)).join(' \u00d7 ');
  }

  /**
   * A breakdown's value in the current language: its label, else the value as the data holds it. A label
   * from another language is tagged with it ("西北 (ZH)"), as label fallbacks are, so the reader sees why.
   */
  function valueText(dim, v) {
    if (v == null) return t('none');
    const labels = own(obj(state.model.valueLabels.get(str(dim))), str(v));
    if (labels === undefined) return str(v);
    const r = resolveLabel(labels, v);
    return r.from !== null && !r.isId ? r.text + ' (' + (r.from || '?').toUpperCase() + ')' : r.text;
  }

  /** A group: its values in the current language, one per dimension of the grouping. */
  function groupText(values, dims) {
    const vs = arr(values);
    if (!vs.length) return t('total');
    const ds = arr(dims);
    return vs.map((v, i) => valueText(ds[i], v)).join(' · ');
  }

  function linksInto(id) { return state.model.links.filter((l) => l.to === id); }
  function linksOutOf(id) { return state.model.links.filter((l) => l.from === id); }

  function pageHref(pageName, lang) {
    const params = new URLSearchParams();
    params.set('page', pageName);
    params.set('lang', lang);
    return '#' + params.toString();
  }

  // ------------------------------------------------------------------ numbers and units

  /** How stored values are shown: percent fractions ×100, durations in the metric's unit. */
  function scaleOf(metric) {
    const kind = obj(metric).kind;
    if (kind === 'percent') return { factor: 100, suffix: '%', deltaSuffix: t('percentPoints') };
    if (kind === 'duration') {
      const unit = own(UNIT_SECONDS, metric.unit) ? metric.unit : 'h';
      return { factor: 1 / UNIT_SECONDS[unit], suffix: ' ' + unit, deltaSuffix: ' ' + unit };
    }
    if (kind === 'currency' && nonEmpty(metric.unit)) return { factor: 1, suffix: ' ' + metric.unit, deltaSuffix: ' ' + metric.unit };
    return { factor: 1, suffix: '', deltaSuffix: '' };
  }

  function toShown(metric, v) { return isNum(v) ? v * scaleOf(metric).factor : null; }

  const numberFormats = new Map();
  function fmtNum(x, decimals) {
    const d = Math.max(0, Math.min(6, decimals));
    if (!numberFormats.has(d)) numberFormats.set(d, new Intl.NumberFormat('en-US', { maximumFractionDigits: d }));
    return numberFormats.get(d).format(x);
  }

  function autoDecimals(metric, x) {
    if (obj(metric).kind === 'count') return 0;
    const a = Math.abs(x);
    if (a >= 1000) return 0;
    if (a >= 100) return 1;
    if (a >= 1) return 2;
    return 3;
  }

  /** A value already in shown units, with the unit: "4.5%", "2.25 h", "1,234". */
  function fmtShown(metric, x, decimals) {
    if (!isNum(x)) return '—';
    return fmtNum(x, decimals == null ? autoDecimals(metric, x) : decimals) + scaleOf(metric).suffix;
  }

  function decimalsOf(x) {
    const s = String(+x.toPrecision(8));
    const i = s.indexOf('.');
    return i < 0 ? 0 : s.length - i - 1;
  }

  function niceStep(raw) {
    if (!(raw > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    const f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
  }

  /** Axis bounds on round numbers, so tick labels stay short; clamped to a range when given. */
  function niceExtent(values, clamp) {
    const vs = values.filter(isNum);
    if (!vs.length) return null;
    let lo = Math.min(...vs);
    let hi = Math.max(...vs);
    if (lo === hi) {
      const pad = Math.abs(lo) * 0.1 || 1;
      lo -= pad;
      hi += pad;
    }
    const step = niceStep((hi - lo) / 4);
    const dec = decimalsOf(step);
    let min = +(Math.floor(lo / step) * step).toFixed(dec);
    let max = +(Math.ceil(hi / step) * step).toFixed(dec);
    if (clamp) {
      if (isNum(clamp.min) && min < clamp.min) min = clamp.min;
      if (isNum(clamp.max) && max > clamp.max) max = clamp.max;
    }
    return { min, max, interval: step, decimals: dec };
  }

  /** The range a metric's values can take, in shown units, or null when open-ended. */
  function rangeOf(metric) {
    if (metric.kind === 'percent') return { min: 0, max: 100 };
    if (isNum(metric.min) && isNum(metric.max) && metric.max > metric.min) return { min: metric.min, max: metric.max };
    return null;
  }

  // ------------------------------------------------------------------ conditions

  function conditionsOf(id) {
    const c = state.model.condById.get(id);
    if (!c) return {};
    const pick = (x) => (x && typeof x === 'object' && isNum(x.value) ? x : null);
    return { target: pick(c.target), warning: pick(c.warning), critical: pick(c.critical) };
  }

  /** The conditions converted to shown units, so lines and bands sit on the plotted scale. */
  function shownConditions(metric) {
    const out = {};
    const conds = conditionsOf(metric.id);
    for (const key of ['target', 'warning', 'critical']) {
      const c = conds[key];
      if (!c) continue;
      out[key] = { operator: c.operator, value: toShown(metric, c.value), high: isNum(c.high) ? toShown(metric, c.high) : null };
    }
    return out;
  }

  function holds(c, v) {
    switch (c.operator) {
      case '=': return v === c.value;
      case '!=': return v !== c.value;
      case '<': return v < c.value;
      case '<=': return v <= c.value;
      case '>': return v > c.value;
      case '>=': return v >= c.value;
      case 'between': return isNum(c.high) && v >= c.value && v <= c.high;
      case 'outside': return isNum(c.high) && (v < c.value || v > c.high);
      default: return false;
    }
  }

  /** The status rule of results.md, on shown units. */
  function judge(conds, v) {
    if (conds.critical && holds(conds.critical, v)) return 'critical';
    if (conds.warning && holds(conds.warning, v)) return 'warning';
    if (conds.target) return holds(conds.target, v) ? 'met' : 'missed';
    return 'tracked';
  }

  /** Horizontal reference lines: one per numeric bound of each condition. */
  function thresholdLines(metric) {
    const conds = shownConditions(metric);
    const lines = [];
    for (const key of ['target', 'warning', 'critical']) {
      const c = conds[key];
      if (!c) continue;
      for (const v of [c.value, c.high]) {
        if (isNum(v)) lines.push({ key, value: v, text: t(key) + ' ' + fmtShown(metric, v) });
      }
    }
    return lines;
  }

  // ------------------------------------------------------------------ charts

  function chartsAvailable() { return typeof window.echarts === 'object' && typeof window.echarts.init === 'function'; }

  /**
   * Initialises a chart only on an attached container with a size: ECharts warns about
   * zero-sized containers, and a hidden page has nothing to show anyway.
   */
  function mountChart(container, option, bucket) {
    if (!chartsAvailable()) {
      container.replaceWith(note(t('noChartLib')));
      return;
    }
    if (!container.isConnected) return;
    if (container.clientWidth === 0 || container.clientHeight === 0) {
      // Attached but not laid out (say, a window with no size yet): try again on the next resize.
      state.pendingCharts.push({ container, option, bucket });
      return;
    }
    // Printed charts stay vectors in the PDF. While the browser prints a screen page they stay canvases, which
    // the print style sheet can shrink to a narrower sheet (an SVG would be cut off instead).
    const svg = state.print && !state.browserPrinting;
    const chart = window.echarts.init(container, null, { renderer: svg ? 'svg' : 'canvas' });
    chart.setOption(option);
    bucket.push(chart);
  }

  function disposeCharts(bucket) {
    while (bucket.length) {
      const c = bucket.pop();
      if (!c.isDisposed()) c.dispose();
    }
  }

  function chartBox(kind, height) {
    return el('div', { class: 'chart chart-' + kind, style: 'height:' + Math.round(height) + 'px' });
  }

  function tooltipDot(status) {
    return '<span class="tt-dot" style="background:' + (STATUS_COLOR[status] || STATUS_COLOR['no-value']) + '"></span>';
  }

  function tooltipRow(title, cell) {
    return '<div class="tt-title">' + esc(title) + '</div>' +
      '<div class="tt-row">' + tooltipDot(cell.status) + '<b>' + esc(cell.display) + '</b>' +
      '<span class="tt-status">' + esc(t('status.' + cell.status)) + '</span></div>';
  }

  function baseOption() {
    return {
      animation: false,
      textStyle: { fontFamily: FONT },
      tooltip: {
        confine: true, backgroundColor: '#fff', borderColor: '#dde2ea', borderWidth: 1, padding: [6, 10],
        textStyle: { color: '#1f2937', fontSize: 12, fontFamily: FONT },
        extraCssText: 'box-shadow:0 4px 14px rgba(15,23,42,.12);border-radius:8px;'
      }
    };
  }

  function trendOption(metric, cells) {
    const periods = state.model.periods;
    const shown = cells.map((c) => toShown(metric, c.value));
    const lines = thresholdLines(metric);
    const ext = niceExtent(shown.concat(lines.map((l) => l.value)), rangeOf(metric));
    if (!ext) return null;
    const last = cells.length - 1;
    const option = baseOption();
    option.tooltip.trigger = 'axis';
    option.tooltip.axisPointer = { type: 'line', lineStyle: { color: '#c3cad5' } };
    option.tooltip.formatter = (params) => {
      const p = Array.isArray(params) ? params[0] : params;
      const i = p ? p.dataIndex : -1;
      if (!(i >= 0 && i < cells.length)) return '';
      return tooltipRow(periodLabel(periods[i]), cells[i]);
    };
    option.grid = { left: 6, right: 14, top: 20, bottom: 2, containLabel: true };
    option.xAxis = {
      type: 'category', boundaryGap: false, data: periods.map(periodLabel),
      axisLine: { lineStyle: { color: '#d3d9e2' } }, axisTick: { show: false },
      axisLabel: { color: AXIS_TEXT, fontSize: 10, hideOverlap: true }
    };
    option.yAxis = {
      type: 'value', min: ext.min, max: ext.max, interval: ext.interval,
      splitLine: { lineStyle: { color: '#eef1f5' } },
      axisLabel: { color: AXIS_TEXT, fontSize: 10, formatter: (v) => fmtShown(metric, v, ext.decimals) }
    };
    option.series = [{
      type: 'line',
      data: shown.map((v, i) => ({
        value: v == null ? '-' : v,
        symbolSize: i === last ? 10 : 6,
        itemStyle: { color: STATUS_COLOR[cells[i].status] }
      })),
      symbol: 'circle', showAllSymbol: true, connectNulls: false,
      lineStyle: { color: LINE_COLOR, width: 2 },
      itemStyle: { borderColor: '#fff', borderWidth: 1.5 },
      areaStyle: { color: LINE_COLOR, opacity: 0.05 },
      emphasis: { scale: false },
      markLine: {
        silent: true, symbol: 'none', animation: false,
        data: lines.map((l) => ({
          yAxis: l.value,
          lineStyle: { color: THRESHOLD_COLOR[l.key], type: 'dashed', width: 1.2, opacity: 0.85 },
          label: { position: 'insideEndTop', color: THRESHOLD_COLOR[l.key], fontSize: 10, formatter: () => l.text }
        }))
      }
    }];
    return option;
  }

  /** Colour zones along a gauge's arc: each stretch coloured by the status a value there gets. */
  function gaugeBands(metric, range) {
    const conds = shownConditions(metric);
    if (!conds.target && !conds.warning && !conds.critical) return [[1, STATUS_SOFT.tracked]];
    const cuts = [range.min, range.max];
    for (const c of Object.values(conds)) {
      for (const v of [c.value, c.high]) if (isNum(v) && v > range.min && v < range.max) cuts.push(v);
    }
    const sorted = Array.from(new Set(cuts)).sort((a, b) => a - b);
    const bands = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const colour = STATUS_SOFT[judge(conds, (sorted[i] + sorted[i + 1]) / 2)];
      const end = (sorted[i + 1] - range.min) / (range.max - range.min);
      if (bands.length && bands[bands.length - 1][1] === colour) bands[bands.length - 1][0] = end;
      else bands.push([end, colour]);
    }
    return bands;
  }

  function gaugeOption(metric, cell, range) {
    const v = toShown(metric, cell ? cell.value : null);
    const option = baseOption();
    option.tooltip = { show: false };
    option.series = [{
      type: 'gauge', min: range.min, max: range.max, splitNumber: 4,
      startAngle: 200, endAngle: -20, radius: '118%', center: ['50%', '66%'],
      axisLine: { lineStyle: { width: 14, color: gaugeBands(metric, range) } },
      pointer: { show: v != null, length: '62%', width: 5, itemStyle: { color: '#3b4658' } },
      anchor: { show: v != null, size: 10, itemStyle: { color: '#3b4658' } },
      progress: { show: false },
      axisTick: { show: false },
      splitLine: { distance: -14, length: 14, lineStyle: { color: '#fff', width: 2 } },
      axisLabel: { distance: 20, color: AXIS_TEXT, fontSize: 10, formatter: (x) => fmtShown(metric, x, decimalsOf(x)) },
      title: { show: false },
      detail: { show: false },
      data: v == null ? [] : [{ value: Math.min(range.max, Math.max(range.min, v)) }]
    }];
    return option;
  }

  function barOption(metric, grouping, cells, compact) {
    const names = arr(grouping.groups).slice(0, cells.length).map((g) => groupText(g, grouping.dimensions));
    const shown = cells.map((c) => toShown(metric, c.value));
    const lines = thresholdLines(metric).filter((l) => !compact || l.key === 'target');
    const range = rangeOf(metric);
    // Bars grow from zero, or from the bottom of a scale that starts above zero (a 1..5 score).
    const floor = range && range.min > 0 ? range.min : 0;
    // A negative bar carries its label on its left: leave room for it before the axis labels.
    const lowest = Math.min(0, ...shown.filter(isNum));
    const ext = niceExtent(shown.concat(lines.map((l) => l.value), [floor, lowest * 1.45]), range);
    if (!ext) return null;
    const option = baseOption();
    option.tooltip.trigger = 'item';
    option.tooltip.formatter = (p) => {
      const i = p && p.dataIndex;
      if (!(i >= 0 && i < cells.length)) return '';
      return tooltipRow(names[i], cells[i]);
    };
    option.grid = { left: 4, right: 54, top: compact ? 2 : 6, bottom: compact ? 2 : 4, containLabel: true };
    option.xAxis = {
      type: 'value', min: ext.min, max: ext.max, interval: ext.interval, show: !compact,
      splitLine: { lineStyle: { color: '#eef1f5' } },
      axisLabel: { show: !compact, color: AXIS_TEXT, fontSize: 10, formatter: (v) => fmtShown(metric, v, ext.decimals) }
    };
    option.yAxis = {
      type: 'category', inverse: true, data: names,
      axisTick: { show: false }, axisLine: { show: !compact, lineStyle: { color: '#d3d9e2' } },
      axisLabel: { color: '#3b4658', fontSize: 11, width: 92, overflow: 'truncate' }
    };
    option.series = [{
      type: 'bar', barMaxWidth: compact ? 11 : 16, barCategoryGap: '35%',
      // An empty value gets an invisible bar at the axis start, so that its label still says "—" there.
      data: shown.map((v, i) => ({
        value: v == null ? Math.max(floor, ext.min) : v,
        itemStyle: v == null ? { color: 'transparent' }
          : { color: STATUS_COLOR[cells[i].status], borderRadius: v < 0 ? [3, 0, 0, 3] : [0, 3, 3, 0] },
        // A negative bar grows left, so its label goes on that side too.
        label: v != null && v < 0 ? { position: 'left' } : undefined
      })),
      label: {
        show: true, position: 'right', distance: 4, color: '#3b4658', fontSize: 10.5,
        formatter: (p) => (cells[p.dataIndex] && nonEmpty(cells[p.dataIndex].display) ? cells[p.dataIndex].display : '—')
      },
      emphasis: { disabled: true },
      markLine: {
        silent: true, symbol: 'none', animation: false,
        data: lines.map((l) => ({
          xAxis: l.value,
          lineStyle: { color: THRESHOLD_COLOR[l.key], type: 'dashed', width: 1.2 },
          label: { show: false }
        }))
      }
    }];
    return option;
  }

  // ------------------------------------------------------------------ shared pieces

  function badge(status, extraClass) {
    const s = STATUSES.includes(status) ? status : 'no-value';
    return el('span', { class: 'badge status-' + s + (extraClass ? ' ' + extraClass : ''), 'data-status': s },
      el('span', { class: 'badge-glyph', 'aria-hidden': 'true', text: STATUS_GLYPH[s] }),
      el('span', { class: 'badge-text', text: t('status.' + s) }));
  }

  function lagText(lag) {
    const l = obj(lag);
    if (!isNum(l.count)) return '';
    const units = own(t('grainUnit'), l.grain);
    const unit = units ? units[l.count === 1 ? 0 : 1] : str(l.grain);
    return t('lag')(l.count, unit);
  }

  function linkStatusText(status) {
    return own(t('linkStatuses'), status) || status;
  }

  function polaritySign(polarity) {
    if (polarity === 'positive') return '+';
    if (polarity === 'negative') return '−';
    return '?';
  }

  function polarityClass(polarity) {
    return polarity === 'positive' ? 'pos' : polarity === 'negative' ? 'neg' : 'unknown';
  }

  /** The change against the previous period, with an arrow whose colour says good or bad. */
  function deltaEl(metric, cells) {
    const n = cells ? Math.min(cells.length, headlineIndex() + 1) : 0;
    const last = n ? cells[n - 1] : null;
    const prev = n > 1 ? cells[n - 2] : null;
    if (!last || !prev || last.value == null || prev.value == null) {
      return el('span', { class: 'delta delta-none', text: t('noPrev') });
    }
    const scale = scaleOf(metric);
    const d = toShown(metric, last.value) - toShown(metric, prev.value);
    const decimals = metric.kind === 'percent' ? 1 : Math.max(autoDecimals(metric, toShown(metric, last.value)), 1);
    const rounded = +d.toFixed(decimals);
    const period = state.model.periods[n - 2].label;
    if (rounded === 0) {
      return el('span', { class: 'delta delta-neutral', 'data-delta': 'flat' },
        el('span', { class: 'delta-arrow', 'aria-hidden': 'true', text: '→' }),
        el('span', { class: 'delta-text', text: t('noChange') }),
        el('span', { class: 'delta-ref', text: t('vsPrev', { period }) }));
    }
    const up = rounded > 0;
    let quality = 'neutral';
    let title = t('upNeutral');
    if (metric.direction === 'higher-is-better') { quality = up ? 'good' : 'bad'; title = t('upGood'); }
    if (metric.direction === 'lower-is-better') { quality = up ? 'bad' : 'good'; title = t('upBad'); }
    const text = (up ? '+' : '−') + fmtNum(Math.abs(rounded), decimals) + scale.deltaSuffix;
    return el('span', { class: 'delta delta-' + quality, 'data-delta': up ? 'up' : 'down', title },
      el('span', { class: 'delta-arrow', 'aria-hidden': 'true', text: up ? '↑' : '↓' }),
      el('span', { class: 'delta-text', text }),
      el('span', { class: 'delta-ref', text: t('vsPrev', { period }) }));
  }

  function thresholdList(metric) {
    const items = [];
    for (const key of ['target', 'warning', 'critical']) {
      if (!nonEmpty(metric[key])) continue;
      items.push(el('div', { class: 'threshold threshold-' + key },
        el('dt', { text: t(key) }), el('dd', { text: metric[key] })));
    }
    if (!items.length) items.push(el('div', { class: 'threshold threshold-none' }, el('dd', { text: t('noTarget') })));
    return el('dl', { class: 'thresholds' }, items);
  }

  function directionText(metric) {
    const d = metric.direction;
    return t('direction.' + (own(DICT.en.direction, d) ? d : 'none'));
  }

  function linkItem(link, otherId, withRationale) {
    const pol = polarityClass(link.polarity);
    const lag = lagText(link.lag);
    const known = state.model.metricById.has(otherId);
    const title = [t(link.polarity === 'negative' ? 'negative' : 'positive'), lag, str(link.rationale)].filter(nonEmpty).join(' · ');
    const main = known
      ? el('button', { type: 'button', class: 'link-target metric-link', 'data-open-metric': otherId, title }, metricLabelEl(otherId))
      : el('span', { class: 'link-target', title }, metricLabelEl(otherId));
    return el('li', { class: 'link-item link-' + pol + (link.lag ? ' lagged' : ''), 'data-metric': otherId, 'data-polarity': str(link.polarity) },
      el('span', { class: 'polarity polarity-' + pol, title: t(link.polarity === 'negative' ? 'negative' : 'positive'), text: polaritySign(link.polarity) }),
      main,
      lag ? el('span', { class: 'lag', text: lag }) : null,
      withRationale && nonEmpty(link.rationale) ? el('p', { class: 'rationale', text: link.rationale }) : null,
      withRationale && nonEmpty(link.status) ? el('span', { class: 'link-status', text: t('linkStatus', { status: linkStatusText(link.status) }) }) : null);
  }

  function linkLists(id, withRationale) {
    const incoming = linksInto(id);
    const outgoing = linksOutOf(id);
    if (!incoming.length && !outgoing.length) return el('div', { class: 'links links-empty' }, note(t('noLinks'), 'muted'));
    const block = (cls, heading, links, otherOf) => (links.length
      ? el('div', { class: 'link-group ' + cls },
        el('h4', { text: heading }),
        el('ul', { class: 'link-list' }, links.map((l) => linkItem(l, otherOf(l), withRationale))))
      : null);
    return el('div', { class: 'links' },
      block('driven-by', t('drivenBy'), incoming, (l) => l.from),
      block('drives', t('drives'), outgoing, (l) => l.to));
  }

  /** Where a tile's breakdown comes from, or why there is none. */
  function breakdownData(metric, name) {
    const grouping = findGrouping(name);
    const series = grouping ? seriesOf(metric.id, grouping.name) : null;
    if (grouping && series) return { grouping, series };
    const dims = grouping ? arr(grouping.dimensions) : str(name).split('*');
    const declared = arr(metric.breakdowns);
    const isDeclared = dims.length > 0 && dims.every((d) => declared.includes(d));
    return { missing: isDeclared || !grouping ? 'notRun' : 'notDeclared' };
  }

  function breakdownHeader(name, metric, extra) {
    const target = shownConditions(metric).target;
    return el('div', { class: 'breakdown-head' },
      el('h4', { text: t('by', { name: dimensionText(name) }) }),
      target && extra !== false && nonEmpty(metric.target)
        ? el('span', { class: 'target-key', title: t('target') }, el('span', { class: 'dash', 'aria-hidden': 'true' }), t('target') + ' ' + metric.target)
        : null);
  }

  function missingBreakdown(name, why) {
    return el('div', { class: 'breakdown breakdown-missing', 'data-breakdown': name },
      el('p', { class: 'note note-missing-breakdown' },
        el('strong', { text: t('by', { name: dimensionText(name) }) + ': ' }),
        t(why, { name })));
  }

  function breakdownBars(metric, name, compact, jobs, bucket) {
    const data = breakdownData(metric, name);
    if (data.missing) return missingBreakdown(name, data.missing);
    const cells = data.series.length ? data.series[Math.min(headlineIndex(), data.series.length - 1)] : [];
    const shown = cells.slice(0, MAX_GROUPS);
    const box = el('div', { class: 'breakdown breakdown-bars' + (compact ? ' compact' : ''), 'data-breakdown': name },
      breakdownHeader(name, metric));
    if (!shown.length) {
      box.appendChild(note(t('noValueLatest')));
      return box;
    }
    const option = barOption(metric, data.grouping, shown, compact);
    if (!option) {
      box.appendChild(note(t('noValueLatest')));
      return box;
    }
    const chart = chartBox('bar', shown.length * (compact ? 20 : 28) + (compact ? 8 : 34));
    box.appendChild(chart);
    if (cells.length > shown.length) box.appendChild(note(t('tooMany', { shown: shown.length, count: cells.length }), 'muted'));
    jobs.push(() => mountChart(chart, option, bucket));
    return box;
  }

  function breakdownTable(metric, name, jobs) {
    const data = breakdownData(metric, name);
    if (data.missing) return missingBreakdown(name, data.missing);
    const periods = state.model.periods;
    const first = Math.max(0, periods.length - TABLE_PERIODS);
    const idx = periods.map((p, i) => i).slice(first);
    const groups = arr(data.grouping.groups).slice(0, MAX_GROUPS);
    const cellTd = (cell) => el('td', {
      class: 'cell status-' + cell.status, 'data-status': cell.status, title: t('status.' + cell.status), text: cell.display
    });
    const row = (label, cellsAt, cls) => el('tr', { class: cls || null },
      el('th', { scope: 'row', title: label }, el('span', { class: 'group-name', text: label })),
      idx.map((i) => cellTd(cellsAt(i))));
    const total = totalSeries(metric.id);
    const table = el('table', { class: 'breakdown-table' },
      el('thead', null, el('tr', null,
        el('th', { scope: 'col', text: dimensionText(arr(data.grouping.dimensions).join('*') || name) }),
        idx.map((i) => el('th', { scope: 'col', text: periodLabel(periods[i]), class: i === headlineIndex() ? 'latest-col' : null })))),
      el('tbody', null, groups.map((g, gi) => row(groupText(g, data.grouping.dimensions), (i) => normCell(arr(data.series[i])[gi])))),
      total ? el('tfoot', null, row(t('total'), (i) => total[i], 'total-row')) : null);
    const scroller = el('div', { class: 'table-scroll' }, table);
    // When the table is wider than the tile, keep the latest period (the right edge) in view.
    if (jobs) jobs.push(() => { scroller.scrollLeft = scroller.scrollWidth; });
    return el('div', { class: 'breakdown breakdown-table-wrap', 'data-breakdown': name },
      breakdownHeader(name, metric, false),
      scroller,
      data.grouping.groups.length > groups.length
        ? note(t('tooMany', { shown: groups.length, count: data.grouping.groups.length }), 'muted') : null);
  }

  // A triangle: cohorts down, ages across. The shade says how high a value is within the table, so that a
  // cohort that keeps its customers stands out whatever the metric's unit.
  function cohortTable(cohort) {
    const values = cohort.rows.flatMap((r) => arr(obj(r).cells).map((c) => normCell(c).value)).filter(isNum);
    const low = values.length ? Math.min(...values) : 0;
    const high = values.length ? Math.max(...values) : 0;
    const shade = (v) => (high > low ? (v - low) / (high - low) : 1).toFixed(2);
    const cellTd = (raw) => {
      const cell = normCell(raw);
      return isNum(cell.value)
        ? el('td', { class: 'cell cohort-cell', style: '--shade: ' + shade(cell.value), title: t('status.' + cell.status), text: cell.display })
        : el('td', { class: 'cell cohort-empty', text: '—' });
    };
    const table = el('table', { class: 'breakdown-table cohort-table', 'data-cohort': cohort.name },
      el('thead', null, el('tr', null,
        el('th', { scope: 'col', text: t('cohortColumn') }),
        cohort.ages.map((a) => el('th', { scope: 'col', title: metricLabelText(str(obj(a).metric)), text: t('cohortAge', { age: obj(a).age }) })))),
      el('tbody', null, cohort.rows.map((r) => el('tr', null,
        el('th', { scope: 'row', text: str(obj(r).cohort) }),
        arr(obj(r).cells).map(cellTd)))));
    return el('div', { class: 'cohort' },
      el('h3', null, t('cohortTable') + ' · ', labelEl(obj(cohort.labels), cohort.name)),
      el('div', { class: 'table-scroll' }, table),
      note(t('cohortNote'), 'muted'));
  }

  // ------------------------------------------------------------------ header

  function renderHeader() {
    const m = state.model;
    const templateLabel = resolveLabel(m.template.labels, m.template.name || m.def.template || '');
    const reportLabels = m.def.labels;
    const reportText = labelText(reportLabels, m.def.name || '');
    const periods = m.periods;
    const latest = periods.length ? periods[periods.length - 1].label : '—';
    const range = periods.length ? periods[0].label + ' – ' + latest : t('noPeriods');

    const counts = {};
    for (const s of STATUSES) counts[s] = 0;
    for (const metric of m.metrics) counts[latestStatus(metric.id)] += 1;

    const alertsPage = m.pages.find((p) => p.kind === 'alerts');
    const alertsHref = alertsPage ? pageHref(alertsPage.name, state.lang) : null;
    const breachCount = m.alerts.filter((a) => a.kind !== 'anomaly').length;
    const recentAnomalies = m.alerts.filter((a) => a.kind === 'anomaly' && isRecent(a)).length;
    const olderAnomalies = m.alerts.filter((a) => a.kind === 'anomaly').length - recentAnomalies;
    const alertCount = breachCount + recentAnomalies;
    const alertChip = el(alertsPage ? 'a' : 'span', {
      class: 'chip chip-alerts' + (alertCount ? ' has-alerts' : ''),
      'data-alert-count': alertCount,
      title: t('alertsChipTitle', { breaches: breachCount, anomalies: recentAnomalies, older: olderAnomalies, recent: RECENT_PERIODS }),
      href: alertsHref
    },
    el('span', { class: 'chip-label', text: t('alerts') }),
    el('span', { class: 'chip-count', text: String(alertCount) }));
    const breachChips = el('div', { class: 'breaches', role: 'group', 'aria-label': t('alerts') },
      ['critical', 'warning'].map((kind) => breachChip(breachSummary(kind), alertsHref)));

    const titleRow = el('div', { class: 'titles' },
      templateLabel.text !== reportText ? el('p', { class: 'overline' }, labelEl(m.template.labels, m.template.name || m.def.template || '')) : null,
      el('h1', { class: 'report-title' }, labelEl(reportLabels, m.def.name || m.template.name || 'Yardstick')),
      el('p', { class: 'meta' },
        m.grain ? el('span', { class: 'meta-item grain', text: own(DICT.en.grain, m.grain) ? t('grain.' + m.grain) : m.grain }) : null,
        el('span', { class: 'meta-item range', text: range }),
        periods.length ? el('span', { class: 'meta-item count', text: t('periods')(periods.length) }) : null,
        el('span', { class: 'meta-item latest' },
          el('span', { class: 'meta-key', text: t('latestPeriod') }),
          el('strong', { class: 'latest-period', text: latest }))));

    const chips = el('div', { class: 'summary', role: 'group', 'aria-label': t('statusOfLatest') },
      STATUSES.map((s) => el('span', {
        class: 'chip status-' + s + (counts[s] ? '' : ' is-zero'), 'data-summary-status': s, 'data-count': counts[s]
      },
      el('span', { class: 'chip-glyph', 'aria-hidden': 'true', text: STATUS_GLYPH[s] }),
      el('span', { class: 'chip-label', text: t('status.' + s) }),
      el('span', { class: 'chip-count', text: String(counts[s]) }))),
      alertChip);
    const summary = el('div', { class: 'summary-block' },
      breachChips,
      el('p', { class: 'summary-caption', text: t('summaryCaption', { n: m.metrics.length, period: latest }) }),
      chips);

    const tabs = el('nav', { class: 'tabs', 'aria-label': t('pages') },
      m.pages.map((p) => el('a', {
        class: 'tab' + (state.page === p ? ' active' : ''), 'data-page': p.name,
        href: pageHref(p.name, state.lang), 'aria-current': state.page === p ? 'page' : null
      }, labelEl(p.labels, p.name),
      p.kind === 'alerts' && alertCount ? el('span', { class: 'tab-count', text: String(alertCount) }) : null,
      p.kind === 'review' ? contradictedCount() : null)));

    const langs = el('div', { class: 'lang-switch', role: 'group', 'aria-label': t('language') },
      LANGS.map((code) => el('button', {
        type: 'button', class: 'lang' + (code === state.lang ? ' active' : ''), 'data-lang': code, lang: code,
        'aria-pressed': code === state.lang ? 'true' : 'false',
        onclick: () => navigate({ lang: code })
      }, LANG_BUTTONS[code])));

    return el('header', { class: 'report-header' },
      el('div', { class: 'header-main' }, titleRow, summary),
      el('div', { class: 'header-bar' }, tabs, langs));
  }

  /**
   * The threshold breaches of one kind, in the total and every breakdown (Yardstick raises them for one period
   * only, the latest it judges), and the breakdown value most of them share: "6 critical, 5 in 西北".
   */
  function breachSummary(kind) {
    const breaches = state.model.alerts.filter((a) => a.kind === kind);
    const tally = new Map();
    for (const a of breaches) {
      const g = findGrouping(str(a.grouping));
      const dims = g ? arr(g.dimensions) : str(a.grouping).split('*');
      arr(a.group).forEach((v, i) => {
        if (v == null) return;
        const key = str(dims[i]) + '\u0000' + str(v);
        const entry = tally.get(key) || { dim: str(dims[i]), value: str(v), n: 0 };
        entry.n += 1;
        tally.set(key, entry);
      });
    }
    let top = null;
    for (const e of tally.values()) if (!top || e.n > top.n) top = e;
    return { kind, count: breaches.length, period: breaches.length ? str(breaches[0].period) : null, top: top && top.n > 1 ? top : null };
  }

  function breachChip(b, href) {
    const top = b.top ? valueText(b.top.dim, b.top.value) : null;
    return el(href ? 'a' : 'span', {
      class: 'chip breach status-' + b.kind + (b.count ? '' : ' is-zero'), href,
      'data-breaches': b.kind, 'data-count': b.count,
      'data-top-value': b.top ? b.top.value : null, 'data-top-count': b.top ? b.top.n : null,
      title: b.top ? t('breachTitle', { period: b.period, n: b.top.n, value: top }) : t('breachTitleNone')
    },
    el('span', { class: 'chip-glyph', 'aria-hidden': 'true', text: STATUS_GLYPH[b.kind] }),
    el('span', { class: 'chip-label', text: t('breaches.' + b.kind)(b.count) + (top ? t('breachTop', { n: b.top.n, value: top }) : '') }));
  }

  /** The labels of the periods whose anomalies are shown without asking: the last RECENT_PERIODS. */
  function recentPeriods() {
    return new Set(state.model.periods.slice(-RECENT_PERIODS).map((p) => p.label));
  }

  function isRecent(a) {
    return a.kind !== 'anomaly' || recentPeriods().has(str(a.period));
  }

  // ------------------------------------------------------------------ metrics page

  function renderTile(tile, jobs) {
    const id = str(obj(tile).metric);
    const metric = state.model.metricById.get(id);
    if (!metric) {
      return el('section', { class: 'tile tile-unknown', 'data-metric': id, 'data-status': 'no-value' },
        el('header', { class: 'tile-head' }, el('h3', { class: 'tile-title' }, labelEl(null, id)), badge('no-value')),
        note(t('unknownMetric', { id }), 'warning-note'));
    }
    const cells = totalSeries(id);
    const cell = cells && cells.length ? cells[Math.min(headlineIndex(), cells.length - 1)] : null;
    const status = cell ? cell.status : 'no-value';
    const chartKind = str(tile.chart);
    const breakdowns = arr(tile.breakdowns).map(str).filter(nonEmpty);
    const section = el('section', { class: 'tile', 'data-metric': id, 'data-status': status, 'data-chart': chartKind });

    section.appendChild(el('header', { class: 'tile-head' },
      el('h3', { class: 'tile-title' }, metricLink(id)),
      badge(status)));

    section.appendChild(el('div', { class: 'kpi' },
      el('span', { class: 'kpi-value status-text-' + status, 'data-metric-value': id, text: cell ? cell.display : '—' }),
      cells ? deltaEl(metric, cells) : null));

    section.appendChild(el('div', { class: 'tile-meta' },
      thresholdList(metric),
      el('span', { class: 'direction direction-' + (metric.direction || 'none'), text: directionText(metric) })));

    if (!cells) {
      section.appendChild(note(state.model.values[id] ? t('noPeriods') : t('noValues'), 'warning-note'));
    } else if (!cells.length) {
      section.appendChild(note(t('noPeriods'), 'warning-note'));
    } else {
      appendTileChart(section, metric, tile, chartKind, cells, breakdowns, jobs);
    }

    section.appendChild(linkLists(id, false));
    return section;
  }

  function appendTileChart(section, metric, tile, chartKind, cells, breakdowns, jobs) {
    const bucket = state.pageCharts;
    const body = el('div', { class: 'tile-chart' });
    section.appendChild(body);
    let kind = chartKind;
    if (!['value', 'gauge', 'trend', 'bar', 'table'].includes(kind)) {
      body.appendChild(note(t('unknownChart', { chart: kind }), 'muted'));
      kind = 'value';
    }
    if (kind === 'gauge' && !rangeOf(metric)) kind = 'trend';
    if (kind === 'gauge') {
      const box = chartBox('gauge', 190);
      body.appendChild(box);
      const option = gaugeOption(metric, cell, rangeOf(metric));
      jobs.push(() => mountChart(box, option, bucket));
    } else if (kind === 'trend') {
      const option = trendOption(metric, cells);
      if (option) {
        const box = chartBox('trend', 170);
        body.appendChild(box);
        jobs.push(() => mountChart(box, option, bucket));
      } else {
        body.appendChild(note(t('noValues')));
      }
    } else if (kind === 'bar' || kind === 'table') {
      if (!breakdowns.length) body.appendChild(note(t('noBreakdowns'), 'muted'));
      for (const b of breakdowns) {
        body.appendChild(kind === 'bar' ? breakdownBars(metric, b, false, jobs, bucket) : breakdownTable(metric, b, jobs));
      }
      return;
    }
    if (breakdowns.length) {
      body.appendChild(el('div', { class: 'breakdowns' }, breakdowns.map((b) => breakdownBars(metric, b, true, jobs, bucket))));
    }
    if (!body.hasChildNodes()) body.remove();
  }

  function pageIntro(page, subtitle) {
    return el('div', { class: 'page-intro' },
      el('h2', { class: 'page-title' }, labelEl(page.labels, page.name)),
      subtitle ? el('p', { class: 'page-subtitle', text: subtitle }) : null);
  }

  function renderMetricsPage(page, jobs) {
    const tiles = arr(page.tiles).filter((x) => x && typeof x === 'object');
    const layer = page.layer ? state.model.layerByName.get(page.layer) : null;
    const subtitle = [layer ? labelText(layer.labels, layer.name) : null, t('metricsCount')(tiles.length)]
      .filter((x) => x && x !== labelText(page.labels, page.name)).join(' · ');
    const section = el('section', { class: 'page page-metrics', 'data-page-kind': 'metrics' }, pageIntro(page, subtitle));
    if (!tiles.length) {
      section.appendChild(note(t('noTiles'), 'empty-note'));
      return section;
    }
    section.appendChild(el('div', { class: 'tile-grid' }, tiles.map((tile) => renderTile(tile, jobs))));
    return section;
  }

  // ------------------------------------------------------------------ graph page

  const G = { nodeW: 188, nodeH: 64, bandH: 164, labelW: 132, pad: 14, minGap: 20 };

  /** Bands top to bottom (strategic first) with the metrics of each, ordered to cut crossings. */
  function graphBands() {
    const m = state.model;
    const bands = m.layers.map((l) => ({ key: l.name, labels: l.labels, name: l.name, nodes: [] }));
    const byName = new Map(bands.map((b) => [b.key, b]));
    let other = null;
    for (const metric of m.metrics) {
      let band = byName.get(metric.layer);
      if (!band) {
        if (!other) other = { key: '', labels: null, name: t('otherLayer'), nodes: [], other: true };
        band = other;
      }
      band.nodes.push({ id: metric.id, metric });
    }
    if (other) bands.push(other);
    const shown = bands.filter((b) => b.nodes.length);
    orderByBarycenter(shown);
    orderExhaustively(shown);
    return shown;
  }

  function orderByBarycenter(bands) {
    const pos = new Map();
    const setPos = () => bands.forEach((b) => b.nodes.forEach((n, i) => pos.set(n.id, (i + 0.5) / b.nodes.length)));
    setPos();
    const neighbours = new Map();
    const bandOf = new Map();
    bands.forEach((b, bi) => b.nodes.forEach((n) => { bandOf.set(n.id, bi); neighbours.set(n.id, []); }));
    for (const l of state.model.links) {
      if (!bandOf.has(l.from) || !bandOf.has(l.to) || bandOf.get(l.from) === bandOf.get(l.to)) continue;
      neighbours.get(l.from).push(l.to);
      neighbours.get(l.to).push(l.from);
    }
    for (let sweep = 0; sweep < 6; sweep++) {
      for (const b of bands) {
        const key = new Map(b.nodes.map((n) => {
          const ns = neighbours.get(n.id);
          return [n.id, ns.length ? ns.reduce((s, x) => s + pos.get(x), 0) / ns.length : pos.get(n.id)];
        }));
        b.nodes.sort((x, y) => key.get(x.id) - key.get(y.id));
      }
      setPos();
    }
  }

  /** Segments (x = position in band 0..1, y = band index) that cross, ends not shared. */
  function segmentsCross(p1, p2, q1, q2) {
    const orient = (a, b, c) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
    const o1 = orient(p1, p2, q1);
    const o2 = orient(p1, p2, q2);
    const o3 = orient(q1, q2, p1);
    const o4 = orient(q1, q2, p2);
    return o1 * o2 < 0 && o3 * o4 < 0;
  }

  function permutations(items) {
    if (items.length <= 1) return [items.slice()];
    const out = [];
    items.forEach((x, i) => {
      const rest = items.slice(0, i).concat(items.slice(i + 1));
      for (const p of permutations(rest)) out.push([x].concat(p));
    });
    return out;
  }

  /**
   * Improves the barycenter order band by band, trying every order of a small band: fewest
   * crossings first, then same-layer links between neighbours, then short links. Templates
   * have a handful of metrics per layer, so this stays cheap; large bands keep the barycenter.
   */
  function orderExhaustively(bands) {
    const bandOf = new Map();
    bands.forEach((b, bi) => b.nodes.forEach((n) => bandOf.set(n.id, bi)));
    const edges = state.model.links.filter((l) => bandOf.has(l.from) && bandOf.has(l.to) && l.from !== l.to);
    if (!edges.length) return;
    const slot = new Map();
    const setSlots = (b, order) => order.forEach((n, i) => slot.set(n.id, i));
    bands.forEach((b) => setSlots(b, b.nodes));
    const point = (id) => {
      const b = bands[bandOf.get(id)];
      return { x: (slot.get(id) + 0.5) / b.nodes.length, y: bandOf.get(id) };
    };
    const cost = () => {
      let crossings = 0;
      let sameBand = 0;
      let length = 0;
      const segs = [];
      for (const l of edges) {
        const a = point(l.from);
        const b = point(l.to);
        if (a.y === b.y) sameBand += Math.abs(slot.get(l.from) - slot.get(l.to)) - 1;
        else segs.push({ l, a, b });
        length += Math.abs(a.x - b.x);
      }
      for (let i = 0; i < segs.length; i++) {
        for (let j = i + 1; j < segs.length; j++) {
          const s = segs[i];
          const u = segs[j];
          const shared = s.l.from === u.l.from || s.l.from === u.l.to || s.l.to === u.l.from || s.l.to === u.l.to;
          if (!shared && segmentsCross(s.a, s.b, u.a, u.b)) crossings += 1;
        }
      }
      return crossings * 100 + sameBand * 30 + length;
    };
    const budget = 3e6;
    for (let sweep = 0; sweep < 3; sweep++) {
      for (const b of bands) {
        if (b.nodes.length < 2 || b.nodes.length > 7) continue;
        const perms = permutations(b.nodes);
        if (perms.length * edges.length * edges.length > budget) continue;
        let best = b.nodes;
        let bestCost = cost();
        for (const p of perms) {
          setSlots(b, p);
          const c = cost();
          if (c < bestCost - 1e-9) { best = p; bestCost = c; }
        }
        b.nodes = best.slice();
        setSlots(b, b.nodes);
      }
    }
  }

  function layoutGraph(width) {
    const bands = graphBands();
    const maxN = Math.max(1, ...bands.map((b) => b.nodes.length));
    const W = Math.max(width, G.labelW + maxN * (G.nodeW + G.minGap) + G.pad);
    const nodes = new Map();
    bands.forEach((b, bi) => {
      b.y = G.pad + bi * G.bandH;
      b.index = bi;
      const slot = (W - G.labelW - G.pad) / b.nodes.length;
      b.nodes.forEach((n, i) => {
        n.band = bi;
        n.slot = i;
        n.x = G.labelW + slot * (i + 0.5) - G.nodeW / 2;
        n.y = b.y + (G.bandH - G.nodeH) / 2;
        nodes.set(n.id, n);
      });
    });
    return { bands, nodes, W, H: G.pad * 2 + bands.length * G.bandH };
  }

  /** Which links a loop walks: each step to the next, and back to the first when declared. */
  function loopEdges(loop, links) {
    const steps = arr(loop.steps).map(str);
    const found = [];
    for (let i = 0; i < steps.length && steps.length > 1; i++) {
      const a = steps[i];
      const b = steps[(i + 1) % steps.length];
      links.forEach((l, li) => { if (l.from === a && l.to === b) found.push(li); });
    }
    return Array.from(new Set(found));
  }

  function cubicAt(p0, p1, p2, p3, tt) {
    const u = 1 - tt;
    return {
      x: u * u * u * p0.x + 3 * u * u * tt * p1.x + 3 * u * tt * tt * p2.x + tt * tt * tt * p3.x,
      y: u * u * u * p0.y + 3 * u * u * tt * p1.y + 3 * u * tt * tt * p2.y + tt * tt * tt * p3.y
    };
  }

  /** Routes every link: attachment points spread along node sides, waypoints through gaps. */
  function routeEdges(layout, links) {
    const { nodes, bands } = layout;
    const attach = new Map();
    const want = (node, side, edge, otherX) => {
      const key = node.id + '|' + side;
      if (!attach.has(key)) attach.set(key, []);
      attach.get(key).push({ edge, otherX });
    };
    const edges = [];
    links.forEach((link, index) => {
      const a = nodes.get(link.from);
      const b = nodes.get(link.to);
      if (!a || !b || a === b) return;
      const e = { link, index, a, b, start: null, end: null };
      const cx = (n) => n.x + G.nodeW / 2;
      if (a.band === b.band) {
        // Neighbours far enough apart get a straight arrow; otherwise an arc under the row.
        if (Math.abs(a.slot - b.slot) === 1 && Math.abs(a.x - b.x) - G.nodeW >= 56) {
          e.kind = 'side';
        } else {
          e.kind = 'under';
          want(a, 'bottom', e, cx(b));
          want(b, 'bottom', e, cx(a));
        }
      } else {
        e.kind = 'cross';
        const down = a.band < b.band;
        want(a, down ? 'bottom' : 'top', e, cx(b));
        want(b, down ? 'top' : 'bottom', e, cx(a));
        e.down = down;
      }
      edges.push(e);
    });
    for (const [key, list] of attach) {
      const [id, side] = key.split('|');
      const n = nodes.get(id);
      list.sort((p, q) => p.otherX - q.otherX);
      list.forEach((entry, i) => {
        const x = n.x + 18 + (G.nodeW - 36) * (i + 1) / (list.length + 1);
        const y = side === 'top' ? n.y : n.y + G.nodeH;
        const pt = { x, y, side };
        if (entry.edge.a === n && !entry.edge.start) entry.edge.start = pt;
        else entry.edge.end = pt;
      });
    }
    for (const e of edges) {
      if (e.kind === 'side') {
        const right = e.b.x > e.a.x;
        const reverse = state.model.links.some((l) => l.from === e.link.to && l.to === e.link.from);
        const dy = reverse ? (right ? -9 : 9) : 0;
        const cy = e.a.y + G.nodeH / 2 + dy;
        e.start = { x: right ? e.a.x + G.nodeW : e.a.x, y: cy };
        e.end = { x: right ? e.b.x - 2 : e.b.x + G.nodeW + 2, y: cy };
        const mid = (e.start.x + e.end.x) / 2;
        e.d = 'M' + e.start.x + ',' + cy + ' C' + mid + ',' + cy + ' ' + mid + ',' + cy + ' ' + e.end.x + ',' + cy;
        e.labelCurve = [e.start, { x: mid, y: cy }, { x: mid, y: cy }, e.end];
        continue;
      }
      if (e.kind === 'under') {
        const depth = 44;
        const s = e.start;
        const t2 = { x: e.end.x, y: e.end.y + 2 };
        const c1 = { x: s.x, y: s.y + depth };
        const c2 = { x: t2.x, y: t2.y + depth };
        e.end = t2;
        e.d = 'M' + s.x + ',' + s.y + ' C' + c1.x + ',' + c1.y + ' ' + c2.x + ',' + c2.y + ' ' + t2.x + ',' + t2.y;
        e.labelCurve = [s, c1, c2, t2];
        continue;
      }
      // Cross-band: pass any band in between through the gap nearest the straight line.
      const s = e.start;
      const end = { x: e.end.x, y: e.end.y + (e.down ? -2 : 2) };
      const pts = [s];
      const step = e.down ? 1 : -1;
      for (let bi = e.a.band + step; bi !== e.b.band; bi += step) {
        const band = bands[bi];
        const frac = (bi - e.a.band) / (e.b.band - e.a.band);
        const ideal = s.x + (end.x - s.x) * frac;
        const xs = band.nodes.map((n) => n.x).sort((p, q) => p - q);
        const gaps = [Math.max(G.labelW - 6, xs[0] - G.minGap / 2)];
        for (let i = 0; i + 1 < xs.length; i++) gaps.push((xs[i] + G.nodeW + xs[i + 1]) / 2);
        gaps.push(Math.min(layout.W - 6, xs[xs.length - 1] + G.nodeW + G.minGap / 2));
        const gx = gaps.reduce((best, g) => (Math.abs(g - ideal) < Math.abs(best - ideal) ? g : best), gaps[0]);
        pts.push({ x: gx, y: band.y + G.bandH / 2 });
      }
      pts.push(end);
      let d = 'M' + s.x + ',' + s.y;
      const segs = [];
      for (let i = 0; i + 1 < pts.length; i++) {
        const p = pts[i];
        const q = pts[i + 1];
        const my = (p.y + q.y) / 2;
        const c1 = { x: p.x, y: my };
        const c2 = { x: q.x, y: my };
        segs.push([p, c1, c2, q]);
        d += ' C' + c1.x + ',' + c1.y + ' ' + c2.x + ',' + c2.y + ' ' + q.x + ',' + q.y;
      }
      e.end = end;
      e.d = d;
      e.labelCurve = segs[Math.floor((segs.length - 1) / 2)];
    }
    return edges;
  }

  function boxesOverlap(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  /** Fits text by shrinking it a little, then by cutting it; measured in the live SVG. */
  function fitText(textNode, full, maxWidth, sizes) {
    textNode.textContent = full;
    for (const size of sizes || []) {
      textNode.style.fontSize = size + 'px';
      if (textNode.getComputedTextLength() <= maxWidth) return;
    }
    if (textNode.getComputedTextLength() <= maxWidth) return;
    let lo = 0;
    let hi = full.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      textNode.textContent = full.slice(0, mid) + '…';
      if (textNode.getComputedTextLength() <= maxWidth) lo = mid; else hi = mid - 1;
    }
    textNode.textContent = full.slice(0, lo) + '…';
  }

  function drawNode(group, node) {
    const id = node.id;
    const cell = latestTotal(id);
    const status = cell ? cell.status : 'no-value';
    const label = resolveLabel(node.metric.labels, id);
    const g = svgEl('g', {
      class: 'node status-' + status, 'data-metric': id, 'data-status': status, 'data-open-metric': id,
      transform: 'translate(' + node.x + ',' + node.y + ')', tabindex: '0', role: 'button',
      'aria-label': label.text + ': ' + (cell ? cell.display : '—') + ' (' + t('status.' + status) + ')'
    });
    group.appendChild(g);
    g.appendChild(svgEl('title', { text: label.text + '\n' + (cell ? cell.display : '—') + ' · ' + t('status.' + status) }));
    g.appendChild(svgEl('rect', { class: 'node-box', width: G.nodeW, height: G.nodeH, rx: 10, ry: 10, stroke: STATUS_COLOR[status] }));
    g.appendChild(svgEl('rect', { class: 'node-strip', x: 0, y: 0, width: 6, height: G.nodeH, rx: 3, fill: STATUS_COLOR[status] }));
    const tag = label.isId ? t('idTag') : label.from !== null ? (label.from || '?').toUpperCase() : null;
    const labelNode = svgEl('text', { class: 'node-label', x: 16, y: 23 });
    g.appendChild(labelNode);
    const textSpan = svgEl('tspan', {});
    labelNode.appendChild(textSpan);
    let tagWidth = 0;
    if (tag) {
      const tagSpan = svgEl('tspan', { class: 'fallback', dx: 5 }, tag);
      tagSpan.appendChild(svgEl('title', { text: label.isId ? t('idTitle') : t('fallbackTitle')(langName(state.lang), langName(label.from)) }));
      labelNode.appendChild(tagSpan);
      tagWidth = tagSpan.getComputedTextLength() + 8;
    }
    fitText(textSpan, label.text, G.nodeW - 26 - tagWidth, [13, 12, 11.5]);
    g.appendChild(svgEl('text', { class: 'node-value', x: 16, y: 50, 'data-metric-node-value': id, text: cell ? cell.display : '—' }));
    g.appendChild(svgEl('text', { class: 'node-status', x: G.nodeW - 10, y: 50, 'text-anchor': 'end', fill: STATUS_COLOR[status] },
      STATUS_GLYPH[status] + ' ' + t('status.' + status)));
  }

  function drawEdgeLabel(layer, e, placed, nodeBoxes) {
    const lag = lagText(e.link.lag);
    const text = polaritySign(e.link.polarity) + (lag ? '  ' + lag : '');
    const pol = polarityClass(e.link.polarity);
    const g = svgEl('g', { class: 'edge-label edge-label-' + pol, 'data-edge': e.index });
    const bg = svgEl('rect', { rx: 8, ry: 8, height: 17 });
    const label = svgEl('text', { 'text-anchor': 'middle', dy: 4 }, text);
    g.appendChild(bg);
    g.appendChild(label);
    layer.appendChild(g);
    const w = Math.max(17, label.getComputedTextLength() + 12);
    const curve = e.labelCurve;
    let spot = null;
    for (const tt of [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8]) {
      const p = cubicAt(curve[0], curve[1], curve[2], curve[3], tt);
      const box = { x: p.x - w / 2 - 2, y: p.y - 10.5, w: w + 4, h: 21 };
      if (!placed.some((b) => boxesOverlap(b, box)) && !nodeBoxes.some((b) => boxesOverlap(b, box))) {
        spot = { p, box };
        break;
      }
      if (!spot) spot = { p, box, fallback: true };
    }
    if (spot.fallback) spot = { p: cubicAt(curve[0], curve[1], curve[2], curve[3], 0.5) };
    placed.push({ x: spot.p.x - w / 2 - 2, y: spot.p.y - 10.5, w: w + 4, h: 21 });
    g.setAttribute('transform', 'translate(' + spot.p.x + ',' + spot.p.y + ')');
    bg.setAttribute('x', -w / 2);
    bg.setAttribute('y', -8.5);
    bg.setAttribute('width', w);
    return g;
  }

  function arrowMarker(id, colour) {
    return svgEl('marker', {
      id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10, markerHeight: 10,
      markerUnits: 'userSpaceOnUse', orient: 'auto'
    }, svgEl('path', { d: 'M0,0.5 L10,5 L0,9.5 z', fill: colour }));
  }

  function drawGraph(host, sidebar) {
    const m = state.model;
    const width = Math.max(640, host.clientWidth || 1000);
    const layout = layoutGraph(width);
    const { W, H } = layout;
    const svg = svgEl('svg', {
      class: 'link-graph', viewBox: '0 0 ' + W + ' ' + H, width: '100%', preserveAspectRatio: 'xMidYMin meet',
      role: 'img', 'aria-label': labelText(state.page.labels, state.page.name), style: 'max-width:' + W + 'px'
    });
    svg.appendChild(svgEl('defs', null,
      arrowMarker('yardstick-arrow-pos', '#1e8e3e'),
      arrowMarker('yardstick-arrow-neg', '#d93025'),
      arrowMarker('yardstick-arrow-unknown', '#7b8794')));
    host.appendChild(svg);

    const bandLayer = svgEl('g', { class: 'bands' });
    svg.appendChild(bandLayer);
    layout.bands.forEach((b, i) => {
      const g = svgEl('g', { class: 'band' + (i % 2 ? ' band-odd' : ''), 'data-layer': b.key });
      g.appendChild(svgEl('rect', { class: 'band-bg', x: 4, y: b.y + 4, width: W - 8, height: G.bandH - 8, rx: 12, ry: 12 }));
      const r = b.other ? { text: b.name, from: null } : resolveLabel(b.labels, b.name);
      const name = svgEl('text', { class: 'band-label', x: 22, y: b.y + G.bandH / 2 - 2 });
      const nameSpan = svgEl('tspan', {});
      name.appendChild(nameSpan);
      g.appendChild(name);
      let tagW = 0;
      if (r.isId || r.from !== null) {
        const tag = svgEl('tspan', { class: 'fallback', dx: 4 }, r.isId ? t('idTag') : (r.from || '?').toUpperCase());
        tag.appendChild(svgEl('title', { text: r.isId ? t('idTitle') : t('fallbackTitle')(langName(state.lang), langName(r.from)) }));
        name.appendChild(tag);
        tagW = tag.getComputedTextLength() + 6;
      }
      fitText(nameSpan, r.text, G.labelW - 34 - tagW);
      g.appendChild(svgEl('text', { class: 'band-count', x: 22, y: b.y + G.bandH / 2 + 16, text: t('metricsCount')(b.nodes.length) }));
      bandLayer.appendChild(g);
    });

    const loopOf = new Map();
    m.loops.forEach((loop) => loopEdges(loop, m.links).forEach((li) => {
      if (!loopOf.has(li)) loopOf.set(li, []);
      loopOf.get(li).push(str(loop.name));
    }));

    const edges = routeEdges(layout, m.links);
    const edgeLayer = svgEl('g', { class: 'edges' });
    const labelLayer = svgEl('g', { class: 'edge-labels' });
    const nodeLayer = svgEl('g', { class: 'nodes' });
    svg.appendChild(edgeLayer);
    svg.appendChild(nodeLayer);
    svg.appendChild(labelLayer);

    const edgeEls = [];
    for (const e of edges) {
      const pol = polarityClass(e.link.polarity);
      const loops = loopOf.get(e.index) || [];
      const g = svgEl('g', {
        class: 'edge edge-' + pol + (e.link.lag ? ' lagged' : '') + (loops.length ? ' in-loop' : ''),
        'data-from': e.link.from, 'data-to': e.link.to, 'data-polarity': str(e.link.polarity),
        'data-loops': loops.join(' ') || null, 'data-edge': e.index
      });
      const title = metricLabelText(e.link.from) + ' → ' + metricLabelText(e.link.to) + ' (' + polaritySign(e.link.polarity) + ')' +
        (e.link.lag ? ', ' + lagText(e.link.lag) : '') + (nonEmpty(e.link.rationale) ? '\n' + e.link.rationale : '');
      g.appendChild(svgEl('title', { text: title }));
      g.appendChild(svgEl('path', { class: 'edge-hit', d: e.d }));
      g.appendChild(svgEl('path', { class: 'edge-path', d: e.d, 'marker-end': 'url(#yardstick-arrow-' + pol + ')' }));
      edgeLayer.appendChild(g);
      edgeEls.push({ e, g, loops });
    }
    layout.nodes.forEach((n) => drawNode(nodeLayer, n));
    const placed = [];
    const nodeBoxes = Array.from(layout.nodes.values()).map((n) => ({ x: n.x, y: n.y, w: G.nodeW, h: G.nodeH }));
    const labelEls = edgeEls.map(({ e, loops }) => {
      const g = drawEdgeLabel(labelLayer, e, placed, nodeBoxes);
      if (loops.length) g.setAttribute('data-loops', loops.join(' '));
      return { e, g };
    });

    const unknown = m.links.filter((l) => !layout.nodes.has(l.from) || !layout.nodes.has(l.to));
    if (unknown.length) {
      host.appendChild(note(t('unknownLinks', { list: unknown.map((l) => l.from + ' → ' + l.to).join(', ') }), 'warning-note'));
    }

    const highlight = makeHighlighter(svg, edgeEls, labelEls);
    wireNodeHover(nodeLayer, highlight);
    renderLoopList(sidebar, highlight);
  }

  /** Focus mode: the chosen edges and their ends stay, everything else fades. */
  function makeHighlighter(svg, edgeEls, labelEls) {
    let pinned = null;
    const apply = (sel) => {
      svg.classList.toggle('focus-mode', !!sel);
      const nodeIds = new Set();
      edgeEls.forEach(({ e, g }, i) => {
        const on = !!sel && sel.edge(e);
        g.classList.toggle('is-focus', on);
        labelEls[i].g.classList.toggle('is-focus', on);
        if (on) { nodeIds.add(e.link.from); nodeIds.add(e.link.to); }
      });
      if (sel && sel.nodes) sel.nodes.forEach((id) => nodeIds.add(id));
      svg.querySelectorAll('.node').forEach((n) => n.classList.toggle('is-focus', nodeIds.has(n.getAttribute('data-metric'))));
    };
    return {
      show(sel) { apply(sel || pinned); },
      pin(sel) { pinned = sel; apply(sel); },
      get pinned() { return pinned; }
    };
  }

  function wireNodeHover(nodeLayer, highlight) {
    nodeLayer.addEventListener('mouseover', (ev) => {
      const n = ev.target.closest && ev.target.closest('.node');
      if (!n) return;
      const id = n.getAttribute('data-metric');
      highlight.show({ key: 'node:' + id, edge: (e) => e.link.from === id || e.link.to === id, nodes: [id] });
    });
    nodeLayer.addEventListener('mouseleave', () => highlight.show(null));
  }

  function renderLoopList(sidebar, highlight) {
    const m = state.model;
    sidebar.appendChild(el('h3', { class: 'side-title', text: t('loops') }));
    if (!m.loops.length) {
      sidebar.appendChild(note(t('noLoops'), 'muted'));
    } else {
      const items = [];
      const list = el('ul', { class: 'loop-list' });
      m.loops.forEach((loop) => {
        const name = str(loop.name);
        const idx = new Set(loopEdges(loop, m.links));
        const steps = arr(loop.steps).map(str);
        const sel = { key: 'loop:' + name, edge: (e) => idx.has(e.index), nodes: steps };
        const chain = el('span', { class: 'loop-steps' });
        steps.forEach((s, i) => {
          if (i) chain.appendChild(el('span', { class: 'loop-arrow', 'aria-hidden': 'true', text: ' → ' }));
          chain.appendChild(metricLabelEl(s));
        });
        const button = el('button', {
          type: 'button', class: 'loop-item', 'data-loop': name, 'aria-pressed': 'false',
          onmouseenter: () => highlight.show(sel),
          onmouseleave: () => highlight.show(null),
          onfocus: () => highlight.show(sel),
          onblur: () => highlight.show(null),
          onclick: () => {
            const on = !(highlight.pinned && highlight.pinned.key === sel.key);
            highlight.pin(on ? sel : null);
            items.forEach((b) => b.setAttribute('aria-pressed', b === button && on ? 'true' : 'false'));
          }
        }, el('span', { class: 'loop-name' }, labelEl(loop.labels, name)), chain);
        items.push(button);
        list.appendChild(el('li', null, button));
        // #...&loop=NAME opens the graph with that loop highlighted (handy for links and screenshots).
        if (readHash().loop === name) button.click();
      });
      sidebar.appendChild(list);
      sidebar.appendChild(el('button', {
        type: 'button', class: 'loop-clear', text: t('showAll'),
        onclick: () => { highlight.pin(null); items.forEach((b) => b.setAttribute('aria-pressed', 'false')); }
      }));
    }
    sidebar.appendChild(graphLegend());
  }

  function legendSwatch(cls, dashed, thick) {
    const s = svgEl('svg', { class: 'legend-swatch', width: 34, height: 12, viewBox: '0 0 34 12', 'aria-hidden': 'true' });
    s.appendChild(svgEl('line', {
      x1: 1, y1: 6, x2: 26, y2: 6, class: 'legend-line ' + cls,
      'stroke-dasharray': dashed ? '5 4' : null, 'stroke-width': thick ? 3.5 : 1.8
    }));
    s.appendChild(svgEl('path', { d: 'M25,1.5 L33,6 L25,10.5 z', class: 'legend-head ' + cls }));
    return s;
  }

  function graphLegend() {
    const item = (swatch, text) => el('li', null, swatch, el('span', { text }));
    return el('div', { class: 'legend' },
      el('ul', null,
        item(legendSwatch('pos'), '+ ' + t('legendPositive')),
        item(legendSwatch('neg'), '− ' + t('legendNegative')),
        item(legendSwatch('neutral', true), t('legendLagged')),
        item(legendSwatch('neutral', false, true), t('legendLoop'))),
      el('ul', { class: 'legend-status' },
        STATUSES.map((s) => el('li', null, el('span', { class: 'legend-box status-' + s, 'aria-hidden': 'true' }),
          el('span', { text: t('status.' + s) })))));
  }

  function renderGraphPage(page, jobs) {
    const host = el('div', { class: 'graph-canvas' });
    const sidebar = el('aside', { class: 'graph-side' });
    const section = el('section', { class: 'page page-graph', 'data-page-kind': 'graph' },
      pageIntro(page, t('graphHint')),
      el('div', { class: 'graph-layout' }, el('div', { class: 'graph-main' }, host), sidebar));
    if (!state.model.metrics.length) {
      host.appendChild(note(t('noValues'), 'empty-note'));
      return section;
    }
    // Layout measures text, so it runs once the page is in the document.
    jobs.push(() => drawGraph(host, sidebar));
    return section;
  }

  // ------------------------------------------------------------------ alerts page

  function alertBreakdown(a) {
    const grouping = str(a.grouping);
    if (!grouping || grouping === 'total') return t('total');
    const g = findGrouping(grouping);
    const dims = g ? arr(g.dimensions) : grouping.split('*');
    const vals = arr(a.group);
    if (!vals.length) return grouping;
    return vals.map((v, i) => dimensionText(dims[i] || grouping) + ': ' + valueText(dims[i], v)).join(' · ');
  }

  function sortedAlerts(alerts) {
    const rank = (k) => { const i = ALERT_ORDER.indexOf(k); return i < 0 ? ALERT_ORDER.length : i; };
    return alerts.map((a, i) => ({ a, i })).sort((p, q) => rank(p.a.kind) - rank(q.a.kind) || p.i - q.i).map((x) => x.a);
  }

  function alertBadge(kind) {
    const k = ALERT_ORDER.includes(kind) ? kind : 'anomaly';
    const status = k === 'anomaly' ? 'anomaly' : k;
    return el('span', { class: 'badge alert-' + k + ' status-' + status, 'data-alert-kind': k },
      el('span', { class: 'badge-glyph', 'aria-hidden': 'true', text: k === 'anomaly' ? '◇' : STATUS_GLYPH[k] }),
      el('span', { class: 'badge-text', text: t('alertKind.' + k) }));
  }

  /** An alert's rule in the current language: a threshold as the template writes it, an anomaly's score in words. */
  function alertRuleText(a) {
    const rule = str(a.rule);
    const anomaly = /^robust z ([+-]?[0-9.]+) against a median of (.+)$/.exec(rule);
    return a.kind === 'anomaly' && anomaly ? t('anomalyRule')(anomaly[1], anomaly[2]) : (rule || '—');
  }

  function alertRow(a) {
    const id = str(a.metric);
    return el('tr', {
      class: 'alert-row' + (isRecent(a) ? '' : ' is-older'), 'data-alert-kind': str(a.kind), 'data-metric': id,
      'data-period': str(a.period)
    },
    el('td', { class: 'col-kind' }, alertBadge(a.kind)),
    el('td', { class: 'col-period', text: str(a.period) || '—' }),
    el('td', { class: 'col-value', text: nonEmpty(a.display) ? a.display : '—' }),
    el('td', { class: 'col-rule', text: alertRuleText(a) }));
  }

  /**
   * The alerts grouped by metric (in the template's order), then by group (the total first): a section per
   * metric with its label, and in its table a heading row per group followed by that group's alerts.
   */
  function alertsByMetric(alerts) {
    if (!alerts.length) return el('p', { class: 'no-alerts note', text: t('noAlerts') });
    const order = state.model.metrics.map((m) => m.id);
    const byMetric = new Map();
    for (const a of sortedAlerts(alerts)) {
      const id = str(a.metric);
      if (!byMetric.has(id)) byMetric.set(id, new Map());
      const key = str(a.grouping) + '|' + JSON.stringify(arr(a.group));
      const groups = byMetric.get(id);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(a);
    }
    const ids = [...byMetric.keys()].sort((x, y) => rankOf(order, x) - rankOf(order, y));
    const cols = t('alertGroupCols');
    return el('div', { class: 'alert-metrics' }, ids.map((id) => {
      const groups = [...byMetric.get(id).values()].sort((x, y) => groupRank(x[0]) - groupRank(y[0]));
      const known = state.model.metricById.has(id);
      const count = groups.reduce((n, g) => n + g.length, 0);
      const recent = groups.reduce((n, g) => n + g.filter(isRecent).length, 0);
      return el('section', { class: 'alert-metric panel' + (recent ? '' : ' is-older'), 'data-metric': id },
        el('h3', { class: 'alert-metric-title' }, known ? metricLink(id) : labelEl(null, id),
          el('span', { class: 'muted alert-metric-count count-recent', text: ' · ' + t('alertsInGroup')(recent) }),
          el('span', { class: 'muted alert-metric-count count-all', text: ' · ' + t('alertsInGroup')(count) })),
        el('table', { class: 'alerts-table' },
          el('thead', null, el('tr', null, cols.map((c) => el('th', { scope: 'col', text: c })))),
          groups.map((g) => el('tbody', {
            class: 'alert-group' + (g.every((a) => !isRecent(a)) ? ' is-older' : ''),
            'data-grouping': str(g[0].grouping), 'data-group': arr(g[0].group).map(str).join('|')
          },
          el('tr', { class: 'alert-group-head' }, el('th', { scope: 'rowgroup', colspan: cols.length, text: alertBreakdown(g[0]) })),
          g.map(alertRow)))));
    }));
  }

  function rankOf(order, id) { const i = order.indexOf(id); return i < 0 ? order.length : i; }

  /** The total first, then breakdowns in the order the run computed them. */
  function groupRank(a) {
    const grouping = str(a.grouping);
    if (!grouping || grouping === 'total') return -1;
    const i = state.model.groupings.findIndex((g) => g.name === grouping);
    return i < 0 ? state.model.groupings.length : i;
  }

  function alertRulesNote() {
    const r = state.model.alertRules;
    const an = obj(r.anomaly);
    if (!nonEmpty(r.thresholds) && !nonEmpty(an.method)) return null;
    return note(t('alertRules', {
      scope: r.thresholds === 'latest-period' ? t('scopeLatest') : t('scopeAll'),
      method: own(t('anomalyMethods'), str(an.method)) || str(an.method) || '—', threshold: isNum(an.threshold) ? an.threshold : '—', min: isNum(an.minPoints) ? an.minPoints : '—'
    }), 'muted');
  }

  function renderAlertsPage(page) {
    const alerts = state.model.alerts;
    const counts = ALERT_ORDER.map((k) => [k, alerts.filter((a) => a.kind === k).length]).filter(([, n]) => n);
    const subtitle = t('alertsSummary')(alerts.length) +
      (counts.length ? ' · ' + counts.map(([k, n]) => t('alertKind.' + k) + ' ' + n).join(' · ') : '');
    const anomalies = alerts.filter((a) => a.kind === 'anomaly');
    const recent = anomalies.filter(isRecent).length;
    const section = el('section', { class: 'page page-alerts', 'data-page-kind': 'alerts', 'data-anomaly-scope': 'recent' });
    let scope = null;
    if (recent < anomalies.length) {
      // One click shows the whole history: older anomalies are in the page, hidden by the section's scope.
      const text = el('span', { class: 'anomaly-scope-text', text: t('anomaliesRecent', { recent: RECENT_PERIODS, shown: recent, count: anomalies.length }) });
      const button = el('button', { type: 'button', class: 'anomaly-scope-toggle', 'data-anomaly-toggle': '' }, t('showHistory'));
      button.addEventListener('click', () => {
        const all = section.dataset.anomalyScope !== 'all';
        section.dataset.anomalyScope = all ? 'all' : 'recent';
        text.textContent = all ? t('anomaliesAll', { count: anomalies.length })
          : t('anomaliesRecent', { recent: RECENT_PERIODS, shown: recent, count: anomalies.length });
        button.textContent = all ? t('showRecent') : t('showHistory');
      });
      scope = el('p', { class: 'note anomaly-scope' }, text, ' ', button);
    }
    appendAll(section, [pageIntro(page, subtitle), scope, alertsByMetric(alerts), alertRulesNote()]);
    return section;
  }

  // ------------------------------------------------------------------ review page

  /*
   * The evidence of `yardstick review`: for each declared link, pairs of the driver (x) and the lagged
   * effect (y), their correlations and a verdict; for each loop, the composed sign; and the validator's
   * structural findings. Wording stays at "consistent with" and "contradicts" throughout.
   */

  function reviewLinks() {
    return arr(obj(state.model.review).links).filter((l) => l && typeof l === 'object');
  }

  function verdictOf(v) { return VERDICTS.includes(v) ? v : 'inconclusive'; }

  /** Links per verdict: the summary's counts, or counted from the links where the summary has none. */
  function verdictCounts() {
    const summary = obj(obj(state.model.review).summary);
    const links = reviewLinks();
    const counts = {};
    for (const v of VERDICTS) {
      const n = own(summary, v);
      counts[v] = isNum(n) && n >= 0 ? Math.floor(n) : links.filter((l) => verdictOf(l.verdict) === v).length;
    }
    return counts;
  }

  /** The count badge on the review tab: contradicted links, when there are any. */
  function contradictedCount() {
    if (!state.model.review) return null;
    const n = verdictCounts().contradicted;
    if (!n) return null;
    return el('span', { class: 'tab-count', 'data-review-contradicted': n, title: t('contradictedTitle')(n), text: String(n) });
  }

  function verdictBadge(verdict, extraClass) {
    const v = verdictOf(verdict);
    return el('span', {
      class: 'badge verdict verdict-' + v + (extraClass ? ' ' + extraClass : ''), 'data-verdict': v, title: t('verdictTitle.' + v)
    },
    el('span', { class: 'badge-glyph', 'aria-hidden': 'true', text: VERDICT_GLYPH[v] }),
    el('span', { class: 'badge-text', text: t('verdict.' + v) }));
  }

  /** A number with a real minus sign, as the rest of the page writes negatives. */
  function minus(text) { return text.replace(/^-/, '−'); }

  function fmtCoef(x) { return isNum(x) ? minus(x.toFixed(2)) : '—'; }

  /** A few significant digits, with a minus sign; exponent form for tiny magnitudes. */
  function fmtSig(x, digits) {
    if (!isNum(x)) return '—';
    if (x !== 0 && Math.abs(x) < 1e-4) return minus(x.toExponential(1));
    const r = +x.toPrecision(digits || 3);
    return minus(fmtNum(r, Math.max(0, decimalsOf(r))));
  }

  /**
   * A p-value as "p < 0.001" or "p = 0.26", with enough digits that the rounded value sits on the same
   * side of alpha as the value itself (0.0496 shows as 0.0496, not 0.050).
   */
  function fmtP(p, alpha) {
    if (!isNum(p)) return 'p = —';
    if (p < 0.001) return 'p < 0.001';
    let digits = 2;
    let shown = +p.toPrecision(digits);
    while (isNum(alpha) && digits < 6 && (shown < alpha) !== (p < alpha)) {
      digits += 1;
      shown = +p.toPrecision(digits);
    }
    return 'p = ' + fmtNum(shown, decimalsOf(shown));
  }

  function reviewMethod() {
    const m = obj(obj(state.model.review).method);
    return {
      alpha: isNum(m.alpha) ? m.alpha : null,
      minPoints: isNum(m.minPoints) ? m.minPoints : null,
      permutationBelow: isNum(m.permutationBelow) ? m.permutationBelow : null,
      permutations: isNum(m.permutations) ? m.permutations : null,
      seed: isNum(m.seed) ? m.seed : null
    };
  }

  function linkGrouping(link) {
    const g = str(link.grouping) || str(obj(state.model.review).grouping);
    return g || 'total';
  }

  /** The breakdown's dimensions, as labels: "region*segment" gives ["Region", "Segment"]. */
  function groupingDims(name) {
    if (!name || name === 'total') return [];
    const g = findGrouping(name);
    const dims = g && arr(g.dimensions).length ? arr(g.dimensions).map(str) : name.split('*');
    return dims.map((d) => labelText(obj(state.model.dimensionByName.get(d)).labels, d));
  }

  /** What one point is: "region-months", "months", "区域×月". */
  function pointUnit(groupingName, n) {
    const grain = str(obj(state.model.review).grain) || state.model.grain;
    const en = own(DICT.en.grainUnit, grain);
    const units = own(t('grainUnit'), grain) || en;
    const grainWords = units
      ? { one: units[0], many: units[1], noun: own(t('grainNoun'), grain) || units[0] }
      : { one: grain || '?', many: grain || '?', noun: grain || '?' };
    return t('pointUnit')(groupingDims(groupingName), grainWords, n);
  }

  function polarityWord(polarity) {
    return own(t('polarityWord'), polarity) || str(polarity) || '?';
  }

  function pMax(link) {
    const ps = [obj(link.pearson).p, obj(link.spearman).p].filter(isNum);
    return ps.length ? Math.max(...ps) : null;
  }

  /**
   * Why the verdict: the review's own sentence when the page is in the run's language (review.json's reason is
   * written in it); built from the numbers in the other language.
   */
  function reasonText(link) {
    if (state.lang === state.model.language && nonEmpty(link.reason)) return link.reason;
    const method = reviewMethod();
    const r = obj(link.pearson).r;
    const rho = obj(link.spearman).rho;
    const p = pMax(link);
    const n = isNum(link.points) ? link.points : arr(link.sample).length;
    const o = {
      pol: polarityWord(link.polarity), lag: lagText(link.lag), r: fmtCoef(r), rho: fmtCoef(rho), n,
      unit: pointUnit(linkGrouping(link), n), p: fmtP(p, method.alpha), min: method.minPoints,
      alpha: isNum(method.alpha) ? method.alpha : '—', dir: t('signWord.' + (isNum(r) && r < 0 ? 'negative' : 'positive'))
    };
    const reasons = t('reason');
    const verdict = verdictOf(link.verdict);
    if (verdict === 'supported' || verdict === 'contradicted') return reasons[verdict](o);
    // The review says why; older documents without the code are read from the numbers.
    const byCode = { 'too-few-points': 'tooFew', 'no-variation': 'noCoefficient', 'not-significant': 'notSignificant',
      'coefficients-disagree': 'disagree' }[link.reasonCode];
    if (byCode) return reasons[byCode](o);
    if (isNum(method.minPoints) && n < method.minPoints) return reasons.tooFew(o);
    if (!isNum(r) || !isNum(rho)) return reasons.noCoefficient(o);
    if (Math.sign(r) !== Math.sign(rho)) return reasons.disagree(o);
    if (isNum(p) && isNum(method.alpha) && p >= method.alpha) return reasons.notSignificant(o);
    return reasons.other(o);
  }

  function metricRef(id) {
    return state.model.metricById.has(id) ? metricLink(id) : labelEl(null, id);
  }

  function linkTitle(link) {
    const from = str(link.from);
    const to = str(link.to);
    const pol = polarityClass(link.polarity);
    const lag = lagText(link.lag);
    return el('h3', { class: 'review-link-title' },
      el('span', {
        class: 'polarity polarity-' + pol, 'data-polarity': str(link.polarity),
        title: t(link.polarity === 'negative' ? 'negative' : 'positive'), text: polaritySign(link.polarity)
      }),
      el('span', { class: 'review-link-names' },
        metricRef(from),
        el('span', { class: 'review-arrow', 'aria-hidden': 'true', text: ' → ' }),
        metricRef(to)),
      lag ? el('span', { class: 'lag', text: lag }) : null);
  }

  function testTag(test) {
    if (test !== 'permutation') return null;
    const count = reviewMethod().permutations;
    return el('span', {
      class: 'test-tag', 'data-test': 'permutation',
      title: t('permutationTitle', { count: isNum(count) ? fmtNum(count, 0) : '—' }), text: t('permutation')
    });
  }

  function statItem(cls, key, value, sub, attrs) {
    return el('div', { class: 'review-stat ' + cls },
      el('dt', { text: key }),
      el('dd', Object.assign({ class: 'stat-value', text: value }, attrs || {})),
      sub ? el('dd', { class: 'stat-sub' }, sub) : null);
  }

  function coefficientStat(cls, key, coef) {
    const c = obj(coef);
    const value = cls === 'stat-pearson' ? c.r : c.rho;
    return statItem(cls, key, fmtCoef(value),
      [el('span', { class: 'stat-p', title: c.test === 't' ? t('tTitle') : null, text: fmtP(c.p, reviewMethod().alpha) }),
        testTag(c.test)]);
  }

  function slopeStat(link, metricA, metricB) {
    if (!isNum(link.slope)) return statItem('stat-slope', t('slope'), '—', null);
    const sa = scaleOf(metricA);
    const sb = scaleOf(metricB);
    const shown = link.slope * sb.factor / sa.factor;
    const dx = '1' + sa.deltaSuffix;
    return el('div', {
      class: 'review-stat stat-slope',
      title: t('slopeTitle', { slope: fmtSig(link.slope, 4), intercept: fmtSig(link.intercept, 4) })
    },
    el('dt', { text: t('slope') }),
    el('dd', { class: 'stat-value' }, fmtSig(shown), sb.deltaSuffix ? el('span', { class: 'stat-unit', text: sb.deltaSuffix }) : null),
    el('dd', { class: 'stat-sub', text: t('slopePer', { dx }) }));
  }

  /** The metric a review refers to, or a bare stand-in (no unit scaling) when this run lacks it. */
  function metricOrBare(id) {
    return state.model.metricById.get(id) || { id, kind: null };
  }

  function validPoints(link) {
    return arr(link.sample).filter((q) => q && typeof q === 'object' && isNum(q.x) && isNum(q.y));
  }

  function periodText(q) {
    const from = str(q.period);
    const to = str(q.effectPeriod);
    return to && to !== from ? from + ' → ' + to : from;
  }

  function groupKey(q) {
    return JSON.stringify(arr(q.group).map((v) => (v == null ? null : str(v))));
  }

  /** A metric's range bounds a scatter axis only when every point lies in it: no point may fall off the chart. */
  function scatterClamp(metric, values) {
    const range = metric.kind ? rangeOf(metric) : null;
    return range && values.every((v) => v >= range.min && v <= range.max) ? range : null;
  }

  function scatterOption(link, points) {
    const from = str(link.from);
    const to = str(link.to);
    const metricA = metricOrBare(from);
    const metricB = metricOrBare(to);
    const labelA = metricLabelText(from);
    const labelB = metricLabelText(to);
    const xs = points.map((q) => toShown(metricA, q.x));
    const ys = points.map((q) => toShown(metricB, q.y));
    const xExt = niceExtent(xs, scatterClamp(metricA, xs));
    const yExt = niceExtent(ys, scatterClamp(metricB, ys));
    if (!xExt || !yExt) return null;

    const grouped = linkGrouping(link) !== 'total' && points.some((q) => arr(q.group).length);
    const keys = [];
    const byKey = new Map();
    for (const q of points) {
      const k = grouped ? groupKey(q) : '';
      if (!byKey.has(k)) { byKey.set(k, []); keys.push(k); }
      byKey.get(k).push(q);
    }
    const legend = grouped && keys.length <= MAX_SCATTER_GROUPS;
    const seriesPoints = legend ? keys.map((k) => byKey.get(k)) : [points];
    const groupDims = linkGrouping(link).split('*');
    const names = legend ? seriesPoints.map((qs) => groupText(qs[0].group, groupDims)) : [labelA + ' → ' + labelB];

    const option = baseOption();
    option.tooltip.trigger = 'item';
    option.tooltip.formatter = (p) => {
      const qs = p ? seriesPoints[p.seriesIndex] : null;
      const q = qs ? qs[p.dataIndex] : null;
      if (!q) return '';
      const shownOr = (metric, v, display) => (nonEmpty(display) ? display : fmtShown(metric, toShown(metric, v)));
      const row = (name, text) => '<div class="tt-row"><span class="tt-key">' + esc(name) + '</span><b>' + esc(text) + '</b></div>';
      return '<div class="tt-title">' + esc((grouped ? groupText(q.group, groupDims) + ' · ' : '') + periodText(q)) + '</div>' +
        row(labelA, shownOr(metricA, q.x, q.xDisplay)) + row(labelB, shownOr(metricB, q.y, q.yDisplay));
    };
    option.grid = { left: 6, right: 16, top: legend ? 30 : 12, bottom: 4, containLabel: true };
    if (legend) {
      option.legend = {
        type: 'scroll', top: 0, left: 0, right: 0, itemWidth: 10, itemHeight: 10, itemGap: 12, icon: 'circle',
        textStyle: { color: '#3b4658', fontSize: 11, width: 110, overflow: 'truncate' },
        data: names
      };
    }
    const axis = (metric, ext) => ({
      type: 'value', min: ext.min, max: ext.max, interval: ext.interval, scale: true,
      axisLine: { show: true, lineStyle: { color: '#d3d9e2' } }, axisTick: { show: false },
      splitLine: { lineStyle: { color: '#eef1f5' } },
      axisLabel: { color: AXIS_TEXT, fontSize: 10, hideOverlap: true, formatter: (v) => fmtShown(metric, v, ext.decimals) }
    });
    option.xAxis = axis(metricA, xExt);
    option.yAxis = axis(metricB, yExt);
    option.series = seriesPoints.map((qs, i) => ({
      type: 'scatter', name: names[i],
      data: qs.map((q) => [toShown(metricA, q.x), toShown(metricB, q.y)]),
      symbolSize: points.length > 150 ? 5 : 7,
      itemStyle: { color: legend ? GROUP_COLORS[i % GROUP_COLORS.length] : GROUP_COLORS[0], opacity: 0.78, borderColor: '#fff', borderWidth: 0.6 },
      emphasis: { scale: 1.4 }
    }));
    if (isNum(link.slope) && isNum(link.intercept)) {
      const xMin = Math.min(...points.map((q) => q.x));
      const xMax = Math.max(...points.map((q) => q.x));
      const at = (x) => [toShown(metricA, x), toShown(metricB, link.intercept + link.slope * x)];
      option.series.push({
        type: 'line', name: 'fit', data: [at(xMin), at(xMax)], symbol: 'none', silent: true, clip: true, z: 5,
        lineStyle: { color: FIT_COLOR, width: 1.6, opacity: 0.75 }, tooltip: { show: false }, emphasis: { disabled: true }
      });
    }
    return { option, oneColour: grouped && !legend ? keys.length : 0 };
  }

  function axisCaption(link) {
    const lag = lagText(link.lag);
    return el('p', { class: 'review-axes' },
      el('span', { class: 'axis-key', text: t('axisX') }), metricLabelEl(str(link.from)),
      el('span', { class: 'axis-sep', text: ' · ' }),
      el('span', { class: 'axis-key', text: t('axisY') }), metricLabelEl(str(link.to)),
      lag ? el('span', { class: 'axis-lag', text: t('effectLater', { lag }) }) : null);
  }

  function reviewLinkCard(link, jobs) {
    const from = str(link.from);
    const to = str(link.to);
    const verdict = verdictOf(link.verdict);
    const n = isNum(link.points) ? Math.round(link.points) : arr(link.sample).length;
    const metricA = metricOrBare(from);
    const metricB = metricOrBare(to);
    const card = el('section', {
      class: 'review-link verdict-' + verdict, 'data-from': from, 'data-to': to, 'data-verdict': verdict,
      'data-polarity': str(link.polarity)
    },
    el('header', { class: 'review-link-head' }, linkTitle(link), verdictBadge(verdict)),
    el('dl', { class: 'review-stats' },
      coefficientStat('stat-pearson', t('pearson'), link.pearson),
      coefficientStat('stat-spearman', t('spearman'), link.spearman),
      statItem('stat-points', t('points'), String(n), pointUnit(linkGrouping(link), n), { 'data-review-points': n }),
      slopeStat(link, metricA, metricB)),
    el('p', { class: 'review-reason', text: reasonText(link) }));

    const points = validPoints(link);
    const built = points.length ? scatterOption(link, points) : null;
    if (!built) {
      card.appendChild(note(t('noPoints'), 'muted'));
      return card;
    }
    const box = chartBox('scatter', 230);
    card.appendChild(box);
    card.appendChild(axisCaption(link));
    const notes = [];
    if (built.oneColour) notes.push(t('groupsOneColour', { n: built.oneColour }));
    if (points.length < n) notes.push(t('sampleOf', { shown: points.length, n }));
    if (notes.length) card.appendChild(el('p', { class: 'review-chart-note', text: notes.join(' ') }));
    jobs.push(() => mountChart(box, built.option, state.pageCharts));
    return card;
  }

  function signMark(sign) {
    if (sign !== 'positive' && sign !== 'negative') {
      return el('span', { class: 'polarity polarity-none', 'data-sign': '', title: t('notObserved'), text: '—' });
    }
    return el('span', {
      class: 'polarity polarity-' + polarityClass(sign), 'data-sign': sign, title: t(sign), text: polaritySign(sign)
    });
  }

  /** Scrolls to a link's card and flashes it; matched by attribute values, never by a built selector. */
  function showLinkCard(from, to) {
    const card = Array.from(document.querySelectorAll('section.review-link'))
      .find((c) => c.getAttribute('data-from') === from && c.getAttribute('data-to') === to);
    if (!card) return;
    card.scrollIntoView({ block: 'center' });
    card.classList.remove('flash');
    requestAnimationFrame(() => card.classList.add('flash'));
  }

  function weakestLinkEl(ref) {
    const w = obj(ref);
    if (!nonEmpty(w.from) || !nonEmpty(w.to)) return null;
    const has = reviewLinks().some((l) => l.from === w.from && l.to === w.to);
    const text = metricLabelText(w.from) + ' → ' + metricLabelText(w.to);
    return el('span', { class: 'weakest' },
      el('span', { class: 'weakest-key', text: t('weakestLink') }),
      has
        ? el('button', {
          type: 'button', class: 'weakest-link', 'data-from': w.from, 'data-to': w.to, title: t('weakestTitle'), text,
          onclick: () => showLinkCard(w.from, w.to)
        })
        : el('span', { class: 'weakest-link', text }));
  }

  function reviewLoopItem(loop) {
    const name = str(loop.name);
    const verdict = verdictOf(loop.verdict);
    const steps = arr(loop.steps).map(str);
    const chain = el('span', { class: 'loop-steps' });
    steps.forEach((s, i) => {
      if (i) chain.appendChild(el('span', { class: 'loop-arrow', 'aria-hidden': 'true', text: ' → ' }));
      chain.appendChild(metricRef(s));
    });
    if (!steps.length) chain.appendChild(document.createTextNode('—'));
    return el('li', { class: 'review-loop verdict-' + verdict, 'data-loop': name, 'data-verdict': verdict },
      el('div', { class: 'review-loop-head' }, el('span', { class: 'loop-name' }, labelEl(loop.labels, name)), verdictBadge(verdict)),
      chain,
      el('div', { class: 'review-loop-signs' },
        el('span', { class: 'sign-pair', 'data-declared-sign': str(loop.declaredSign) },
          el('span', { class: 'sign-key', text: t('declaredSign') }), signMark(loop.declaredSign)),
        el('span', { class: 'sign-pair', 'data-observed-sign': str(loop.observedSign) },
          el('span', { class: 'sign-key', text: t('observedSign') }), signMark(loop.observedSign)),
        weakestLinkEl(loop.weakestLink)));
  }

  function severityOf(s) { return SEVERITIES.includes(s) ? s : null; }

  function severityBadge(severity) {
    const s = severityOf(severity);
    const status = s === 'error' ? 'critical' : s === 'warning' ? 'warning' : 'tracked';
    return el('span', { class: 'badge severity severity-' + (s || 'other') + ' status-' + status, 'data-severity': s || str(severity) },
      el('span', { class: 'badge-text', text: s ? t('severity.' + s) : (str(severity) || '—') }));
  }

  function findingLocation(f) {
    const file = str(f.file);
    if (!file) return '';
    const line = isNum(f.line) && f.line > 0 ? ':' + f.line : '';
    const column = line && isNum(f.column) && f.column > 0 ? ':' + f.column : '';
    return file + line + column;
  }

  function findingsTable(findings) {
    const rank = (f) => { const i = SEVERITIES.indexOf(f.severity); return i < 0 ? SEVERITIES.length : i; };
    const sorted = findings.map((f, i) => ({ f, i })).sort((p, q) => rank(p.f) - rank(q.f) || p.i - q.i).map((x) => x.f);
    const cols = t('findingCols');
    return el('table', { class: 'findings-table' },
      el('thead', null, el('tr', null, cols.map((c) => el('th', { scope: 'col', text: c })))),
      el('tbody', null, sorted.length
        ? sorted.map((f) => el('tr', { class: 'review-finding', 'data-code': str(f.code), 'data-severity': str(f.severity) },
          el('td', { class: 'col-severity' }, severityBadge(f.severity)),
          el('td', { class: 'col-code' }, el('code', { text: str(f.code) || '—' })),
          el('td', { class: 'col-message', text: str(f.message) }),
          el('td', { class: 'col-location' }, el('code', { text: findingLocation(f) || '—' }))))
        : el('tr', { class: 'no-findings' }, el('td', { colspan: cols.length, text: t('noFindings') }))));
  }

  function reviewSummary(links) {
    const counts = verdictCounts();
    const method = reviewMethod();
    const ns = links.map((l) => (isNum(l.points) ? Math.round(l.points) : arr(l.sample).length));
    const maxN = ns.length ? Math.max(...ns) : 0;
    const grouping = str(obj(state.model.review).grouping) || 'total';
    const dash = (x) => (isNum(x) ? fmtNum(x, 6) : '—');
    return el('div', { class: 'panel review-summary' },
      el('div', { class: 'review-summary-row' },
        el('div', { class: 'review-chips', role: 'group', 'aria-label': t('verdictsLabel') },
          VERDICTS.map((v) => el('span', {
            class: 'chip verdict-chip verdict-' + v + (counts[v] ? '' : ' is-zero'), 'data-review-summary': v, 'data-count': counts[v]
          },
          el('span', { class: 'chip-glyph', 'aria-hidden': 'true', text: VERDICT_GLYPH[v] }),
          el('span', { class: 'chip-label', text: t('verdict.' + v) }),
          el('span', { class: 'chip-count', text: String(counts[v]) })))),
        ns.length ? el('p', { class: 'review-scope', 'data-grouping': grouping, text: t('reviewOver')(maxN, pointUnit(grouping, maxN), ns.every((n) => n === maxN)) }) : null),
      isNum(method.alpha) || isNum(method.minPoints) ? el('p', {
        class: 'review-method',
        text: t('reviewMethod')({
          alpha: dash(method.alpha), min: dash(method.minPoints), perm: dash(method.permutationBelow),
          count: isNum(method.permutations) ? fmtNum(method.permutations, 0) : '—', seed: isNum(method.seed) ? String(method.seed) : '—'
        })
      }) : null,
      el('p', { class: 'review-caveat' }, el('span', { class: 'caveat-mark', 'aria-hidden': 'true', text: 'i' }), el('span', { text: t('reviewCaveat') })));
  }

  function renderReviewPage(page, jobs) {
    const review = obj(state.model.review);
    const links = reviewLinks();
    const loops = arr(review.loops).filter((l) => l && typeof l === 'object');
    const findings = arr(review.findings).filter((f) => f && typeof f === 'object');
    const reportTemplate = str(state.model.template.name);
    const section = el('section', { class: 'page page-review', 'data-page-kind': 'review' },
      pageIntro(page, t('reviewSubtitle') + ' · ' + t('linksCount')(links.length)));
    if (nonEmpty(review.template) && nonEmpty(reportTemplate) && review.template !== reportTemplate) {
      section.appendChild(note(t('reviewTemplate', { review: review.template, report: reportTemplate }), 'warning-note'));
    }
    section.appendChild(reviewSummary(links));

    section.appendChild(el('h3', { class: 'review-heading', text: t('reviewLinks') }));
    section.appendChild(links.length
      ? el('div', { class: 'review-grid' }, links.map((l) => reviewLinkCard(l, jobs)))
      : note(t('reviewNoLinks'), 'empty-note'));

    section.appendChild(el('h3', { class: 'review-heading', text: t('reviewLoops') }));
    section.appendChild(loops.length
      ? el('ul', { class: 'review-loops' }, loops.map(reviewLoopItem))
      : note(t('noLoops'), 'muted'));

    section.appendChild(el('h3', { class: 'review-heading', text: t('findings') }));
    section.appendChild(el('div', { class: 'panel' }, findingsTable(findings)));
    return section;
  }

  // ------------------------------------------------------------------ conformance page

  /*
   * How the template departs from the one it extends, as `yardstick diff` classifies it: one row per change,
   * grouped by what changed, with the category's stable code and the before and after as written.
   */
  function renderConformancePage(page) {
    const report = obj(state.model.conformance);
    const summary = obj(report.summary);
    const changes = arr(report.changes).filter((c) => c && typeof c === 'object');
    const count = (k) => (isNum(summary[k]) ? summary[k] : changes.filter((c) => c.change === k).length);
    const subtitle = t('conformanceSubtitle')({
      template: str(report.template), against: str(report.against),
      added: count('added'), removed: count('removed'), changed: count('changed')
    });
    const section = el('section', { class: 'page page-conformance', 'data-page-kind': 'conformance' },
      pageIntro(page, subtitle));
    if (!changes.length) {
      section.appendChild(note(t('noDifferences'), 'empty-note'));
      return section;
    }
    const words = t('conformanceChange');
    const columns = t('conformanceColumns');
    const table = el('table', { class: 'alerts-table conformance-table' },
      el('thead', null, el('tr', null, columns.map((c) => el('th', { scope: 'col', text: c })))),
      el('tbody', null, changes.map((c) => el('tr', {
        class: 'conformance-change change-' + str(c.change), 'data-change': str(c.change), 'data-category': str(c.category)
      },
      el('td', null, el('span', { class: 'badge conformance-badge change-' + str(c.change), text: own(words, c.change) || str(c.change) })),
      el('td', { class: 'conformance-subject', text: conformanceSubject(str(c.subject)) }),
      el('td', null, el('code', { text: str(c.category) })),
      el('td', { class: 'conformance-detail', text: str(c.detail) })))));
    section.appendChild(el('div', { class: 'panel' }, table));
    return section;
  }

  /** A change's subject with its kind in the page's language; the name after it as written. */
  function conformanceSubject(subject) {
    const space = subject.indexOf(' ');
    const kind = space < 0 ? undefined : own(t('conformanceSubject'), subject.slice(0, space));
    return kind === undefined ? subject : kind + subject.slice(space);
  }

  // ------------------------------------------------------------------ detail panel

  function buildDrawer() {
    const backdrop = el('div', { class: 'drawer-backdrop', hidden: true, onclick: () => navigate({ metric: null }) });
    const body = el('div', { class: 'drawer-body' });
    const title = el('h2', { id: 'detail-title', class: 'drawer-title' });
    const overline = el('p', { class: 'drawer-overline' });
    const close = el('button', {
      type: 'button', class: 'detail-close', 'aria-label': t('close'), title: t('close'),
      onclick: () => navigate({ metric: null })
    }, '×');
    const panel = el('aside', {
      id: 'detail-panel', class: 'drawer', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'detail-title', hidden: true
    }, el('header', { class: 'drawer-head' }, el('div', { class: 'drawer-heading' }, overline, title), close), body);
    state.dom.drawer = { backdrop, panel, body, title, overline, close };
    return [backdrop, panel];
  }

  function fact(key, value) {
    const shown = value == null || value === '' ? el('span', { class: 'muted', text: t('notSet') }) : value;
    return el('div', { class: 'fact' }, el('dt', { text: key }), el('dd', null, shown));
  }

  function openDrawer(id) {
    const d = state.dom.drawer;
    if (!d) return;
    disposeCharts(state.drawerCharts);
    d.body.textContent = '';
    d.title.textContent = '';
    d.overline.textContent = '';
    d.panel.setAttribute('data-metric', id);
    d.panel.hidden = false;
    d.backdrop.hidden = false;
    document.body.classList.add('drawer-open');
    const metric = state.model.metricById.get(id);
    d.title.appendChild(metric ? metricLabelEl(id) : labelEl(null, id));
    if (!metric) {
      d.body.appendChild(note(t('unknownMetric', { id }), 'warning-note'));
      d.close.focus();
      return;
    }
    const layer = state.model.layerByName.get(metric.layer);
    d.overline.appendChild(layer ? labelEl(layer.labels, layer.name) : document.createTextNode(str(metric.layer)));
    const jobs = [];
    appendDetail(d.body, metric, jobs);
    jobs.forEach((job) => job());
    d.close.focus();
  }

  function closeDrawer() {
    const d = state.dom.drawer;
    if (!d) return;
    disposeCharts(state.drawerCharts);
    d.panel.hidden = true;
    d.backdrop.hidden = true;
    d.panel.removeAttribute('data-metric');
    d.body.textContent = '';
    document.body.classList.remove('drawer-open');
  }

  function appendDetail(body, metric, jobs) {
    const id = metric.id;
    const cells = totalSeries(id);
    const cell = cells && cells.length ? cells[Math.min(headlineIndex(), cells.length - 1)] : null;
    const status = cell ? cell.status : 'no-value';
    const latest = state.model.periods.length ? state.model.periods[state.model.periods.length - 1].label : '—';
    const kindText = own(DICT.en.kind, metric.kind) ? t('kind.' + metric.kind) : str(metric.kind);
    const unitText = metric.kind === 'duration' ? (nonEmpty(metric.unit) ? metric.unit : 'h')
      : metric.kind === 'percent' ? '%' : str(metric.unit);

    body.appendChild(el('p', { class: 'detail-id' }, el('span', { class: 'muted', text: t('id') + ' ' }), el('code', { text: id })));
    body.appendChild(el('div', { class: 'detail-kpi', 'data-status': status },
      el('div', null,
        el('span', { class: 'kpi-value status-text-' + status, 'data-detail-value': id, text: cell ? cell.display : '—' }),
        el('span', { class: 'detail-period', text: t('latestPeriod') + ' ' + latest })),
      el('div', { class: 'detail-kpi-side' }, badge(status), cells ? deltaEl(metric, cells) : null)));

    const layer = state.model.layerByName.get(metric.layer);
    body.appendChild(el('dl', { class: 'facts' },
      fact(t('layer'), layer ? labelEl(layer.labels, layer.name) : (nonEmpty(metric.layer) ? metric.layer : null)),
      fact(t('kindLabel'), kindText + (unitText ? ' · ' + unitText : '')),
      fact(t('directionLabel'), directionText(metric)),
      fact(t('target'), nonEmpty(metric.target) ? metric.target : null),
      fact(t('warning'), nonEmpty(metric.warning) ? metric.warning : null),
      fact(t('critical'), nonEmpty(metric.critical) ? metric.critical : null),
      fact(t('breakdowns'), arr(metric.breakdowns).length ? arr(metric.breakdowns).map(str).join(', ') : null),
      fact(t('goal'), nonEmpty(metric.goal) ? metric.goal : null),
      fact(t('owner'), nonEmpty(metric.owner) ? metric.owner : null),
      metric.supporting === true ? fact(t('status2'), t('supporting')) : null));

    body.appendChild(el('h3', { text: t('description') }));
    const hasDescription = nonEmpty(metric.description);
    body.appendChild(el('p', {
      class: hasDescription ? 'description' : 'description muted', text: hasDescription ? metric.description : t('noDescription')
    }));
    body.appendChild(el('h3', { text: t('formula') }));
    body.appendChild(el('pre', { class: 'formula' }, el('code', { text: nonEmpty(metric.formula) ? metric.formula : '—' })));

    if (cells && cells.length) {
      const option = trendOption(metric, cells);
      if (option) {
        body.appendChild(el('h3', { text: t('trend') }));
        const box = chartBox('trend', 190);
        body.appendChild(box);
        jobs.push(() => mountChart(box, option, state.drawerCharts));
      }
      const groupings = state.model.groupings.filter((g) => g.name !== 'total' && seriesOf(id, g.name));
      if (groupings.length) {
        body.appendChild(el('h3', { text: t('latestByBreakdown') }));
        groupings.forEach((g) => body.appendChild(breakdownBars(metric, g.name, true, jobs, state.drawerCharts)));
      }
    } else {
      body.appendChild(note(t('noValues'), 'warning-note'));
    }

    state.model.cohorts.filter((c) => c.ages.some((a) => obj(a).metric === id))
      .forEach((c) => body.appendChild(cohortTable(c)));

    body.appendChild(el('h3', { text: t('causalLinks') }));
    body.appendChild(linkLists(id, true));

    const alerts = state.model.alerts.filter((a) => a.metric === id);
    if (alerts.length) {
      body.appendChild(el('h3', { text: t('metricAlerts') }));
      body.appendChild(alertsByMetric(alerts));
    }
  }

  // ------------------------------------------------------------------ rendering and routing

  function readHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    return {
      page: params.get('page'), lang: params.get('lang'), metric: params.get('metric'), loop: params.get('loop'),
      print: params.get('print')
    };
  }

  function navigate(changes) {
    const next = {
      page: state.page ? state.page.name : null,
      lang: state.lang,
      metric: state.metric,
      ...changes
    };
    const params = new URLSearchParams();
    if (next.page != null) params.set('page', next.page);
    params.set('lang', next.lang);
    if (next.metric) params.set('metric', next.metric);
    const hash = '#' + params.toString();
    if (hash === location.hash) applyHash();
    else location.hash = hash;
  }

  function applyHash() {
    const m = state.model;
    const h = readHash();
    const lang = normLang(h.lang) || m.language;
    const page = m.pages.find((p) => p.name === h.page) || m.pages[0] || null;
    const metric = nonEmpty(h.metric) ? h.metric : null;
    const print = h.print === 'all';
    if (!state.rendered || lang !== state.lang || page !== state.page || print !== state.print) {
      state.lang = lang;
      state.page = page;
      state.metric = print ? null : metric;
      state.print = print;
      render();
    } else if (metric !== state.metric) {
      window.yardstickReady = false;
      state.metric = metric;
      if (metric) openDrawer(metric); else closeDrawer();
      window.yardstickReady = true;
    }
  }

  function render() {
    window.yardstickReady = false;
    const app = document.getElementById('app');
    disposeCharts(state.pageCharts);
    disposeCharts(state.drawerCharts);
    state.pendingCharts = [];
    app.textContent = '';
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.body.classList.remove('drawer-open');

    const page = state.page;
    const jobs = [];
    const main = el('main', { class: 'content', id: 'page', 'data-page': page ? page.name : '' });
    app.appendChild(renderHeader());
    app.appendChild(main);
    buildDrawer().forEach((n) => app.appendChild(n));

    const m = state.model;
    const reportTitle = labelText(m.def.labels, m.def.name || m.template.name || 'Yardstick');
    document.title = page ? labelText(page.labels, page.name) + ' · ' + reportTitle : reportTitle;

    if (!page) {
      main.appendChild(note(t('noPages'), 'empty-note'));
    } else if (state.print) {
      // #print=all (what `yardstick run --pdf` prints): every page, each starting on a sheet of its own.
      document.body.classList.add('print-all');
      m.pages.forEach((p) => main.appendChild(el('div', { class: 'print-sheet', 'data-print-page': p.name }, renderPage(p, jobs))));
    } else {
      document.body.classList.remove('print-all');
      main.appendChild(renderPage(page, jobs));
    }
    // Charts and the graph need laid-out containers, so they come after the DOM is attached.
    for (const job of jobs) {
      try {
        job();
      } catch (err) {
        main.appendChild(note(String(err && err.message ? err.message : err), 'warning-note'));
      }
    }
    if (state.metric) openDrawer(state.metric);
    state.rendered = true;
    document.body.dataset.page = page ? page.name : '';
    document.body.dataset.lang = state.lang;
    window.yardstickReady = true;
  }

  /** Every key path of the dictionary of a language: what the tests compare across languages. */
  function dictionaryKeys(dict, prefix) {
    return Object.keys(dict).flatMap((k) => {
      const v = dict[k];
      const path = prefix ? prefix + '.' + k : k;
      return v && typeof v === 'object' && !Array.isArray(v) ? dictionaryKeys(v, path) : [path];
    }).sort();
  }
  window.yardstickDictionaryKeys = () => ({ en: dictionaryKeys(DICT.en, ''), zh: dictionaryKeys(DICT.zh, '') });

  function renderPage(page, jobs) {
    const m = state.model;
    if (page.kind === 'graph') return renderGraphPage(page, jobs);
    if (page.kind === 'alerts') return renderAlertsPage(page);
    if (page.kind === 'review' && m.review) return renderReviewPage(page, jobs);
    if (page.kind === 'conformance' && m.conformance) return renderConformancePage(page);
    return renderMetricsPage(page, jobs);
  }

  function renderBroken() {
    const app = document.getElementById('app');
    if (!app) return;
    app.textContent = '';
    app.appendChild(el('main', { class: 'content' }, note(DICT.en.badPayload + ' / ' + DICT.zh.badPayload, 'warning-note')));
    document.body.dataset.page = '';
    document.body.dataset.lang = 'en';
    window.yardstickReady = true;
  }

  function onClick(ev) {
    const target = ev.target.closest ? ev.target.closest('[data-open-metric]') : null;
    if (!target) return;
    ev.preventDefault();
    navigate({ metric: target.getAttribute('data-open-metric') });
  }

  function onKey(ev) {
    if (ev.key === 'Escape' && state.metric) {
      navigate({ metric: null });
      return;
    }
    // SVG nodes are role=button; give them the keyboard behaviour of one.
    if ((ev.key === 'Enter' || ev.key === ' ') && ev.target instanceof SVGElement) {
      const target = ev.target.closest('[data-open-metric]');
      if (target) {
        ev.preventDefault();
        navigate({ metric: target.getAttribute('data-open-metric') });
      }
    }
  }

  let resizeTimer = 0;
  function onResize() {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const pending = state.pendingCharts.splice(0);
      for (const p of pending) mountChart(p.container, p.option, p.bucket);
      for (const c of state.pageCharts.concat(state.drawerCharts)) {
        if (!c.isDisposed()) c.resize();
      }
    }, 120);
  }

  function start() {
    window.yardstickReady = false;
    let payload = null;
    try {
      const node = document.getElementById('yardstick-report');
      payload = node ? JSON.parse(node.textContent) : null;
    } catch (err) {
      payload = null;
    }
    if (!payload || typeof payload !== 'object') {
      renderBroken();
      return;
    }
    state.model = buildModel(payload);
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', applyHash);
    window.addEventListener('resize', onResize);
    // Printing from the browser prints every page, as `yardstick run --pdf` does, not only the one on screen.
    window.addEventListener('beforeprint', () => {
      if (state.print) return;
      state.browserPrinting = true;
      state.print = true;
      render();
    });
    window.addEventListener('afterprint', () => {
      if (!state.browserPrinting) return;
      state.browserPrinting = false;
      state.print = false;
      render();
    });
    applyHash();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
