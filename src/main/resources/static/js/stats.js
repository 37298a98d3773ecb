// The stats pages' charts (Apache ECharts, served by this app): each chart draws the table
// below it, so the numbers exist once and the page reads the same without JavaScript.
(function () {
  'use strict';
  if (!window.echarts) {
    return;
  }
  var colors = ['#e02e24', '#0b57d0', '#1a7f37', '#9a9a9f'];

  function number(cell) {
    var value = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent;
    return value === '' || value === null || isNaN(Number(value)) ? null : Number(value);
  }

  function read(table) {
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return Array.prototype.map.call(row.cells, function (cell, i) { return i === 0 ? cell.textContent.trim() : number(cell); });
    });
    return { heads: heads, rows: rows };
  }

  function column(data, i) {
    return data.rows.map(function (r) { return r[i]; });
  }

  var base = {
    color: colors,
    animation: false,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 8, right: 8, bottom: 4, top: 56, containLabel: true }
  };

  function daysChart(data) {
    return Object.assign({}, base, {
      xAxis: { type: 'category', data: column(data, 0), axisLabel: { fontSize: 10, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
      series: [1, 2, 3, 4].map(function (i) {
        return { name: data.heads[i], type: 'line', data: column(data, i), symbolSize: 4, smooth: false };
      })
    });
  }

  function campaignsChart(data) {
    // completion rate (%) on the left axis, median hours on the right
    return Object.assign({}, base, {
      xAxis: { type: 'category', data: column(data, 0), axisLabel: { fontSize: 10, interval: 0, width: 64, overflow: 'break' } },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { fontSize: 10, formatter: '{value}%' } },
        { type: 'value', min: 0, axisLabel: { fontSize: 10, formatter: '{value}h' }, splitLine: { show: false } }
      ],
      series: [
        { name: data.heads[4], type: 'bar', data: column(data, 4), barMaxWidth: 28 },
        { name: data.heads[5], type: 'bar', yAxisIndex: 1, data: column(data, 5), barMaxWidth: 28 }
      ]
    });
  }

  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (box) {
    var table = document.getElementById(box.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var data = read(table);
    box.classList.add('drawn');
    var chart = window.echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption(box.getAttribute('data-chart') === 'days' ? daysChart(data) : campaignsChart(data));
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
