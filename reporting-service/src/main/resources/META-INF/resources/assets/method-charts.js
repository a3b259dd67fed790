// The method's own tables of a report (methodTables): structure deviation, risk heat map, coupling grades.
const MethodCharts = {
  render(report) {
    const tables = report.methodTables || {};
    MethodCharts.show('deviation-card', tables.deviation);
    MethodCharts.show('heat-map-card', tables.riskHeatMap);
    MethodCharts.show('coupling-card', tables.couplingGrades);
    if (tables.deviation) {
      MethodCharts.deviation(report, tables.deviation);
    }
    if (tables.riskHeatMap) {
      MethodCharts.heatMap(tables.riskHeatMap);
    }
    if (tables.couplingGrades) {
      MethodCharts.coupling(tables.couplingGrades);
    }
  },

  show(id, data) {
    document.getElementById(id).classList.toggle('hidden', !data);
  },

  /** d_i per region and sector: above zero the sector is short of talent, below zero it has a surplus. */
  deviation(report, rows) {
    const sectors = rows.length ? rows[0].sectors.map(s => s.sector) : [];
    const sectorName = code => App.name((report.levelNames.find(l => l.code === code) || {}).names, code);
    App.chart(document.getElementById('deviation-chart'), {
      grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'item', formatter: p => {
        const cell = rows[p.dataIndex].sectors[p.seriesIndex];
        return App.escape(p.name) + ' · ' + App.escape(p.seriesName) + '<br>d = ' + cell.deviation + '<br>' + App.t('contribution') + ': '
          + (cell.contribution === null ? '–' : (cell.contribution * 100).toFixed(1) + '%');
      } },
      xAxis: { type: 'category', data: rows.map(r => App.name(r.regionName, r.region)) },
      yAxis: { type: 'value', name: 'd' },
      series: sectors.map((code, i) => ({ name: sectorName(code), type: 'bar', data: rows.map(r => r.sectors[i].deviation) }))
    });
  },

  heatMap(map) {
    const levels = map.riskLevels;
    const top = levels.length ? levels[levels.length - 1].from : 100;
    const data = [];
    map.regions.forEach((row, y) => row.cells.forEach((cell, x) => data.push([x, y, cell.score])));
    App.chart(document.getElementById('heat-map-chart'), {
      grid: { left: 8, right: 24, top: 16, bottom: 80, containLabel: true },
      tooltip: { formatter: p => {
        const row = map.regions[p.data[1]];
        const cell = row.cells[p.data[0]];
        const level = levels.find(l => l.code === cell.riskLevel);
        return App.escape(App.name(row.regionName, row.region)) + ' · ' + App.escape(App.name(map.sectors[p.data[0]].names, cell.sector))
          + '<br>' + (cell.score ?? '–') + (level ? ' · ' + App.escape(App.name(level.names, level.code)) : '');
      } },
      xAxis: { type: 'category', data: map.sectors.map(s => App.name(s.names, s.code)), splitArea: { show: true }, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'category', data: map.regions.map(r => App.name(r.regionName, r.region)), splitArea: { show: true } },
      visualMap: levels.length
        ? { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, pieces: levels.map((l, i) => ({
            gte: l.from, lt: i + 1 < levels.length ? levels[i + 1].from : undefined, label: App.name(l.names, l.code) })),
            inRange: { color: ['#dcefdc', '#fff3c4', '#f9b38a', '#d6453d'] } }
        : { min: 0, max: top, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
      series: [{ type: 'heatmap', data, label: { show: true, color: '#1f2933' } }]
    });
  },

  coupling(rows) {
    document.querySelector('#coupling tbody').innerHTML = '<tr><th>' + App.t('region_') + '</th><th class="num">' + App.t('coordination')
      + '</th><th class="num">' + App.t('grade') + '</th><th></th></tr>' + rows.map(r => '<tr><td>' + App.escape(App.name(r.regionName, r.region))
      + '</td><td class="num">' + (r.coordination ?? '–') + '</td><td class="num">' + (r.grade ?? '–') + '</td><td>'
      + App.escape(App.name(r.gradeName, '')) + '</td></tr>').join('');
  }
};
