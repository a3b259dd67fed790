// What a report holds beyond the scores: rank intervals of the sensitivity analysis, attribution of the latest change.
const AnalysisCharts = {
  render(report) {
    MethodCharts.show('sensitivity-card', report.sensitivity && report.sensitivity.regions.length);
    MethodCharts.show('latest-change-card', report.latestChange && report.latestChange.regions.length);
    if (report.sensitivity && report.sensitivity.regions.length) {
      AnalysisCharts.intervals(report.sensitivity);
    }
    if (report.latestChange && report.latestChange.regions.length) {
      AnalysisCharts.latestChange(report.latestChange);
    }
  },

  /** "5–11" for a region's 90 % rank interval, or '–' without one. */
  interval(sensitivity, region) {
    const row = sensitivity ? sensitivity.regions.find(r => r.region === region) : null;
    return row ? AnalysisCharts.rank(row.p5) + '–' + AnalysisCharts.rank(row.p95) : '–';
  },

  rank(value) {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  },

  /** Whiskers from p5 to p95 with the median as the box's line, the nominal rank as a dot; rank 1 on the left. */
  intervals(sensitivity) {
    const rows = sensitivity.regions;
    document.getElementById('sensitivity-settings').textContent = App.t('sensitivitySettings', {
      runs: sensitivity.runs, spread: Math.round(sensitivity.weightSpread * 100), v: sensitivity.version });
    const element = document.getElementById('sensitivity-chart');
    element.style.height = Math.max(240, 60 + rows.length * 18) + 'px';
    App.chart(element, {
      grid: { left: 8, right: 24, top: 40, bottom: 36, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'item', formatter: p => {
        const row = rows[p.dataIndex];
        return '<b>' + App.escape(App.name(row.regionName, row.region)) + '</b><br>' + App.t('nominalRank') + ': ' + row.nominalRank
          + '<br>' + App.t('interval') + ': ' + AnalysisCharts.interval(sensitivity, row.region) + '<br>' + App.t('median') + ': '
          + AnalysisCharts.rank(row.median);
      } },
      xAxis: { type: 'value', name: App.t('rank'), nameLocation: 'middle', nameGap: 26, min: 1, minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map(r => App.name(r.regionName, r.region)), axisLabel: { interval: 0 } },
      series: [
        { name: App.t('interval'), type: 'boxplot', boxWidth: [4, 10],
          data: rows.map(r => [r.p5, r.p5, r.median, r.p95, r.p95]) },
        { name: App.t('nominalRank'), type: 'scatter', symbolSize: 7, data: rows.map((r, i) => [r.nominalRank, i]) }
      ]
    });
  },

  /** Per region moved by the latest change, its five largest indicator contributions and the rest, stacked by sign. */
  latestChange(change) {
    const rows = change.regions;
    document.getElementById('latest-change-version').textContent = App.t('latestChangeOf', { v: change.version });
    const indicators = new Map();
    rows.forEach(r => r.contributions.forEach(c => indicators.set(c.indicator, c.names)));
    const value = (row, code) => (row.contributions.find(c => c.indicator === code) || {}).contribution ?? null;
    const series = [...indicators.entries()].map(([code, names]) => ({ name: App.name(names, code), type: 'bar', stack: 'change',
      data: rows.map(r => value(r, code)) }));
    if (rows.some(r => r.rest)) {
      series.push({ name: App.t('rest'), type: 'bar', stack: 'change', data: rows.map(r => (r.rest ? r.rest.contribution : null)) });
    }
    series.push({ name: App.t('scoreChange'), type: 'scatter', symbol: 'diamond', symbolSize: 10, z: 5,
      data: rows.map(r => r.scoreChange) });
    const element = document.getElementById('latest-change-chart');
    element.style.height = Math.max(240, 80 + rows.length * 28) + 'px';
    App.chart(element, {
      grid: { left: 8, right: 24, top: 40, bottom: 36, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', name: App.t('scoreChange'), nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'category', inverse: true, data: rows.map(r => App.name(r.regionName, r.region)), axisLabel: { interval: 0 } },
      series
    });
    document.querySelector('#latest-change tbody').innerHTML = rows.map(r => '<tr><td>' + App.escape(App.name(r.regionName, r.region))
      + '</td><td class="num ' + App.changeClass(r.scoreChange) + '">' + App.signed(r.scoreChange) + '</td><td>'
      + r.contributions.map(c => App.escape(App.name(c.names, c.indicator)) + ' ' + App.signed(c.contribution)).join(' · ')
      + (r.rest ? ' · ' + App.t('restOf', { n: r.rest.indicators }) + ' ' + App.signed(r.rest.contribution) : '') + '</td></tr>').join('');
  }
};
