// The sent page follows its message: while it is on its way, the page is fetched again every few seconds and the
// state and receipts that have arrived replace those shown (the receipts are a live region, so a screen reader hears
// them). It stops at a final state, or after ten minutes; the refresh link is always there.
(function () {
  'use strict';

  var FINAL = ['ACKNOWLEDGED', 'REJECTED', 'FAILED'];
  var INTERVAL = 3000;
  var LIMIT = 10 * 60 * 1000;
  var started = Date.now();

  function update(page) {
    var next = new DOMParser().parseFromString(page, 'text/html');
    ['state', 'receipts'].forEach(function (id) {
      var fresh = next.getElementById(id);
      var shown = document.getElementById(id);
      if (fresh && shown && fresh.innerHTML !== shown.innerHTML) {
        shown.innerHTML = fresh.innerHTML;
        Object.assign(shown.dataset, fresh.dataset);
      }
    });
  }

  function follow() {
    var state = document.getElementById('state');
    if (!state || FINAL.indexOf(state.dataset.state) >= 0 || Date.now() - started > LIMIT) {
      return;
    }
    setTimeout(function () {
      fetch(window.location.href, {credentials: 'same-origin'}).then(function (response) {
        return response.ok ? response.text().then(update) : null;
      }).catch(function () {
        // The next look may reach the node again.
      }).then(follow);
    }, INTERVAL);
  }

  follow();
}());
