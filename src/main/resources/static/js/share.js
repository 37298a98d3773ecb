// The author's share panel (request/share.html): one button that opens the phone's share
// sheet (Web Share API) where there is one, else copies the ready text. Without JavaScript
// the button stays hidden and the text sits in a readonly field to select.
(function () {
  'use strict';

  function selectField(field) {
    field.focus();
    field.select();
    field.setSelectionRange(0, field.value.length);
  }

  function copy(text, field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // WeChat's browser and plain http: the old command on the field itself
    return new Promise(function (resolve, reject) {
      selectField(field);
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      if (ok) { resolve(); } else { reject(new Error('copy failed')); }
    });
  }

  function setUp() {
    var button = document.getElementById('share-button');
    if (!button) { return; }
    var field = document.getElementById(button.getAttribute('data-share-target'));
    if (!field) { return; }
    var data = {
      title: button.getAttribute('data-share-title'),
      text: button.getAttribute('data-share-words'),
      url: button.getAttribute('data-share-url')
    };
    var canShare = typeof navigator.share === 'function' &&
      (typeof navigator.canShare !== 'function' || navigator.canShare(data));
    button.textContent = button.getAttribute(canShare ? 'data-share-label' : 'data-copy-label');
    button.hidden = false;

    function copied() {
      button.setAttribute('data-done', 'copied');
      button.textContent = button.getAttribute('data-copied-label');
    }
    function manual() {
      selectField(field);
      button.setAttribute('data-done', 'manual');
      button.textContent = button.getAttribute('data-manual-label');
    }
    function copyText() {
      copy(field.value, field).then(copied, manual);
    }

    button.addEventListener('click', function () {
      if (!canShare) { copyText(); return; }
      navigator.share(data).then(function () {
        button.setAttribute('data-done', 'shared');
        button.textContent = button.getAttribute('data-shared-label');
      }, function (error) {
        // the member closed the sheet: nothing to do; the sheet failed: copy instead
        if (!error || error.name !== 'AbortError') { copyText(); }
      });
    });
    // a tap in the field selects all of it, ready for the system's copy menu
    field.addEventListener('focus', function () { selectField(field); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
})();
