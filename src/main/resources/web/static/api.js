/* Shared by the pages: calls to the JSON API with the page's bearer token, formatting, and a tiny DOM helper. */
(function () {
  'use strict';
  var root = document.getElementById('app');
  var token = root ? root.getAttribute('data-token') : '';

  /** An API failure: status, the server's code and message, and its field details [{path, message}]. */
  function ApiError(status, body) {
    this.status = status;
    this.code = body && body.code || 'HTTP_' + status;
    this.message = body && body.message || 'The server answered ' + status + '.';
    this.details = body && Array.isArray(body.details) ? body.details : [];
  }

  function api(method, path, body, options) {
    options = options || {};
    var headers = { 'Authorization': 'Bearer ' + token, 'Accept': options.accept || 'application/json' };
    var init = { method: method, headers: headers, signal: options.signal, credentials: 'omit' };
    if (body !== undefined && options.contentType) {
      // a document sent as it was typed (a plan in YAML or JSON)
      headers['Content-Type'] = options.contentType;
      init.body = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      if (response.status === 401) {
        // the session ran out: back to the sign-in page, then here again
        window.location.assign('/?next=' + encodeURIComponent(window.location.pathname + window.location.search));
        throw new ApiError(401, { message: 'Your session has ended. Please sign in again.' });
      }
      if (options.blob && response.ok) {
        return response.blob();
      }
      var type = response.headers.get('Content-Type') || '';
      var parsed = type.indexOf('json') >= 0 ? response.json().catch(function () { return null; })
                                              : Promise.resolve(null);
      return parsed.then(function (json) {
        if (!response.ok) {
          throw new ApiError(response.status, json);
        }
        return json;
      });
    });
  }

  var formats = {};
  function formatter(key, make) {
    if (!formats[key]) {
      formats[key] = make();
    }
    return formats[key];
  }

  /** Money in its currency, e.g. $12,345.60 or 12.345,60 € (the reader's locale). */
  function money(amount, currency, unitPrice) {
    if (amount === null || amount === undefined || amount === '') {
      return '—';
    }
    var key = 'm' + currency + (unitPrice ? 'u' : '');
    try {
      return formatter(key, function () {
        return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency,
          minimumFractionDigits: unitPrice ? 2 : undefined, maximumFractionDigits: unitPrice ? 4 : undefined });
      }).format(Number(amount));
    } catch (e) {
      return Number(amount).toFixed(2) + ' ' + currency;
    }
  }

  function number(value, digits) {
    if (value === null || value === undefined) {
      return '—';
    }
    return formatter('n' + digits, function () {
      return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits === undefined ? 2 : digits });
    }).format(Number(value));
  }

  /** A fraction as a percent: 0.875 -> 87.5 %. */
  function percent(fraction, digits) {
    if (fraction === null || fraction === undefined) {
      return '—';
    }
    return formatter('p' + digits, function () {
      return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: digits === undefined ? 1 : digits });
    }).format(Number(fraction));
  }

  /** el('td', {class: 'num'}, 'text', child...): text is always set as text, never parsed as HTML. */
  function el(tag, attributes) {
    var node = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        var value = attributes[name];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (name === 'text') {
          node.textContent = value;
        } else {
          node.setAttribute(name, value === true ? '' : value);
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) {
        continue;
      }
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  /** BUSINESS_CASE -> Business case */
  function words(constant) {
    if (!constant) {
      return '';
    }
    var text = String(constant).replace(/_/g, ' ').toLowerCase();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  window.dealdesk = { api: api, ApiError: ApiError, money: money, number: number, percent: percent, el: el,
    clear: clear, debounce: debounce, words: words, root: root };
}());
