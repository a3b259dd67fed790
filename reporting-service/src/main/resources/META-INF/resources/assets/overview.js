// Framework overview: every framework with links to the ranking of each reported period.
async function renderOverview() {
  const frameworks = await App.json('/api/frameworks');
  const rows = frameworks.map(f => {
    const periods = f.periods.length === 0 ? '<span class="meta">' + App.t('noReports') + '</span>'
      : f.periods.map(p => '<a href="/ranking.html?framework=' + encodeURIComponent(f.id) + '&period=' + p.period + '">'
          + p.period + '</a> <span class="meta">v' + p.version + '</span>').join(' · ');
    return '<tr data-framework="' + App.escape(f.id) + '"><td>' + App.escape(App.name(f.names, f.id)) + '<div class="meta">'
      + App.escape(f.id) + '</div></td><td>' + App.escape(f.method) + '</td><td>' + periods + '</td></tr>';
  });
  document.querySelector('#frameworks tbody').innerHTML = rows.join('');
}

App.start(renderOverview);
App.live(() => renderOverview());
