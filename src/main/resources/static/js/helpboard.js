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
    });
  }
  document.addEventListener('DOMContentLoaded', function () { tick(); setInterval(tick, 1000); });
})();
