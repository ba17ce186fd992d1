/* The finance console: disputes (open first) with the disputed line's trace, comments and a resolve form;
   periods with close and pay behind a confirmation that says how many statements change; payouts CSV;
   adjustments; a user search. Everything goes through the JSON API with the page's bearer token. */
(function () {
  'use strict';
  var dd = window.dealdesk;
  var el = dd.el;
  var notice = document.getElementById('fin-notice');
  var selected = null;
  var pendingPeriod = null;
  var allUsers = [];

  function $(id) {
    return document.getElementById(id);
  }

  function say(text) {
    notice.textContent = text;
  }

  function problem(error) {
    var details = (error.details || []).map(function (d) { return d.path + ': ' + d.message; });
    return error.message + (details.length ? ' (' + details.join('; ') + ')' : '');
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
  }

  /* ---- disputes ---- */
  function loadDisputes() {
    return dd.api('GET', '/api/v1/disputes').then(function (disputes) {
      disputes.sort(function (a, b) {
        var openA = a.status === 'OPEN' ? 0 : 1;
        var openB = b.status === 'OPEN' ? 0 : 1;
        return openA - openB || b.id - a.id;
      });
      var list = dd.clear($('disputes'));
      if (!disputes.length) {
        list.appendChild(el('li', { 'class': 'empty', text: 'No disputes.' }));
      }
      disputes.forEach(function (d) {
        list.appendChild(el('li', { 'class': 'fin-row' },
          el('span', { 'class': 'grow' },
            el('strong', null, d.username + ' · ' + d.period), el('br'),
            el('span', { 'class': 'muted small' }, (d.transactionId || 'missing deal') + ' · ' + d.reason)),
          el('span', { 'class': 'badge' + (d.status === 'OPEN' ? ' fin-open' : '') }, dd.words(d.status)),
          el('button', { 'class': 'button secondary', type: 'button', 'data-dispute': d.id,
            'aria-label': 'Open dispute ' + d.id + ' of ' + d.username }, 'Open')));
      });
    }).catch(function (e) {
      dd.clear($('disputes')).appendChild(el('li', { 'class': 'empty', text: problem(e) }));
    });
  }

  function traceOf(line) {
    var t = line.trace || {};
    var parts = [];
    if (t.plan) {
      parts.push('plan ' + t.plan);
    }
    if (t.rules && t.rules.length) {
      parts.push('rules ' + t.rules.join(', '));
    }
    return el('div', { 'class': 'statement-line' },
      el('div', null, el('strong', null, line.transactionId + ' · ' + (line.component || '')),
        line.band ? ' · band ' + line.band : ''),
      el('div', { 'class': 'small' }, 'base ' + dd.number(line.baseAmount) + ' × rate ' + dd.number(line.rate, 4)
        + ' = ' + dd.number(line.amount)),
      parts.length ? el('div', { 'class': 'muted small' }, parts.join(' · ')) : null,
      el('details', null, el('summary', null, 'Full trace'), el('pre', { 'class': 'fin-trace' }, JSON.stringify(t, null, 2))));
  }

  function showDispute(id) {
    return dd.api('GET', '/api/v1/disputes/' + encodeURIComponent(id)).then(function (d) {
      selected = d;
      $('dispute-detail').hidden = false;
      $('dispute-title').textContent = 'Dispute ' + d.id + ': ' + d.username + ', ' + d.period;
      $('dispute-summary').textContent = d.reason
        + (d.expectedAmount !== null && d.expectedAmount !== undefined ? ' · expects ' + dd.number(d.expectedAmount) : '')
        + ' · ' + dd.words(d.status) + ' · opened by ' + d.createdBy + ' ' + when(d.createdAt);
      var lines = dd.clear($('dispute-lines'));
      if (d.missing) {
        lines.appendChild(el('p', { 'class': 'muted' }, 'No statement line: the rep says this deal is missing.'));
      }
      (d.lines || []).forEach(function (line) {
        lines.appendChild(traceOf(line));
      });
      var comments = dd.clear($('dispute-comments'));
      if (!d.comments || !d.comments.length) {
        comments.appendChild(el('li', { 'class': 'muted small' }, 'No comments.'));
      }
      (d.comments || []).forEach(function (c) {
        comments.appendChild(el('li', null, el('strong', null, c.author), ' ', c.text,
          el('span', { 'class': 'muted small' }, ' · ' + when(c.createdAt))));
      });
      var open = d.status === 'OPEN';
      $('resolve-form').hidden = !open;
      if (!open && d.resolution) {
        comments.appendChild(el('li', { 'class': 'fin-resolution' }, 'Resolved ' + dd.words(d.resolution.resolution)
          + (d.resolution.amount !== null && d.resolution.amount !== undefined ? ' with ' + dd.number(d.resolution.amount) : '')
          + ' by ' + d.resolution.by + ': ' + d.resolution.reason));
      }
      $('resolve-error').textContent = '';
      $('dispute-detail').scrollIntoView({ block: 'start' });
    }).catch(function (e) {
      say(problem(e));
    });
  }

  $('disputes').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-dispute]');
    if (button) {
      showDispute(button.getAttribute('data-dispute'));
    }
  });

  $('comment-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!selected) {
      return;
    }
    $('comment-error').textContent = '';
    dd.api('POST', '/api/v1/disputes/' + selected.id + '/comments', { text: $('comment-text').value })
      .then(function () {
        $('comment-text').value = '';
        return showDispute(selected.id);
      }).catch(function (e) {
        $('comment-error').textContent = problem(e);
      });
  });

  $('resolution').addEventListener('change', function () {
    $('resolve-amount-field').hidden = $('resolution').value !== 'ADJUSTED';
  });

  $('resolve-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!selected) {
      return;
    }
    var resolution = $('resolution').value;
    var body = { resolution: resolution, reason: $('resolve-reason').value };
    if (resolution === 'ADJUSTED') {
      body.amount = $('resolve-amount').value.trim() === '' ? null : $('resolve-amount').value.trim();
    }
    $('resolve-error').textContent = '';
    dd.api('POST', '/api/v1/disputes/' + selected.id + '/resolve', body).then(function (d) {
      say('Dispute ' + d.id + ' resolved: ' + dd.words(d.status) + '.');
      $('resolve-amount').value = '';
      $('resolve-reason').value = '';
      return Promise.all([loadDisputes(), loadAdjustments(), showDispute(d.id)]);
    }).catch(function (e) {
      $('resolve-error').textContent = problem(e);
    });
  });

  /* ---- periods ---- */
  function loadPeriods() {
    return dd.api('GET', '/api/v1/periods').then(function (periods) {
      var list = dd.clear($('periods'));
      if (!periods.length) {
        list.appendChild(el('li', { 'class': 'empty', text: 'No periods with statements yet.' }));
      }
      periods.slice().reverse().forEach(function (p) {
        var s = p.statements || { open: 0, closed: 0, paid: 0 };
        list.appendChild(el('li', { 'class': 'fin-row', 'data-period': p.period },
          el('span', { 'class': 'grow' }, el('strong', null, p.period), ' ',
            el('span', { 'class': 'badge' }, dd.words(p.status)), el('br'),
            el('span', { 'class': 'muted small' }, s.open + ' open · ' + s.closed + ' closed · ' + s.paid + ' paid')),
          el('span', { 'class': 'button-row' },
            s.open > 0 ? el('button', { 'class': 'button secondary', type: 'button', 'data-action': 'close',
              'data-period': p.period, 'data-count': s.open, 'aria-label': 'Close ' + p.period }, 'Close') : null,
            s.closed > 0 ? el('button', { 'class': 'button secondary', type: 'button', 'data-action': 'pay',
              'data-period': p.period, 'data-count': s.closed, 'aria-label': 'Pay ' + p.period }, 'Pay') : null,
            el('button', { 'class': 'button quiet', type: 'button', 'data-action': 'csv', 'data-period': p.period,
              'aria-label': 'Download payouts CSV of ' + p.period }, 'Payouts CSV'))));
      });
    }).catch(function (e) {
      dd.clear($('periods')).appendChild(el('li', { 'class': 'empty', text: problem(e) }));
    });
  }

  function download(period) {
    dd.api('GET', '/api/v1/payouts/' + encodeURIComponent(period), undefined, { accept: 'text/csv', blob: true })
      .then(function (blob) {
        var url = URL.createObjectURL(blob);
        var link = el('a', { href: url, download: 'payouts-' + period + '.csv', hidden: true });
        document.body.appendChild(link);
        link.click();
        setTimeout(function () {
          URL.revokeObjectURL(url);
          link.remove();
        }, 1000);
        say('Payouts of ' + period + ' downloaded.');
      }).catch(function (e) {
        say(problem(e));
      });
  }

  $('periods').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-action]');
    if (!button) {
      return;
    }
    var period = button.getAttribute('data-period');
    var action = button.getAttribute('data-action');
    if (action === 'csv') {
      download(period);
      return;
    }
    var count = Number(button.getAttribute('data-count'));
    pendingPeriod = { period: period, action: action };
    $('period-confirm-text').textContent = action === 'close'
      ? 'Close ' + period + '? ' + count + (count === 1 ? ' statement changes' : ' statements change')
        + ' from open to closed and can no longer change.'
      : 'Pay ' + period + '? ' + count + (count === 1 ? ' statement changes' : ' statements change')
        + ' from closed to paid.';
    $('period-force-label').hidden = action !== 'close';
    $('period-force').checked = false;
    $('period-error').textContent = '';
    $('period-confirm').hidden = false;
    $('period-confirm-yes').focus();
  });

  $('period-confirm-no').addEventListener('click', function () {
    pendingPeriod = null;
    $('period-confirm').hidden = true;
  });

  $('period-confirm-yes').addEventListener('click', function () {
    if (!pendingPeriod) {
      return;
    }
    var p = pendingPeriod;
    var body = p.action === 'close' ? { force: $('period-force').checked } : {};
    dd.api('POST', '/api/v1/periods/' + encodeURIComponent(p.period) + '/' + p.action, body).then(function (outcome) {
      pendingPeriod = null;
      $('period-confirm').hidden = true;
      say(outcome.period + ' is now ' + dd.words(outcome.status).toLowerCase() + ': ' + outcome.statements
        + ' statements changed.');
      return loadPeriods();
    }).catch(function (e) {
      $('period-error').textContent = problem(e);
    });
  });

  /* ---- adjustments ---- */
  function loadAdjustments() {
    return dd.api('GET', '/api/v1/adjustments').then(function (adjustments) {
      var list = dd.clear($('adjustments'));
      if (!adjustments.length) {
        list.appendChild(el('li', { 'class': 'empty', text: 'No adjustments.' }));
      }
      adjustments.slice().sort(function (a, b) { return b.id - a.id; }).slice(0, 20).forEach(function (a) {
        list.appendChild(el('li', { 'class': 'fin-row fin-adjustment' },
          el('span', { 'class': 'grow' }, el('strong', null, a.username + ' · ' + a.period), el('br'),
            el('span', { 'class': 'muted small' }, dd.words(a.kind) + ' · ' + a.reason
              + (a.disputeId ? ' · dispute ' + a.disputeId : '') + (a.sourcePeriod ? ' · for ' + a.sourcePeriod : ''))),
          el('span', { 'class': 'num' }, dd.number(a.amount))));
      });
    }).catch(function (e) {
      dd.clear($('adjustments')).appendChild(el('li', { 'class': 'empty', text: problem(e) }));
    });
  }

  $('adjust-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var amount = $('adjust-amount').value.trim();
    var body = { username: $('adjust-username').value.trim(), period: $('adjust-period').value.trim(),
      amount: amount === '' ? null : amount, reason: $('adjust-reason').value };
    $('adjust-error').textContent = '';
    dd.api('POST', '/api/v1/adjustments', body).then(function (a) {
      say('Adjustment of ' + dd.number(a.amount) + ' posted for ' + a.username + ' in ' + a.period + '.');
      $('adjust-form').reset();
      return loadAdjustments();
    }).catch(function (e) {
      $('adjust-error').textContent = problem(e);
    });
  });

  /* ---- users ---- */
  function showUsers() {
    var q = $('user-search').value.trim().toLowerCase();
    var list = dd.clear($('users'));
    var found = allUsers.filter(function (u) {
      return !q || u.username.toLowerCase().indexOf(q) >= 0 || (u.name || '').toLowerCase().indexOf(q) >= 0
        || u.role.toLowerCase().indexOf(q) >= 0;
    });
    if (!found.length) {
      list.appendChild(el('li', { 'class': 'empty', text: 'Nobody matches.' }));
    }
    found.slice(0, 30).forEach(function (u) {
      list.appendChild(el('li', { 'class': 'fin-row' },
        el('span', { 'class': 'grow' }, el('strong', null, u.name), ' ', el('span', { 'class': 'muted small' },
          u.username + ' · ' + dd.words(u.role) + (u.manager ? ' · reports to ' + u.manager : ''))),
        u.role === 'REP' || u.role === 'MANAGER'
          ? el('a', { 'class': 'button quiet', href: '/dashboard?user=' + encodeURIComponent(u.username) }, 'Dashboard')
          : null));
    });
  }

  function loadUsers() {
    return dd.api('GET', '/api/v1/users').then(function (users) {
      allUsers = users;
      showUsers();
    }).catch(function (e) {
      dd.clear($('users')).appendChild(el('li', { 'class': 'empty', text: problem(e) }));
    });
  }

  $('user-search').addEventListener('input', dd.debounce(showUsers, 150));

  $('resolve-amount-field').hidden = $('resolution').value !== 'ADJUSTED';
  /* ---- what-if: a draft plan against a period, nothing stored ---- */
  $('whatif-form').addEventListener('submit', function (event) {
    event.preventDefault();
    $('whatif-error').textContent = '';
    var plan = $('whatif-plan').value.trim();
    var period = $('whatif-period').value.trim();
    var text = $('whatif-document').value;
    if (!plan) {
      $('whatif-error').textContent = 'Name the plan to compare with.';
      return;
    }
    var json = text.trim().charAt(0) === '{';
    dd.api('POST', '/api/v1/plans/' + encodeURIComponent(plan) + '/simulate?period=' + encodeURIComponent(period),
      text, { contentType: json ? 'application/json' : 'application/yaml' }).then(function (result) {
      $('whatif-caption').textContent = 'Plan ' + plan + ' in ' + result.period + ': ' + result.users.length + ' reps';
      var rows = dd.clear($('whatif-rows'));
      result.users.forEach(function (user) {
        rows.appendChild(el('tr', null, el('th', { scope: 'row' }, user.username), el('td', null, dd.number(user.current)),
          el('td', null, dd.number(user.simulated)), el('td', null, dd.number(user.difference))));
      });
      var total = dd.clear($('whatif-total'));
      total.appendChild(el('th', { scope: 'row' }, 'Total cost'));
      total.appendChild(el('td', null, dd.number(result.total.current)));
      total.appendChild(el('td', null, dd.number(result.total.simulated)));
      total.appendChild(el('td', { id: 'whatif-difference' }, dd.number(result.total.difference)));
      $('whatif-result').hidden = false;
    }).catch(function (e) {
      $('whatif-result').hidden = true;
      $('whatif-error').textContent = problem(e);
    });
  });

  Promise.all([loadDisputes(), loadPeriods(), loadAdjustments(), loadUsers()]).then(function () {
    dd.root.setAttribute('data-loaded', 'true');
  });
}());
