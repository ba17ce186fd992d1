/* Bookings to confirm, on the finance console: deals reps closed won themselves, whose commission is pending
   (not earned, not payable) until finance or the rep's manager confirms it. Through the JSON API. */
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var dd = window.dealdesk;
  var list = document.getElementById('bookings');
  var notice = document.getElementById('bookings-notice');
  if (!dd || !list) {
    return;
  }
  var el = dd.el;

  function problem(error) {
    var details = (error.details || []).map(function (d) { return d.path + ': ' + d.message; });
    return error.message + (details.length ? ' (' + details.join('; ') + ')' : '');
  }

  function load() {
    return dd.api('GET', '/api/v1/bookings/awaiting-confirmation').then(function (items) {
      dd.clear(list);
      var mine = items.filter(function (b) { return b.canConfirm; });
      if (!mine.length) {
        list.appendChild(el('li', { 'class': 'empty', text: 'No bookings wait for confirmation.' }));
      }
      mine.forEach(function (b) {
        var commission = b.pendingCommission === null || b.pendingCommission === undefined ? 'commission not estimated'
          : 'commission ' + dd.money(b.pendingCommission, b.commissionCurrency) + ' pending';
        list.appendChild(el('li', { 'class': 'fin-row', id: 'booking-' + b.dealId },
          el('span', { 'class': 'grow' },
            el('strong', null, b.account), el('br'),
            el('span', { 'class': 'muted small' }, b.ownerName + ' closed it won on ' + b.closedOn + ' · '
              + dd.money(b.amount, b.currency) + ' · ' + commission)),
          el('button', { 'class': 'button', type: 'button', 'data-deal': b.dealId,
            'aria-label': 'Confirm the booking of ' + b.account + ' by ' + b.ownerName }, 'Confirm')));
      });
    }).catch(function (e) {
      dd.clear(list).appendChild(el('li', { 'class': 'empty', text: problem(e) }));
    });
  }

  list.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-deal]');
    if (!button) {
      return;
    }
    button.disabled = true;
    var id = button.getAttribute('data-deal');
    dd.api('POST', '/api/v1/deals/' + encodeURIComponent(id) + '/confirm-booking', {}).then(function () {
      notice.textContent = 'Booking of deal ' + id + ' confirmed: its commission is earned now.';
      return load();
    }).catch(function (e) {
      button.disabled = false;
      notice.textContent = 'Deal ' + id + ' was not confirmed: ' + problem(e);
    });
  });

  load();
});
