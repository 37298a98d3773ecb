// The post form: "需要几次助力" shows the chosen campaign's usual number as its placeholder
// (left empty, the server uses it). Without JavaScript the hint under the field says so.
(function () {
  var campaign = document.getElementById('campaign');
  var helps = document.getElementById('helpsNeeded');
  if (!campaign || !helps) {
    return;
  }
  var usual = helps.getAttribute('placeholder');
  campaign.addEventListener('change', function () {
    var option = campaign.options[campaign.selectedIndex];
    var own = option && option.getAttribute('data-default-helps');
    helps.setAttribute('placeholder', own || usual || '');
  });
})();
