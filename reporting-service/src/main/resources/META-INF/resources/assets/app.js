// Shared by the pages: language (zh/en), API access, ECharts defaults, live updates over Server-Sent Events.
const TEXT = {
  en: {
    overview: 'Frameworks', ranking: 'Ranking', region: 'Region profile', method: 'Method', periods: 'Periods', version: 'version',
    score: 'Score', rank: 'Rank', rankChange: 'Δ rank (version)', rankChangePeriod: 'Δ rank (vs {p})', trendSince: 'since {p}: score {s}, rank {r}', perYear: '{v} per year', scoreChangePeriod: 'Δ score',
    topMovers: 'Top movers', rising: 'Rising', falling: 'Falling', insufficient: 'Insufficient data', warnings: 'Warnings of the evaluation', none: 'none',
    csv: 'Download CSV', xlsx: 'Download Excel', print: 'Print', live: 'live', offline: 'offline', updated: 'Updated to version {v}',
    noReports: 'no report yet', deviation: 'Structure deviation by sector', contribution: 'contribution',
    heatMap: 'Risk heat map (region × sector)', coupling: 'Coupling coordination grades', grade: 'Grade', coordination: 'Coordination D',
    radar: 'Profile across dimensions', series: 'Score and rank over periods', levelsOverTime: 'Levels over periods',
    total: 'total', basisPreviousPeriod: 'vs previous period', basisPreviousVersion: 'vs previous version', period: 'Period',
    table: 'Ranking table', region_: 'Region', notFound: 'No report for this framework and period.',
    sensitivity: 'Rank intervals', sensitivitySettings: '{runs} runs, weights ± {spread} %, version {v}', interval: '90% interval',
    median: 'median', nominalRank: 'Nominal rank', rankWithInterval: 'Rank {rank} (90% interval {interval})',
    latestChange: 'Latest change', latestChangeOf: 'version {v}: contribution of each indicator to the score change',
    scoreChange: 'Δ score', rest: 'Other indicators', restOf: '{n} other'
  },
  zh: {
    overview: '指数框架', ranking: '排名', region: '地区画像', method: '方法', periods: '期次', version: '版本',
    score: '得分', rank: '排名', rankChange: '名次变化（版本）', rankChangePeriod: '名次变化（较{p}）', trendSince: '较{p}年：得分 {s}，名次 {r}', perYear: '年均 {v}', scoreChangePeriod: '得分变化',
    topMovers: '变动最大', rising: '上升', falling: '下降', insufficient: '数据不足', warnings: '计算提示', none: '无',
    csv: '下载 CSV', xlsx: '下载 Excel', print: '打印', live: '实时', offline: '离线', updated: '已更新至版本 {v}',
    noReports: '暂无报告', deviation: '分产业结构偏离度', contribution: '贡献率',
    heatMap: '风险热力图（地区 × 行业）', coupling: '耦合协调等级', grade: '等级', coordination: '协调度 D',
    radar: '各维度画像', series: '历年得分与排名', levelsOverTime: '历年各层级得分',
    total: '合计', basisPreviousPeriod: '较上期', basisPreviousVersion: '较上一版本', period: '期次',
    table: '排名表', region_: '地区', notFound: '该框架与期次暂无报告。',
    sensitivity: '排名区间', sensitivitySettings: '{runs} 次模拟，权重 ± {spread}%，版本 {v}', interval: '90% 区间',
    median: '中位数', nominalRank: '名义排名', rankWithInterval: '第 {rank} 名（90% 区间 {interval}）',
    latestChange: '最近一次变动', latestChangeOf: '版本 {v}：各指标对得分变化的贡献',
    scoreChange: '得分变化', rest: '其他指标', restOf: '其他 {n} 项'
  }
};

const App = {
  lang: new URLSearchParams(location.search).get('lang') || localStorage.getItem('lang')
      || ((navigator.language || 'en').startsWith('zh') ? 'zh' : 'en'),
  charts: [],

  t(key, values = {}) {
    let text = (TEXT[App.lang] || TEXT.en)[key] || key;
    Object.entries(values).forEach(([k, v]) => { text = text.replace('{' + k + '}', v); });
    return text;
  },

  name(names, fallback) {
    return names ? (names[App.lang] || names.en || names.zh || fallback) : fallback;
  },

  param(name) {
    return new URLSearchParams(location.search).get(name);
  },

  async json(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(response.status + ' ' + url);
    }
    return response.json();
  },

  /** Creates a chart with the PNG export every chart offers. */
  chart(element, option) {
    const existing = echarts.getInstanceByDom(element);
    const chart = existing || echarts.init(element);
    if (!existing) {
      App.charts.push(chart);
    }
    option.toolbox = { feature: { saveAsImage: { name: element.id, pixelRatio: 2, title: 'PNG' } } };
    chart.setOption(option, true);
    return chart;
  },

  translatePage() {
    document.documentElement.lang = App.lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-text]').forEach(el => { el.textContent = App.t(el.dataset.text); });
    const toggle = document.getElementById('lang');
    if (toggle) {
      toggle.textContent = App.lang === 'zh' ? 'English' : '中文';
    }
  },

  /** Wires the language switch; render() draws the page again in the other language. */
  start(render) {
    App.translatePage();
    const toggle = document.getElementById('lang');
    if (toggle) {
      toggle.addEventListener('click', () => {
        App.lang = App.lang === 'zh' ? 'en' : 'zh';
        localStorage.setItem('lang', App.lang);
        App.translatePage();
        render();
      });
    }
    document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
    window.addEventListener('resize', () => App.charts.forEach(c => c.resize()));
    window.addEventListener('beforeprint', () => App.charts.forEach(c => c.resize()));
    return render();
  },

  /** Calls onChange(change) for every new report version; shows whether the stream is connected. */
  live(onChange) {
    const badge = document.getElementById('live');
    const source = new EventSource('/api/reports/changes');
    source.onopen = () => { if (badge) { badge.textContent = App.t('live'); badge.className = 'live'; } };
    source.onerror = () => { if (badge) { badge.textContent = App.t('offline'); badge.className = 'live off'; } };
    source.onmessage = event => onChange(JSON.parse(event.data));
    return source;
  },

  signed(value) {
    if (value === null || value === undefined) {
      return '–';
    }
    return value > 0 ? '+' + value : String(value);
  },

  changeClass(value) {
    return value > 0 ? 'up' : value < 0 ? 'down' : '';
  },

  escape(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
};
