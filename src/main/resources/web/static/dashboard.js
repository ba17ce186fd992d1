/* The rep dashboard: GET /api/v1/dashboard/{username}?period= and the period's statement. When the commission
   API is missing or has nothing for the period, the page says so instead of breaking. */
(function () {
  'use strict';
  var dd = window.dealdesk;
  var el = dd.el;
  var root = dd.root;
  var username = root.getAttribute('data-username');
  var period = root.getAttribute('data-period') || '';
  var notice = document.getElementById('dash-notice');
  var body = document.getElementById('dash-body');

  function show(message, kind) {
    notice.textContent = message;
    notice.className = 'notice' + (kind ? ' ' + kind : '');
    notice.hidden = false;
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  /** Probabilities may come as fractions (0.75) or percents (75). */
  function probability(value) {
    var number = Number(value);
    return number > 1 ? number / 100 : number;
  }

  /**
   * Band edges as attainment fractions. Labels name the plan's edges ("0.5-1", "1.5+"): fractions of quota
   * for an ATTAINMENT basis, amounts for an AMOUNT basis; nextBandAt is the credited amount where the next
   * band starts. Anything that reads as an amount is divided by the quota.
   */
  function asAttainment(value, quota) {
    var number = Number(value);
    return number > 20 && quota ? number / Number(quota) : number;
  }

  function edgesOf(labels, quota) {
    var edges = {};
    labels.forEach(function (label) {
      (String(label || '').match(/\d+(\.\d+)?/g) || []).forEach(function (edge) {
        edges[asAttainment(edge, quota)] = true;
      });
    });
    return Object.keys(edges).map(Number).filter(function (edge) { return edge > 0; }).sort(function (a, b) { return a - b; });
  }

  function renderAttainment(dash, progress, statement) {
    var attainment = dash.attainment === null || dash.attainment === undefined ? null : Number(dash.attainment);
    text('attainment', dd.percent(attainment, 1));
    var detail = [];
    if (dash.credited !== undefined && dash.credited !== null) {
      detail.push(dd.money(dash.credited, dash.currency) + ' credited');
    }
    if (dash.quota !== undefined && dash.quota !== null) {
      detail.push('of ' + dd.money(dash.quota, dash.currency) + ' quota');
    }
    text('attainment-detail', detail.join(' ') || 'No quota for this period.');

    var labels = [];
    if (progress && progress.band) {
      labels.push(progress.band);
    }
    if (progress && Array.isArray(progress.bands)) {
      progress.bands.forEach(function (band) {
        labels.push(band.label || ((band.from || 0) + (band.to === null || band.to === undefined ? '+' : '-' + band.to)));
      });
    }
    ((statement && statement.lines) || []).forEach(function (line) {
      if (line.component === 'COMMISSION') {
        labels.push(line.band);
      }
    });
    var edges = edgesOf(labels, dash.quota);
    var nextAt = progress && progress.nextBandAt !== null && progress.nextBandAt !== undefined
      ? asAttainment(progress.nextBandAt, dash.quota) : null;
    if (nextAt !== null) {
      edges.push(nextAt);
    }
    if (edges.indexOf(1) < 0) {
      edges.push(1);
    }
    edges = edges.filter(function (edge, index) { return edges.indexOf(edge) === index; }).sort(function (a, b) { return a - b; });
    var scale = Math.max(1.25, edges[edges.length - 1] + 0.25, (attainment || 0) * 1.1);
    scale = Math.min(scale, 5);

    var bar = document.getElementById('attainment-bar');
    dd.clear(bar);
    var fill = el('div', { 'class': 'fill' + (attainment >= 1 ? ' over' : '') });
    fill.style.width = (Math.min(attainment || 0, scale) / scale * 100).toFixed(2) + '%';
    bar.appendChild(fill);
    edges.forEach(function (edge) {
      if (edge > scale) {
        return;
      }
      var marker = el('div', { 'class': 'edge' + (edge === 1 ? ' quota' : ''), title: 'band edge at ' + dd.percent(edge, 0) },
        el('span', { text: edge === 1 ? 'Quota' : dd.percent(edge, 0) }));
      marker.style.left = (edge / scale * 100).toFixed(2) + '%';
      bar.appendChild(marker);
    });
    bar.setAttribute('aria-valuenow', String(Math.round((attainment || 0) * 100)));
    bar.setAttribute('aria-valuemax', String(Math.round(scale * 100)));
    bar.setAttribute('aria-valuetext', dd.percent(attainment, 1) + ' of quota');

    var bandLine = dd.clear(document.getElementById('band-line'));
    if (progress && progress.band) {
      bandLine.appendChild(el('span', null, 'Current band ', el('strong', { text: progress.band })));
      if (progress.toNextBand !== null && progress.toNextBand !== undefined && Number(progress.toNextBand) > 0) {
        bandLine.appendChild(document.createTextNode(' · '));
        bandLine.appendChild(el('strong', { text: dd.money(progress.toNextBand, dash.currency) }));
        bandLine.appendChild(document.createTextNode(' more to the next accelerator'
          + (nextAt !== null ? ' at ' + dd.percent(nextAt, 0) + ' of quota' : '')));
      } else {
        bandLine.appendChild(document.createTextNode(' · the top band'));
      }
    } else {
      bandLine.textContent = '';
    }
  }

  function renderStats(dash) {
    text('earned', dd.money(dash.earned, dash.currency));
    text('payable', dd.money(dash.payable, dash.currency));
    if (dash.paid !== undefined && dash.paid !== null && Number(dash.paid) > 0) {
      text('payable-sub', dd.money(dash.paid, dash.currency) + ' paid');
    }
    text('gap', dash.gapToQuota === null || dash.gapToQuota === undefined ? '—' : dd.money(dash.gapToQuota, dash.currency));
    text('quota-sub', dash.quota ? 'quota ' + dd.money(dash.quota, dash.currency) : 'no quota');
    text('coverage', dash.pipelineCoverage === null || dash.pipelineCoverage === undefined
      ? (Number(dash.gapToQuota) === 0 ? 'Quota met' : '—')
      : dd.number(dash.pipelineCoverage, 1) + '×');
  }

  function renderSpifs(progress, currency) {
    var spifs = (progress && progress.spifs) || [];
    var box = dd.clear(document.getElementById('spifs'));
    document.getElementById('spifs-card').hidden = spifs.length === 0;
    spifs.forEach(function (spif) {
      var amount = spif.measure === 'amount';
      var done = Number(spif.progress || 0);
      var goal = spif.threshold === null || spif.threshold === undefined ? null : Number(spif.threshold);
      var what = spif.description || dd.words(spif.spif);
      var sentence = goal === null
        ? (amount ? dd.money(done, currency) : dd.number(done) + ' units') + ' toward ' + what
        : (amount ? dd.money(done, currency) + ' of ' + dd.money(goal, currency)
                  : dd.number(done) + ' of ' + dd.number(goal) + ' units') + ' toward ' + what;
      var head = el('div', { 'class': 'spif-head' }, el('span', { text: sentence }),
        spif.reached ? el('span', { 'class': 'badge reached', text: 'Reached' }) : null);
      var item = el('div', { 'class': 'spif' }, head);
      if (goal) {
        var bar = el('div', { 'class': 'progress small', role: 'progressbar', 'aria-label': what,
          'aria-valuemin': '0', 'aria-valuemax': String(goal), 'aria-valuenow': String(done) });
        var fill = el('div', { 'class': 'fill' + (spif.reached ? ' over' : '') });
        fill.style.width = Math.min(100, done / goal * 100).toFixed(2) + '%';
        bar.appendChild(fill);
        item.appendChild(bar);
      }
      box.appendChild(item);
    });
  }

  function renderPipeline(pipeline, currency) {
    var box = dd.clear(document.getElementById('pipeline'));
    var deals = (pipeline && pipeline.deals) || [];
    if (deals.length === 0) {
      box.appendChild(el('p', { 'class': 'empty', text: 'No open deals closing in this period.' }));
    }
    deals.forEach(function (deal) {
      var meta = [dd.words(deal.stage) + ' ' + dd.percent(probability(deal.probability), 0)];
      if (deal.expectedClose) {
        meta.push('closes ' + deal.expectedClose);
      }
      meta.push(dd.money(deal.amount, currency) + ', weighted ' + dd.money(deal.weightedAmount, currency));
      box.appendChild(el('div', { 'class': 'pipeline-deal' },
        el('div', { 'class': 'row' }, el('span', { text: deal.name || ('Deal ' + deal.dealId) }),
          el('span', { 'class': 'pays', title: 'weighted commission', text: dd.money(deal.weightedCommission, currency) })),
        el('div', { 'class': 'meta', text: meta.join(' · ') }),
        el('div', { 'class': 'meta', text: 'pays ' + dd.money(deal.commission, currency) + ' if won' })));
    });
    text('pipeline-summary', pipeline && deals.length
      ? dd.money(pipeline.amount, currency) + ' open, ' + dd.money(pipeline.weightedAmount, currency)
        + ' weighted by probability, which would pay about ' + dd.money(pipeline.weightedCommission, currency) + '.'
      : '');
  }

  function traceList(trace, currency, spif) {
    var list = el('dl');
    function row(label, value) {
      if (value === null || value === undefined || value === '') {
        return;
      }
      list.appendChild(el('dt', { text: label }));
      list.appendChild(el('dd', { text: String(value) }));
    }
    var source = trace.source || {};
    row('Transaction', source.transactionId);
    row('Deal', source.dealId);
    if (source.basis !== undefined && source.basis !== null) {
      row('Credit', dd.money(source.basis, currency) + ' × ' + dd.number(source.splitPercent) + ' % split = '
        + dd.money(source.credit, currency));
    }
    row('Plan', trace.plan);
    if (trace.rate) {
      row(spif ? 'Award' : 'Rate', (spif ? dd.money(trace.rate.rate, currency, true) : dd.number(trace.rate.rate, 6))
        + (trace.rate.source ? ' (' + trace.rate.source + ')' : ''));
    }
    (trace.factors || []).forEach(function (factor) {
      row('Factor', '× ' + dd.number(factor.factor, 6) + ' ' + (factor.name || '') + (factor.source ? ' (' + factor.source + ')' : ''));
    });
    if (trace.band) {
      var band = trace.band;
      row('Band', band.label + (band.multiplier !== null && band.multiplier !== undefined ? ', × ' + dd.number(band.multiplier, 4) : '')
        + (band.rate !== null && band.rate !== undefined ? ', rate ' + dd.number(band.rate, 6) : '')
        + (band.sliceFrom !== null && band.sliceFrom !== undefined
          ? ', slice ' + dd.money(band.sliceFrom, currency) + ' – ' + dd.money(band.sliceTo, currency) : ''));
    }
    if (!spif && trace.rate && trace.rate.effective !== undefined && trace.rate.effective !== null) {
      row('Effective rate', dd.number(trace.rate.effective, 6));
    }
    if (trace.baseAmount !== undefined && trace.baseAmount !== null) {
      row('Base', spif ? dd.number(trace.baseAmount) : dd.money(trace.baseAmount, currency));
    }
    if (trace.exact !== undefined && trace.exact !== null) {
      row('Exact', dd.number(trace.exact, 6));
    }
    if (trace.result !== undefined && trace.result !== null) {
      row('Result', dd.money(trace.result, currency));
    }
    row('Rules', (trace.rules || []).join(', '));
    return list;
  }

  function renderStatement(statement) {
    // the server names the lines by customer and product and says why in plain words; the script adds the rest
    var box = document.getElementById('statement-lines');
    var rendered = box.hasAttribute('data-rendered');
    if (!rendered) {
      dd.clear(box);
    }
    var awards = dd.clear(document.getElementById('awards'));
    if (!statement) {
      text('statement-summary', 'No statement for this period yet.');
      return;
    }
    var currency = statement.currency;
    var status = document.getElementById('statement-status');
    if (statement.status) {
      status.textContent = dd.words(statement.status);
      status.hidden = false;
    }
    var totals = statement.totals || {};
    var summary = ['Earned ' + dd.money(totals.earned, currency)];
    if (totals.adjustments && Number(totals.adjustments) !== 0) {
      summary.push('adjustments ' + dd.money(totals.adjustments, currency));
    }
    if (totals.drawPaid && Number(totals.drawPaid) !== 0) {
      summary.push('draw paid ' + dd.money(totals.drawPaid, currency));
    }
    if (totals.drawRecovered && Number(totals.drawRecovered) !== 0) {
      summary.push('draw recovered ' + dd.money(totals.drawRecovered, currency));
    }
    summary.push('payable ' + dd.money(totals.payable, currency));
    text('statement-summary', summary.join(' · ') + (statement.plan ? ' · plan ' + statement.plan : ''));

    var lines = rendered ? [] : statement.lines || [];
    if (lines.length === 0 && !rendered) {
      box.appendChild(el('p', { 'class': 'empty', text: 'No commission lines in this period yet.' }));
    }
    lines.forEach(function (line) {
      var meta = [dd.words(line.component)];
      if (line.component === 'SPIF') {
        meta[0] = 'SPIF ' + (line.band || '');  // a SPIF line's band names the SPIF
      } else if (line.band) {
        meta.push('band ' + line.band);
      }
      if (line.component === 'SPIF') {
        // a SPIF's rate is the award (per unit, or a fraction for PERCENT awards) and its base the units or amount
        if (line.baseAmount !== null && line.baseAmount !== undefined && line.rate !== null && line.rate !== undefined) {
          meta.push(Number(line.rate) < 1 ? dd.percent(line.rate, 3) + ' of ' + dd.money(line.baseAmount, currency)
                                          : dd.number(line.baseAmount) + ' × ' + dd.money(line.rate, currency));
        }
      } else {
        if (line.rate !== null && line.rate !== undefined) {
          meta.push('rate ' + dd.percent(line.rate, 3));
        }
        if (line.baseAmount !== null && line.baseAmount !== undefined) {
          meta.push('on ' + dd.money(line.baseAmount, currency));
        }
      }
      var item = el('div', { 'class': 'statement-line' },
        el('div', { 'class': 'row' }, el('span', { text: line.transactionId || dd.words(line.component) }),
          el('span', { 'class': 'amount', text: dd.money(line.amount, currency) })),
        el('div', { 'class': 'meta', text: meta.join(' · ') }));
      if (line.trace) {
        item.appendChild(el('details', { 'class': 'trace' }, el('summary', { text: 'Why this amount' }),
          traceList(line.trace, currency, line.component === 'SPIF')));
      }
      box.appendChild(item);
    });
    (statement.awards || []).forEach(function (award) {
      awards.appendChild(el('p', { 'class': 'notice good' },
        el('strong', { text: award.description || award.spif }),
        ' — ' + dd.words(award.type) + ' award' + (award.value ? ', worth ' + dd.money(award.value, currency) : '')
        + ' (not paid in cash)'));
    });
  }

  function explain(error) {
    if (!(error instanceof dd.ApiError)) {
      return 'The server could not be reached. Check your connection and reload.';
    }
    if (error.status === 404) {
      // the commission API is not on this server yet, or has nothing for this person
      return 'Commission figures are not available yet' + (period ? ' for ' + period : '') + '.';
    }
    return 'No figures to show: ' + error.message;
  }

  /** 2026-Q4 -> 2027-Q1 (step 1) or 2026-Q3 (step -1); the same for 2026-11 and 2026. */
  function shift(text, step) {
    var match = /^(\d{4})(?:-(Q)?(\d{1,2}))?$/.exec(text || '');
    if (!match) {
      return null;
    }
    var year = Number(match[1]);
    if (match[3] === undefined) {
      return String(year + step);
    }
    var size = match[2] ? 4 : 12;
    var index = Number(match[3]) - 1 + step;
    year += Math.floor(index / size);
    index = ((index % size) + size) % size + 1;
    return year + '-' + (match[2] ? 'Q' + index : (index < 10 ? '0' : '') + index);
  }

  function periodLinks() {
    [['period-previous', -1], ['period-next', 1]].forEach(function (pair) {
      var link = document.getElementById(pair[0]);
      var target = shift(period, pair[1]);
      if (!link || !target) {
        return;
      }
      var params = new URLSearchParams(window.location.search);
      params.set('period', target);
      link.setAttribute('href', '/dashboard?' + params.toString());
      link.setAttribute('title', target);
      link.hidden = false;
    });
  }

  /** Statement PDF and CSV: fetched with the page's token and saved under a file name, like the proposal. */
  Array.prototype.forEach.call(document.querySelectorAll('[data-download]'), function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var status = document.getElementById('download-status');
      status.textContent = 'Preparing ' + link.getAttribute('data-name') + '…';
      dd.api('GET', link.getAttribute('data-download'), undefined,
        { blob: true, accept: link.getAttribute('data-type') })
        .then(function (file) {
          var url = URL.createObjectURL(file);
          var save = el('a', { href: url, download: link.getAttribute('data-name'), text: 'Save ' + link.getAttribute('data-name') });
          dd.clear(status).appendChild(save);
          save.click();
        }, function (error) {
          status.textContent = error instanceof dd.ApiError && error.status === 404
            ? 'Statement downloads are not available yet.'
            : 'No download: ' + (error && error.message ? error.message : 'the server could not be reached.');
        });
    });
  });

  periodLinks();
  var query = period ? '?period=' + encodeURIComponent(period) : '';
  dd.api('GET', '/api/v1/dashboard/' + encodeURIComponent(username) + query)
    .then(function (dash) {
      var progress = dash.tiers || dash.progress || null;
      period = dash.period || period;
      text('period-label', period);
      periodLinks();
      var statementCall = period
        ? dd.api('GET', '/api/v1/statements/' + encodeURIComponent(username) + '/' + encodeURIComponent(period))
          .catch(function () { return null; })
        : Promise.resolve(null);
      return statementCall.then(function (statement) {
        notice.hidden = true;
        body.hidden = false;
        renderAttainment(dash, progress, statement);
        renderStats(dash);
        renderSpifs(progress, dash.currency);
        renderPipeline(dash.pipeline, dash.currency);
        renderStatement(statement);
      });
    })
    .catch(function (error) {
      show(explain(error), error instanceof dd.ApiError && error.status === 404 ? 'warn' : 'bad');
    });
}());
