/* The quote builder: prices the form through POST /api/v1/quotes/preview as the rep types, saves, submits,
   and opens the proposal PDF. Everything the server sends is written as text, never as HTML. */
(function () {
  'use strict';
  var dd = window.dealdesk;
  var el = dd.el;
  var root = dd.root;
  var form = document.getElementById('quote-form');
  var linesBox = document.getElementById('lines');
  var lineTemplate = document.getElementById('line-template');
  var previewStatus = document.getElementById('preview-status');
  var actionStatus = document.getElementById('action-status');
  var saveButton = document.getElementById('save');
  var submitButton = document.getElementById('submit');
  var proposalButton = document.getElementById('proposal');

  var quoteId = root.getAttribute('data-quote-id') || '';
  var version = root.getAttribute('data-version') ? Number(root.getAttribute('data-version')) : null;
  var dirty = false;
  var sequence = 0;
  var inFlight = null;
  var lineIds = 0;

  // ---- reading the form ------------------------------------------------------------------------

  function rows() {
    return Array.prototype.slice.call(linesBox.querySelectorAll('[data-line]'));
  }

  function value(name) {
    var input = form.elements.namedItem(name);
    return input ? input.value.trim() : '';
  }

  function optional(text) {
    return text === '' ? null : text;
  }

  /** A number typed by a person: "1,5" is read as 1.5; blank is null; anything else is NaN. */
  function numeric(text) {
    if (text === '') {
      return null;
    }
    var normalised = text.replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : NaN;
  }

  /**
   * The request the form describes, and which row each sent line came from. Rows without a product are left
   * out (a half-filled new line should not stop the rest from being priced). Fields that are not numbers are
   * reported locally and sent as null, so the server still answers for the rest.
   */
  function collect() {
    var local = [];
    var sentRows = [];
    var lines = [];
    rows().forEach(function (row) {
      var sku = row.querySelector('[data-field="sku"]').value;
      if (!sku) {
        return;
      }
      var quantityInput = row.querySelector('[data-field="quantity"]');
      var discountInput = row.querySelector('[data-field="discountPercent"]');
      var quantity = numeric(quantityInput.value.trim());
      var discount = numeric(discountInput.value.trim());
      if (Number.isNaN(quantity)) {
        local.push({ input: quantityInput, message: 'Enter a number, like 10 or 2.5.' });
        quantity = null;
      }
      if (Number.isNaN(discount)) {
        local.push({ input: discountInput, message: 'Enter a percent, like 15.' });
        discount = null;
      }
      sentRows.push(row);
      lines.push({ sku: sku, quantity: quantity, discountPercent: discount === null ? 0 : discount });
    });
    var term = numeric(value('termMonths'));
    if (Number.isNaN(term)) {
      local.push({ input: form.elements.namedItem('termMonths'), message: 'Enter a whole number of months.' });
      term = null;
    }
    var dealId = value('dealId');
    var request = {
      dealId: dealId === '' ? null : Number(dealId),
      customer: {
        name: optional(value('customerName')),
        segment: optional(value('segment')),
        industry: optional(value('industry').toUpperCase()),
        country: optional(value('country').toUpperCase()),
        locale: optional(value('locale'))
      },
      currency: optional(value('currency')),
      priceBook: optional(value('priceBook')),
      termMonths: term,
      startDate: optional(value('startDate')),
      lines: lines
    };
    if (version !== null) {
      request.version = version;
    }
    return { request: request, rows: sentRows, local: local };
  }

  // ---- showing problems next to the fields they belong to -----------------------------------------

  function clearFieldErrors() {
    Array.prototype.forEach.call(document.querySelectorAll('.field-error[data-generated]'), function (node) {
      node.parentNode.removeChild(node);
    });
    Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid="true"]'), function (input) {
      input.removeAttribute('aria-invalid');
    });
    rows().forEach(function (row) {
      row.classList.remove('has-error');
      var list = row.querySelector('[data-line-errors]');
      dd.clear(list).hidden = true;
    });
  }

  function markField(input, message) {
    if (!input) {
      return false;
    }
    if (input.getAttribute('aria-invalid') === 'true') {
      return true; // already marked (our own check said it first, in plainer words)
    }
    input.setAttribute('aria-invalid', 'true');
    var field = input.closest('.field') || input.parentNode;
    field.appendChild(el('span', { 'class': 'field-error', 'data-generated': true, text: message }));
    return true;
  }

  function lineProblem(row, message) {
    row.classList.add('has-error');
    var list = row.querySelector('[data-line-errors]');
    list.appendChild(el('li', { text: message }));
    list.hidden = false;
  }

  /**
   * Puts a problem where it belongs: "lines[2].quantity" on that row's quantity, "lines[2]" on the row,
   * "customer.name" on the customer name; returns false when it belongs nowhere on the form.
   */
  function place(path, message, sentRows) {
    var match = /^lines\[(\d+)\](?:\.(\w+))?/.exec(path || '');
    if (match) {
      var row = sentRows[Number(match[1])];
      if (!row) {
        return false;
      }
      var input = match[2] ? row.querySelector('[data-field="' + match[2] + '"]') : null;
      if (input) {
        row.classList.add('has-error');
        return markField(input, message);
      }
      lineProblem(row, message);
      return true;
    }
    var target = path ? form.querySelector('[data-path="' + path + '"]') : null;
    return markField(target, message);
  }

  // ---- pricing --------------------------------------------------------------------------------------

  function preview() {
    var collected = collect();
    var mine = ++sequence;
    if (inFlight) {
      inFlight.abort();
    }
    inFlight = typeof AbortController === 'function' ? new AbortController() : null;
    previewStatus.textContent = 'Pricing…';
    previewStatus.className = 'status-line muted';
    if (collected.request.lines.length === 0) {
      clearFieldErrors();
      showLocal(collected.local);
      previewStatus.textContent = 'Add a product to see prices.';
      return;
    }
    dd.api('POST', '/api/v1/quotes/preview', collected.request, { signal: inFlight && inFlight.signal })
      .then(function (priced) {
        if (mine !== sequence) {
          return;
        }
        clearFieldErrors();
        showLocal(collected.local);
        render(priced, collected.rows);
      })
      .catch(function (error) {
        if (mine !== sequence || (error && error.name === 'AbortError')) {
          return;
        }
        clearFieldErrors();
        showLocal(collected.local);
        stale(true);
        showRequestProblem(error, collected.rows, previewStatus, 'Fix the marked fields to see prices.');
      });
  }

  function showLocal(local) {
    local.forEach(function (problem) {
      markField(problem.input, problem.message);
    });
  }

  function showRequestProblem(error, sentRows, statusNode, lead) {
    var unplaced = [];
    if (error instanceof dd.ApiError) {
      error.details.forEach(function (detail) {
        if (!place(detail.path, detail.message, sentRows)) {
          unplaced.push(detail.message);
        }
      });
      statusNode.textContent = error.details.length ? lead + (unplaced.length ? ' ' + unplaced.join(' ') : '')
                                                    : error.message;
    } else {
      statusNode.textContent = 'The server could not be reached. Check your connection.';
    }
    statusNode.className = 'status-line notice bad';
  }

  /** Figures from an earlier answer stay visible but faded while the form has problems. */
  function stale(on) {
    Array.prototype.forEach.call(document.querySelectorAll('#totals, [data-line-result], .running-total, #estimate-card, #approvals'), function (node) {
      node.classList.toggle('stale', on);
    });
  }

  function render(priced, sentRows) {
    var currency = priced.currency;
    stale(false);
    previewStatus.textContent = priced.errors && priced.errors.length
      ? 'Priced, but the quote cannot be submitted until the problems below are fixed.'
      : 'Priced just now.';
    previewStatus.className = 'status-line ' + (priced.errors && priced.errors.length ? 'notice warn' : 'muted');

    rows().forEach(function (row) {
      dd.clear(row.querySelector('[data-line-result]'));
    });
    (priced.lines || []).forEach(function (line, index) {
      var row = sentRows[index];
      if (row) {
        renderLine(row.querySelector('[data-line-result]'), line, currency);
      }
    });

    Object.keys(priced.totals || {}).forEach(function (name) {
      Array.prototype.forEach.call(document.querySelectorAll('[data-total="' + name + '"]'), function (cell) {
        cell.textContent = dd.money(priced.totals[name], currency);
      });
    });

    var approvals = dd.clear(document.getElementById('approvals'));
    document.getElementById('summary-approvals').textContent = !priced.approvals || priced.approvals.length === 0
      ? 'none' : priced.approvals.map(function (approval) { return dd.words(approval.level); }).join(', ');
    if (!priced.approvals || priced.approvals.length === 0) {
      approvals.appendChild(el('li', { 'class': 'empty', text: 'None needed.' }));
    } else {
      priced.approvals.forEach(function (approval) {
        approvals.appendChild(el('li', null, el('span', { 'class': 'badge PENDING', text: dd.words(approval.level) }),
          el('span', { text: approval.reason })));
      });
    }

    var errorsCard = document.getElementById('errors-card');
    var errors = dd.clear(document.getElementById('errors'));
    (priced.errors || []).forEach(function (problem) {
      var placed = place(problem.path, problem.message, sentRows);
      var match = /^lines\[(\d+)\]/.exec(problem.path || '');
      var where = match ? 'Line ' + (rows().indexOf(sentRows[Number(match[1])]) + 1) + ': ' : '';
      errors.appendChild(el('li', null, el('span', { text: where + problem.message })));
      if (!placed) {
        errors.lastChild.classList.add('unplaced');
      }
    });
    errorsCard.hidden = !(priced.errors && priced.errors.length);

    renderEstimate(priced.estimate, currency);
  }

  function renderLine(box, line, currency) {
    var unit = line.unit ? ' per ' + line.unit + (line.kind === 'SUBSCRIPTION' ? ' / month' : '') : '';
    box.appendChild(el('div', { 'class': 'headline' },
      el('span', null, dd.money(line.netPrice, currency, true) + unit),
      el('span', { 'class': 'num' }, dd.money(line.netTotal, currency))));
    if (line.kind === 'SUBSCRIPTION' && line.monthly !== undefined) {
      box.appendChild(el('div', { 'class': 'muted small' }, dd.money(line.monthly, currency) + ' a month'));
    }
    var body = el('tbody', null,
      el('tr', null, el('td', { colspan: 2, text: 'List price' }),
        el('td', { 'class': 'num', text: dd.money(line.listPrice, currency, true) })));
    (line.adjustments || []).forEach(function (step) {
      var delta = Number(step.after) - Number(step.before);
      body.appendChild(el('tr', null,
        el('td', null, el('div', { 'class': 'stage', text: dd.words(step.stage) }), el('div', { text: step.rule })),
        el('td', { 'class': 'num muted', text: describe(step, currency) }),
        el('td', { 'class': 'num' },
          el('span', { 'class': 'muted', text: dd.money(step.before, currency, true) + ' → ' }),
          el('span', { 'class': delta < 0 ? 'down' : delta > 0 ? 'up' : '', text: dd.money(step.after, currency, true) }))));
    });
    body.appendChild(el('tr', null, el('td', { colspan: 2 }, el('strong', { text: 'Net price' })),
      el('td', { 'class': 'num' }, el('strong', { text: dd.money(line.netPrice, currency, true) }))));
    var details = el('details', { 'class': 'trace' },
      el('summary', { text: (line.adjustments || []).length
        ? 'Price waterfall (' + line.adjustments.length + ' step' + (line.adjustments.length === 1 ? '' : 's') + ')'
        : 'Price waterfall (list price)' }),
      el('div', { 'class': 'table-wrap' }, el('table', { 'class': 'waterfall' },
        el('thead', null, el('tr', null, el('th', { text: 'Stage and rule' }), el('th', { 'class': 'num', text: 'Value' }),
          el('th', { 'class': 'num', text: 'Before → after' }))), body)));
    // open when there is something to see, unless the rep closed it (kept across re-pricing)
    var row = box.closest('[data-line]');
    var chosen = row && row.getAttribute('data-waterfall');
    details.open = chosen ? chosen === 'open' : Boolean(line.adjustments && line.adjustments.length);
    details.addEventListener('toggle', function () {
      if (row) {
        row.setAttribute('data-waterfall', details.open ? 'open' : 'closed');
      }
    });
    box.appendChild(details);
  }

  function describe(step, currency) {
    switch (step.kind) {
      case 'PERCENT': return '−' + dd.number(step.value) + ' %';
      case 'AMOUNT': return '−' + dd.money(step.value, currency, true);
      case 'OVERRIDE': return '= ' + dd.money(step.value, currency, true);
      default: return step.value === null || step.value === undefined ? '' : String(step.value);
    }
  }

  /** The commission estimate, when the commission feature answers; nothing at all when it does not. */
  function renderEstimate(estimate, currency) {
    var card = document.getElementById('estimate-card');
    var payBox = document.getElementById('summary-pay-box');
    if (!card) {
      payBox.hidden = !document.getElementById('summary-pay').textContent;
      return;
    }
    if (!estimate || estimate.amount === undefined || estimate.amount === null) {
      card.hidden = true;
      payBox.hidden = true;
      return;
    }
    card.hidden = false;
    payBox.hidden = false;
    document.getElementById('summary-pay').textContent = dd.money(estimate.amount, estimate.currency || currency);
    document.getElementById('estimate-amount').textContent = dd.money(estimate.amount, estimate.currency || currency);
    var parts = [];
    if (estimate.attainmentBefore !== undefined && estimate.attainmentAfter !== undefined) {
      parts.push('Attainment ' + dd.percent(estimate.attainmentBefore) + ' → ' + dd.percent(estimate.attainmentAfter));
    }
    if (estimate.bandsEntered && estimate.bandsEntered.length) {
      parts.push('reaches band ' + estimate.bandsEntered.join(', '));
    }
    if (estimate.period) {
      parts.push('in ' + estimate.period);
    }
    if (estimate.awards && estimate.awards.length) {
      parts.push('plus ' + estimate.awards.map(function (award) { return award.description || award.spif; }).join(', '));
    }
    document.getElementById('estimate-detail').textContent = parts.join(' · ');
    var cost = document.getElementById('estimate-discount');
    var perPoint = estimate.onePointMoreDiscountCosts;
    cost.textContent = perPoint !== undefined && perPoint !== null && Number(perPoint) > 0
      ? 'Each extra point of discount costs you ' + dd.money(perPoint, estimate.currency || currency) + '.' : '';
  }

  // ---- lines ----------------------------------------------------------------------------------------

  /** A new empty line at the end, with ids of its own; returns the line. */
  function newRow() {
    var fragment = lineTemplate.content.cloneNode(true);
    var row = fragment.querySelector('[data-line]');
    var suffix = 'n' + (++lineIds);
    Array.prototype.forEach.call(row.querySelectorAll('[id]'), function (node) {
      var old = node.id;
      node.id = old.replace(/-new$/, '-' + suffix);
      var label = row.querySelector('label[for="' + old + '"]');
      if (label) {
        label.setAttribute('for', node.id);
      }
    });
    linesBox.appendChild(fragment);
    return row;
  }

  function addLine() {
    newRow().querySelector('[data-field="sku"]').focus();
  }

  linesBox.addEventListener('click', function (event) {
    var button = event.target.closest('[data-remove]');
    if (!button) {
      return;
    }
    var row = button.closest('[data-line]');
    row.parentNode.removeChild(row);
    if (rows().length === 0) {
      addLine();
    }
    changed();
  });

  document.getElementById('add-line').addEventListener('click', addLine);

  // ---- save, submit, proposal ------------------------------------------------------------------------

  function say(message, kind) {
    actionStatus.textContent = message;
    actionStatus.className = 'status-line' + (kind ? ' notice ' + kind : '');
  }

  function setStatus(status, newVersion) {
    var badge = document.getElementById('quote-status');
    badge.textContent = dd.words(status);
    badge.className = 'badge ' + status;
    if (newVersion !== undefined) {
      version = newVersion;
      var shown = document.getElementById('quote-version');
      if (shown) {
        shown.textContent = String(newVersion);
      }
    }
  }

  function busy(button, on) {
    [saveButton, submitButton, proposalButton].filter(Boolean).forEach(function (other) {
      if (on) {
        other.setAttribute('data-was-disabled', other.disabled ? 'yes' : 'no');
        other.disabled = true;
      } else {
        other.disabled = other.getAttribute('data-was-disabled') === 'yes';
      }
    });
    button.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function save() {
    var collected = collect();
    if (collected.request.dealId === null) {
      clearFieldErrors();
      markField(form.elements.namedItem('dealId'), 'Choose the deal this quote is for.');
      say('Choose a deal before saving.', 'bad');
      return Promise.reject(new Error('no deal'));
    }
    var creating = !quoteId;
    var call = creating ? dd.api('POST', '/api/v1/quotes', collected.request)
                        : dd.api('PUT', '/api/v1/quotes/' + encodeURIComponent(quoteId), collected.request);
    return call.then(function (quote) {
      dirty = false;
      if (creating) {
        window.location.assign('/quotes/' + encodeURIComponent(quote.id));
        return quote;
      }
      setStatus(quote.status, quote.version);
      clearFieldErrors();
      render(quote.priced, collected.rows);
      say('Saved as version ' + quote.version + '.', 'good');
      return quote;
    }, function (error) {
      clearFieldErrors();
      if (error instanceof dd.ApiError && error.status === 409) {
        say(error.message + ' Reload the page to see the latest version.', 'bad');
      } else {
        showRequestProblem(error, collected.rows, actionStatus, 'Not saved: fix the marked fields.');
      }
      throw error;
    });
  }

  if (saveButton) saveButton.addEventListener('click', function () {
    busy(saveButton, true);
    say('Saving…');
    save().catch(function () { /* shown already */ }).then(function () { busy(saveButton, false); });
  });

  if (submitButton) submitButton.addEventListener('click', function () {
    if (!quoteId) {
      return;
    }
    busy(submitButton, true);
    say('Submitting…');
    var ready = dirty ? save() : Promise.resolve();
    ready.then(function () {
      return dd.api('POST', '/api/v1/quotes/' + encodeURIComponent(quoteId) + '/submit', { version: version });
    }).then(function (quote) {
      setStatus(quote.status, quote.version);
      say(quote.status === 'APPROVED' ? 'Submitted: no approval needed, the quote is approved.'
                                      : 'Submitted for approval.', 'good');
    }, function (error) {
      if (error instanceof dd.ApiError) {
        say('Not submitted: ' + error.message, 'bad');
      }
    }).then(function () { busy(submitButton, false); });
  });

  proposalButton.addEventListener('click', function () {
    if (!quoteId) {
      return;
    }
    // Opened now, while the tap still counts as the user's, so pop-up blockers let it through.
    var tab = window.open('', '_blank');
    busy(proposalButton, true);
    say('Rendering the proposal…');
    dd.api('GET', '/api/v1/quotes/' + encodeURIComponent(quoteId) + '/proposal.pdf', undefined,
      { blob: true, accept: 'application/pdf' })
      .then(function (pdf) {
        var url = URL.createObjectURL(pdf);
        var link = el('a', { href: url, download: 'proposal-' + quoteId + '.pdf', text: 'Download the proposal PDF' });
        dd.clear(actionStatus).appendChild(link);
        actionStatus.className = 'status-line';
        if (tab) {
          tab.opener = null;
          tab.location.href = url;
        }
      }, function (error) {
        if (tab) {
          tab.close();
        }
        say('No proposal: ' + (error && error.message ? error.message : 'the server could not be reached.'), 'bad');
      })
      .then(function () { busy(proposalButton, false); });
  });

  /** A manager, deal desk or finance decides the approvals that are theirs; the page reloads to show them. */
  ['approve', 'reject'].forEach(function (action) {
    var button = document.getElementById(action);
    if (!button) {
      return;
    }
    button.addEventListener('click', function () {
      var comment = document.getElementById('decision-comment').value.trim();
      button.disabled = true;
      say(action === 'approve' ? 'Approving…' : 'Rejecting…');
      dd.api('POST', '/api/v1/quotes/' + encodeURIComponent(quoteId) + '/' + action,
        { version: version, comment: comment === '' ? null : comment })
        .then(function () {
          dirty = false;
          window.location.reload();
        }, function (error) {
          button.disabled = false;
          say('Not ' + (action === 'approve' ? 'approved' : 'rejected') + ': '
            + (error && error.message ? error.message : 'the server could not be reached.'), 'bad');
        });
    });
  });

  // ---- bundles: choosing one brings its required and default options ---------------------------------

  function bundleChosen(select) {
    var chosen = select.options[select.selectedIndex];
    var options = chosen && chosen.getAttribute('data-bundle');
    if (!options) {
      return;
    }
    var present = rows().map(function (row) { return row.querySelector('[data-field="sku"]').value; });
    var added = [];
    options.split(' ').filter(Boolean).forEach(function (entry) {
      var parts = entry.split('*');
      if (present.indexOf(parts[0]) >= 0) {
        return;
      }
      var row = newRow();
      row.querySelector('[data-field="sku"]').value = parts[0];
      row.querySelector('[data-field="quantity"]').value = parts[1];
      added.push(parts[0] + (parts[2] === 'true' ? ' (required)' : ''));
    });
    if (added.length) {
      say('Added the bundle\'s options: ' + added.join(', ') + '.', 'good');
    }
  }

  linesBox.addEventListener('change', function (event) {
    if (event.target.matches('[data-field="sku"]')) {
      bundleChosen(event.target);
    }
  });

  // ---- a quote waiting for approval changes only once the rep has read that approvals start over ---------

  var unlock = document.getElementById('unlock');
  if (unlock) {
    unlock.addEventListener('click', function () {
      document.getElementById('quote-fields').disabled = false;
      saveButton.disabled = false;
      var warning = document.getElementById('resubmit-warning');
      warning.className = 'notice';
      dd.clear(warning).appendChild(el('p', { text: 'Saving makes a new version; its approvals are asked for again.' }));
      var first = form.querySelector('input, select');
      if (first) {
        first.focus();
      }
    });
  }

  // ---- on a phone, the field being typed in is never under the sticky summary -------------------------

  var summary = document.getElementById('summary-bar');
  form.addEventListener('focusin', function (event) {
    var target = event.target;
    if (!summary || getComputedStyle(summary).position !== 'sticky') {
      return;
    }
    window.setTimeout(function () {
      var top = summary.getBoundingClientRect().bottom + 8;
      var height = window.visualViewport ? window.visualViewport.height : window.innerHeight;
      var box = target.getBoundingClientRect();
      if (box.top < top) {
        window.scrollBy(0, box.top - top);
      } else if (box.bottom > height - 8) {
        window.scrollBy(0, box.bottom - height + 8);
      }
    }, 0);
  });

  // ---- wiring ----------------------------------------------------------------------------------------

  // A new quote's customer starts as the chosen deal's account; what the rep typed is never overwritten.
  var dealSelect = form.querySelector('select[name="dealId"]');
  if (dealSelect) {
    dealSelect.addEventListener('change', function () {
      var chosen = dealSelect.options[dealSelect.selectedIndex];
      [['customerName', 'data-account'], ['industry', 'data-industry']].forEach(function (pair) {
        var input = form.elements.namedItem(pair[0]);
        if (input && !input.value.trim() && chosen.getAttribute(pair[1])) {
          input.value = chosen.getAttribute(pair[1]);
        }
      });
    });
  }

  // A price book prices in its own currencies: picking one moves the currency along when it must.
  var bookSelect = form.querySelector('select[name="priceBook"]');
  var currencySelect = form.querySelector('select[name="currency"]');
  bookSelect.addEventListener('change', function () {
    var chosen = bookSelect.options[bookSelect.selectedIndex];
    var offered = (chosen.getAttribute('data-currencies') || '').split(' ').filter(Boolean);
    if (offered.length && offered.indexOf(currencySelect.value) < 0) {
      currencySelect.value = offered[0];
    }
  });

  var schedule = dd.debounce(preview, 300);
  function changed() {
    dirty = true;
    schedule();
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  window.addEventListener('beforeunload', function (event) {
    if (dirty && quoteId) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  preview();
}());
