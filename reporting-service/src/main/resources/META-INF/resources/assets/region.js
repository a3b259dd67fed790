// One region of a framework: radar across top-level dimensions in a period, score and rank over periods, levels over periods.
const frameworkId = App.param('framework');
const region = App.param('region');
let history = null;
let report = null;

function levelName(code) {
  return App.name((report.levelNames.find(l => l.code === code) || {}).names, code);
}

function renderRadar(selected) {
  const entry = report.ranking.find(e => e.region === region);
  const levels = report.levelNames.filter(l => l.depth === 1 && selected.levels && selected.levels[l.code] !== undefined);
  // one scale for every axis, so that the shape compares dimensions with each other
  const values = report.ranking.flatMap(e => levels.map(l => e.levels[l.code] || 0)).concat(levels.map(l => selected.levels[l.code] || 0));
  const top = Math.max(1, ...values);
  const scale = top > 10 ? Math.ceil(top / 10) * 10 : Math.ceil(top * 10) / 10;
  const max = () => scale;
  App.chart(document.getElementById('radar-chart'), {
    tooltip: {},
    radar: { indicator: levels.map(l => ({ name: App.name(l.names, l.code), max: max(l.code) })) },
    series: [{ type: 'radar', areaStyle: { opacity: .25 }, data: [{
      name: App.name(entry ? entry.regionName : null, region), value: levels.map(l => selected.levels[l.code]) }] }]
  });
}

function renderSeries() {
  const periods = history.periods.map(p => p.period);
  App.chart(document.getElementById('series-chart'), {
    grid: { left: 8, right: 8, top: 40, bottom: 24, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: periods },
    yAxis: [{ type: 'value', name: App.t('score') }, { type: 'value', name: App.t('rank'), inverse: true, minInterval: 1, min: 1,
      max: Math.max(2, report.ranking.length, ...history.periods.map(p => p.rank || 1)), splitLine: { show: false } }],
    series: [
      { name: App.t('score'), type: 'line', data: history.periods.map(p => p.score) },
      { name: App.t('rank'), type: 'line', yAxisIndex: 1, data: history.periods.map(p => p.rank) }
    ]
  });
}

function renderLevels() {
  const order = code => { const i = report.levelNames.findIndex(l => l.code === code); return i < 0 ? Infinity : i; };
  const codes = [...new Set(history.periods.flatMap(p => Object.keys(p.levels || {})))].sort((a, b) => order(a) - order(b));
  App.chart(document.getElementById('levels-chart'), {
    grid: { left: 8, right: 8, top: 40, bottom: 24, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: history.periods.map(p => p.period) },
    yAxis: { type: 'value' },
    series: codes.map(code => ({ name: levelName(code), type: 'line', data: history.periods.map(p => p.levels[code] ?? null) }))
  });
}

/** "rank 7 (90% interval 5–11)" when the report has the region's interval. */
function rankText(selected) {
  if (selected.rank === null || selected.rank === undefined) {
    return App.t('rank') + ' ' + App.t('insufficient');
  }
  const interval = selected.period === report.period ? AnalysisCharts.interval(report.sensitivity, region) : '–';
  return interval === '–' ? App.t('rank') + ' ' + selected.rank : App.t('rankWithInterval', { rank: selected.rank, interval });
}

/** "since 2020: score +4.5, rank +1 · since 2015: score +14.5 (+2.07 per year), rank +2" from the history's trend. */
function renderTrend() {
  const trend = history.trend;
  const since = (period, score, rank, extra) => App.t('trendSince', { p: period, s: App.signed(score) + extra, r: App.signed(rank) });
  const parts = [];
  if (trend && trend.previousPeriod) {
    parts.push(since(trend.previousPeriod, trend.score.sincePrevious, trend.rank.sincePrevious, ''));
  }
  if (trend && trend.firstPeriod && trend.firstPeriod !== trend.previousPeriod) {
    parts.push(since(trend.firstPeriod, trend.score.sinceFirst, trend.rank.sinceFirst,
      ' (' + App.t('perYear', { v: App.signed(trend.scoreChangePerYear) }) + ')'));
  }
  document.getElementById('trend').textContent = parts.join(' · ');
}

function render() {
  if (!history || !report) {
    return;
  }
  const selected = history.periods.find(p => p.period === report.period) || history.periods[history.periods.length - 1];
  document.title = App.name(history.regionName, region);
  document.getElementById('region-name').textContent = App.name(history.regionName, region);
  document.getElementById('framework-name').textContent = App.name(report.names, frameworkId);
  document.getElementById('radar-period').textContent = selected.period;
  document.getElementById('summary').textContent = App.t('period') + ' ' + selected.period + ' · ' + App.t('score') + ' '
    + (selected.score ?? '–') + ' · ' + rankText(selected);
  document.getElementById('back').href = '/ranking.html?framework=' + encodeURIComponent(frameworkId) + '&period=' + selected.period;
  renderRadar(selected);
  renderTrend();
  renderSeries();
  renderLevels();
}

async function load() {
  history = await App.json('/api/frameworks/' + encodeURIComponent(frameworkId) + '/regions/' + encodeURIComponent(region) + '/history');
  const period = App.param('period') || history.periods[history.periods.length - 1].period;
  report = await App.json('/api/reports/' + encodeURIComponent(frameworkId) + '/' + period);
  render();
}

App.start(() => (history ? render() : load()));
App.live(change => { if (change.frameworkId === frameworkId) { load(); } });
