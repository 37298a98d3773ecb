// Small progressive enhancements; every page works without them.
(function () {
  'use strict';

  function copyText(text, fallbackEl) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // WeChat's browser and plain http: select the text and use the old command
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.top = '-1000px';
      document.body.appendChild(area);
      area.select();
      area.setSelectionRange(0, text.length);
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else {
        if (fallbackEl) { selectAll(fallbackEl); }
        reject(new Error('copy failed'));
      }
    });
  }

  function selectAll(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    if (!button) { return; }
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target) { return; }
    var text = target.value !== undefined && target.tagName === 'TEXTAREA' ? target.value : target.textContent;
    copyText(text.trim(), target).then(function () {
      button.setAttribute('data-copied', 'true');
      var done = button.getAttribute('data-copied-label');
      if (done) { button.textContent = done; }
    }, function () {
      var manual = button.getAttribute('data-manual-label');
      if (manual) { button.textContent = manual; }
    });
  });

  // Live countdowns: <time data-countdown datetime="ISO"> shows the time left.
  function tick() {
    var now = Date.now();
    document.querySelectorAll('time[data-countdown]').forEach(function (el) {
      var end = Date.parse(el.getAttribute('datetime'));
      var left = Math.max(0, Math.floor((end - now) / 1000));
      var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
      var expired = el.getAttribute('data-expired-label') || '0:00:00';
      el.textContent = left === 0 ? expired : h + ':' + String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
      // the label beside it: the page says "截止 11-27 00:00" without JavaScript and
      // "剩余 3:12:05" with it (<span data-left-label="剩余">截止</span> <time …>)
      var label = el.parentNode && el.parentNode.querySelector('[data-left-label]');
      if (label && label.textContent !== label.getAttribute('data-left-label')) {
        label.textContent = label.getAttribute('data-left-label');
      }
    });
  }
  document.addEventListener('DOMContentLoaded', function () { tick(); setInterval(tick, 1000); });

  // The top bar's "我的" menu is a <details>: it opens and closes without JavaScript; with
  // it, a tap outside or Escape closes it too.
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.nav-menu[open]').forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.removeAttribute('open'); }
    });
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') { return; }
    document.querySelectorAll('details.nav-menu[open]').forEach(function (menu) {
      menu.removeAttribute('open');
      var summary = menu.querySelector('summary');
      if (summary) { summary.focus(); }
    });
  });

  // The nav's counts ("等我确认 3", "通知 2"): asked for again every few seconds while the
  // page is open and visible, and at once when it comes back into view. Without
  // JavaScript the counts are those the page was rendered with.
  var counted = document.querySelector('[data-count-url]');
  if (counted && window.fetch) {
    var url = counted.getAttribute('data-count-url');
    var every = Math.max(5, parseInt(counted.getAttribute('data-poll-seconds'), 10) || 20) * 1000;
    var refresh = function () {
      if (document.hidden) { return; }
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
        .then(function (response) {
          var type = response.headers.get('Content-Type') || '';
          return (response.ok && type.indexOf('json') >= 0) ? response.json() : null;
        })
        .then(function (counts) {
          if (!counts) { return; }
          document.querySelectorAll('[data-count]').forEach(function (badge) {
            var value = counts[badge.getAttribute('data-count')];
            if (typeof value !== 'number') { return; }
            badge.textContent = value > 0 ? String(value) : '';
            badge.hidden = value === 0;
            var label = badge.getAttribute('aria-label');
            if (label) { badge.setAttribute('aria-label', label.replace(/\d+/, String(value))); }
          });
        })
        .catch(function () { /* offline: keep what is shown */ });
    };
    window.setInterval(refresh, every);
    document.addEventListener('visibilitychange', function () { if (!document.hidden) { refresh(); } });
  }
})();
