// The request page (/r/{id}), on top of a page that works without it: copy buttons appear
// (they do nothing without JavaScript, where the text field is selectable instead), the
// field selects itself when tapped, the QR unfolds on wide screens, and "我帮了" waits
// until the member has copied or opened the link on this page (remembered per request for
// the tab), which stands in for the checkbox the page shows without JavaScript.
(function () {
  'use strict';

  document.querySelectorAll('[data-copy-target][hidden]').forEach(function (button) {
    button.hidden = false;
  });

  document.querySelectorAll('[data-select-on-focus]').forEach(function (field) {
    var select = function () {
      field.select();
      if (field.setSelectionRange) { field.setSelectionRange(0, field.value.length); }
    };
    field.addEventListener('focus', select);
    field.addEventListener('click', select);
  });

  var fold = document.getElementById('qr-fold');
  if (fold && window.matchMedia && window.matchMedia('(min-width: 720px)').matches) {
    fold.open = true;
  }

  var form = document.getElementById('claim-form');
  if (!form) { return; }
  var button = document.getElementById('claim');
  var check = document.getElementById('claim-done');
  var label = document.getElementById('claim-check');
  var gate = document.getElementById('claim-gate');
  var key = 'helpboard.touched.' + form.getAttribute('data-request-id');

  function remembered() {
    try { return window.sessionStorage.getItem(key) === '1'; } catch (e) { return false; }
  }

  function open() {
    try { window.sessionStorage.setItem(key, '1'); } catch (e) { /* private mode: this page only */ }
    check.checked = true;
    button.disabled = false;
    if (gate) { gate.hidden = true; }
  }

  label.hidden = true;
  if (remembered()) {
    open();
  } else {
    check.checked = false;
    button.disabled = true;
    if (gate) { gate.hidden = false; }
  }
  document.addEventListener('click', function (event) {
    if (event.target.closest('#copy, #open-link')) { open(); }
  });
  var field = document.getElementById('share-text');
  if (field) { field.addEventListener('copy', open); }
})();
