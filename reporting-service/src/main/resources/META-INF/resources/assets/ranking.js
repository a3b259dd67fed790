// Ranking of one framework-period: stacked bars by top-level dimension, movers, rank intervals, latest change, tables, live updates.
const frameworkId = App.param('framework');
const period = App.param('period');
let report = null;

function topLevels(report) {
  const carried = new Set(report.ranking.flatMap(entry => Object.keys(entry.levels || {})));
  return report.levelNames.filter(level => level.depth === 1 && carried.has(level.code));
}

/** Each bar is the region's score, split in proportion to its top-level dimension scores (exact values in the tooltip). */
function renderRankingChart() {
  const regions = report.ranking.map(entry => App.name(entry.regionName, entry.region));
  const levels = topLevels(report);
  const share = (entry, level) => {
    const values = levels.map(l => Math.max(0, entry.levels[l.code] || 0));
    const sum = values.reduce((a, b) => a + b, 0);
    return sum === 0 ? 0 : +(entry.score * Math.max(0, entry.levels[level.code] || 0) / sum).toFixed(4);
  };
  const series = levels.length === 0
    ? [{ name: App.t('score'), type: 'bar', data: report.ranking.map(entry => entry.score) }]
    : levels.map(level => ({ name: App.name(level.names, level.code), type: 'bar', stack: 'score', emphasis: { focus: 'series' },
        data: report.ranking.map(entry => share(entry, level)) }));
  const chart = App.chart(document.getElementById('ranking-chart'), {
    grid: { left: 8, right: 24, top: 40, bottom: 36, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: items => {
      const entry = report.ranking[items[0].dataIndex];
      const lines = levels.map(l => App.escape(App.name(l.names, l.code)) + ': ' + (entry.levels[l.code] ?? '–'));
      return '<b>' + entry.rank + '. ' + App.escape(App.name(entry.regionName, entry.region)) + '</b><br>' + App.t('score') + ': '
        + entry.score + '<br>' + lines.join('<br>');
    } },
    xAxis: { type: 'value', name: App.t('score'), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', inverse: true, data: regions, axisLabel: { interval: 0 } },
    series
  });
  chart.off('click');
  chart.on('click', params => {
    const entry = report.ranking[params.dataIndex];
    location.href = '/region.html?framework=' + encodeURIComponent(frameworkId) + '&region=' + encodeURIComponent(entry.region)
      + '&period=' + period;
  });
}

function renderMovers() {
  const basis = report.topMovers.basis === 'previousPeriod' ? App.t('basisPreviousPeriod') + ' ' + report.previousPeriod
    : App.t('basisPreviousVersion');
  document.getElementById('movers-basis').textContent = basis;
  const row = (mover, kind) => '<tr><td class="' + (kind === 'rising' ? 'up' : 'down') + '">' + App.t(kind) + '</td><td>'
    + App.escape(App.name(mover.regionName, mover.region)) + '</td><td class="num">' + mover.rank + '</td><td class="num '
    + App.changeClass(mover.rankChange) + '">' + App.signed(mover.rankChange) + '</td></tr>';
  const rows = report.topMovers.rising.map(m => row(m, 'rising')).concat(report.topMovers.falling.map(m => row(m, 'falling')));
  document.querySelector('#movers tbody').innerHTML = rows.length ? rows.join('') : '<tr><td>' + App.t('none') + '</td></tr>';
}

function renderInsufficient() {
  const names = report.insufficientDataRegions.map(r => App.escape(App.name(r.regionName, r.region)));
  document.getElementById('insufficient').innerHTML = names.length ? names.join(', ') : App.t('none');
  const warnings = report.warnings || [];
  document.getElementById('warnings').innerHTML = warnings.length ? warnings.map(w => '<li>' + App.escape(w) + '</li>').join('')
    : '<li>' + App.t('none') + '</li>';
}

function renderTable() {
  const levels = topLevels(report);
  const previous = report.previousPeriod ? App.t('rankChangePeriod', { p: report.previousPeriod }) : null;
  document.querySelector('#ranking-table thead').innerHTML = '<tr><th class="num">' + App.t('rank') + '</th><th>' + App.t('region_')
    + '</th><th class="num">' + App.t('score') + '</th>' + levels.map(l => '<th class="num">' + App.escape(App.name(l.names, l.code)) + '</th>').join('')
    + '<th class="num">' + App.t('rankChange') + '</th>' + (previous ? '<th class="num">' + previous + '</th>' : '')
    + (report.sensitivity ? '<th class="num">' + App.t('interval') + '</th>' : '') + '</tr>';
  document.querySelector('#ranking-table tbody').innerHTML = report.ranking.map(entry => '<tr><td class="num">' + entry.rank
    + '</td><td><a href="/region.html?framework=' + encodeURIComponent(frameworkId) + '&region=' + encodeURIComponent(entry.region)
    + '&period=' + period + '">' + App.escape(App.name(entry.regionName, entry.region)) + '</a></td><td class="num">' + entry.score
    + '</td>' + levels.map(l => '<td class="num">' + (entry.levels[l.code] ?? '–') + '</td>').join('')
    + '<td class="num ' + App.changeClass(entry.rankChange) + '">' + App.signed(entry.rankChange) + '</td>'
    + (previous ? '<td class="num ' + App.changeClass(entry.rankChangeVsPreviousPeriod) + '">' + App.signed(entry.rankChangeVsPreviousPeriod) + '</td>' : '')
    + (report.sensitivity ? '<td class="num interval">' + AnalysisCharts.interval(report.sensitivity, entry.region) + '</td>' : '')
    + '</tr>').join('');
}

function render() {
  if (!report) {
    return;
  }
  document.title = App.name(report.names, frameworkId) + ' ' + period;
  document.getElementById('title').textContent = App.name(report.names, frameworkId);
  document.getElementById('period').textContent = period;
  document.getElementById('report-version').textContent = report.version;
  const top = report.ranking[0];
  document.getElementById('top-region').textContent = top ? App.name(top.regionName, top.region) : App.t('none');
  renderRankingChart();
  renderMovers();
  renderInsufficient();
  renderTable();
  MethodCharts.render(report);
  AnalysisCharts.render(report);
}

async function load() {
  try {
    report = await App.json('/api/reports/' + encodeURIComponent(frameworkId) + '/' + period);
    document.getElementById('not-found').classList.add('hidden');
    render();
  } catch (e) {
    document.getElementById('not-found').classList.remove('hidden');
  }
}

document.getElementById('csv').href = '/api/reports/' + encodeURIComponent(frameworkId) + '/' + period + '.csv?bom=true';
document.getElementById('xlsx').href = '/api/reports/' + encodeURIComponent(frameworkId) + '/' + period + '.xlsx';
App.start(() => (report ? render() : load()));
App.live(async change => {
  if (change.frameworkId === frameworkId && change.period === period && (!report || change.version > report.version)) {
    await load();
    document.getElementById('notice').textContent = App.t('updated', { v: change.version });
  }
});
