// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  function confirm(element, message) {
    var original = element.textContent;
    element.textContent = message;
    setTimeout(function () { element.textContent = original; }, 1600);
  }

  // "Link to this passage": copies the permalink; the plain link still works.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-copy-permalink]');
    if (link && !event.metaKey && !event.ctrlKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      copyText(link.href).then(function () { confirm(link, 'Link copied'); }, function () { window.location.href = link.href; });
      return;
    }
    var button = event.target.closest && event.target.closest('[data-copy-target]');
    if (button) {
      var target = document.getElementById(button.getAttribute('data-copy-target'));
      if (target) copyText(target.innerText.trim()).then(function () { confirm(button, 'Copied'); });
    }
  });
  document.querySelectorAll('[data-copy-target][hidden]').forEach(function (button) { button.hidden = false; });

  // Citation style: the reader's last choice, remembered in this browser; the form still works without script.
  var STYLE_KEY = 'entente.citationStyle';
  function savedStyle() {
    try { return window.localStorage.getItem(STYLE_KEY); } catch (e) { return null; }
  }
  function showStyle(box, style) {
    var picker = box.querySelector('[data-style-picker]');
    if (!picker || !box.querySelector('[data-style="' + style + '"]')) return;
    picker.value = style;
    box.querySelectorAll('[data-style]').forEach(function (figure) { figure.hidden = figure.getAttribute('data-style') !== style; });
  }
  function enhanceCiteBox(box) {
    var picker = box.querySelector('[data-style-picker]');
    if (!picker) return;
    box.querySelectorAll('[data-copy-target][hidden]').forEach(function (button) { button.hidden = false; });
    var submit = box.querySelector('[data-style-submit]');
    if (submit) submit.hidden = true;
    // A style named in the URL wins over the saved one.
    if (!/[?&]style=/.test(window.location.search) && savedStyle()) showStyle(box, savedStyle());
    picker.addEventListener('change', function () {
      showStyle(box, picker.value);
      try { window.localStorage.setItem(STYLE_KEY, picker.value); } catch (e) { /* private mode: the choice lasts this page */ }
    });
  }
  document.querySelectorAll('[data-cite-box]').forEach(enhanceCiteBox);

  // A passage's "Cite" link opens its cite box in a dialog; without script (or if loading fails) it is a page.
  var dialog = null;
  function citeDialog() {
    if (dialog) return dialog;
    dialog = document.createElement('dialog');
    dialog.className = 'cite-dialog';
    dialog.setAttribute('aria-labelledby', 'cite-dialog-title');
    dialog.innerHTML = '<form method="dialog" class="cite-dialog__close"><button class="button button--small" type="submit">Close</button></form>' +
      '<h2 id="cite-dialog-title">Cite this passage</h2><div class="cite-dialog__body"></div>';
    document.body.appendChild(dialog);
    return dialog;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('[data-cite-dialog]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0 || typeof HTMLDialogElement === 'undefined') return;
    event.preventDefault();
    fetch(link.href, { headers: { Accept: 'text/html' } })
      .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var box = page.querySelector('[data-cite-box]');
        if (!box) throw new Error('no cite box');
        var open = citeDialog();
        var body = open.querySelector('.cite-dialog__body');
        body.replaceChildren(document.importNode(box, true));
        enhanceCiteBox(body.querySelector('[data-cite-box]'));
        open.showModal();
      })
      .catch(function () { window.location.href = link.href; });
  }, true);

  // Sort and page size apply at once.
  var form = document.getElementById('search-form');
  if (form) {
    form.querySelectorAll('select').forEach(function (select) {
      select.addEventListener('change', function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
    });
    // Empty date fields stay out of the URL, so shared links stay short.
    form.addEventListener('submit', function () {
      form.querySelectorAll('input[name="from"], input[name="to"]').forEach(function (input) {
        if (input.value.trim() === '') input.disabled = true;
      });
    });
  }

  // On narrow screens the filters start folded.
  var filters = document.querySelector('.sidebar__toggle');
  if (filters && window.matchMedia('(max-width: 900px)').matches) filters.open = false;
  // "/" puts the cursor in the search box, unless one is typing somewhere already.
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.getElementById('q') || document.querySelector('.search-form__input');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // A document opened from a search scrolls to its first match (a link with its own #anchor wins).
  var firstMatch = document.querySelector('.passage--first-match');
  if (firstMatch && !window.location.hash) firstMatch.scrollIntoView({ block: 'center' });

  // Long facet lists (speakers, organisations) get a box that narrows them.
  function fold(text) {
    return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function enhanceFacets(root) {
    root.querySelectorAll('details.facet').forEach(function (facet) {
      var more = facet.querySelector('.facet__more');
      if (!more || facet.querySelector('.facet__filter')) return;
      var title = facet.querySelector('.facet__title');
      var label = (title ? title.firstChild.textContent : 'values').trim();
      var input = document.createElement('input');
      input.type = 'search';
      input.className = 'facet__filter';
      input.placeholder = 'Find a ' + label.toLowerCase() + '…';
      input.setAttribute('aria-label', 'Find a value of ' + label);
      facet.insertBefore(input, facet.querySelector('.facet__values'));
      input.addEventListener('input', function () {
        var wanted = fold(input.value.trim());
        if (wanted) more.open = true;
        facet.querySelectorAll('.facet__values > li').forEach(function (item) {
          item.hidden = wanted !== '' && fold(item.textContent).indexOf(wanted) === -1;
        });
      });
    });
  }
  enhanceFacets(document);

  // Search as you type: the same URLs as the form, fetched and swapped in, with history kept.
  var box = document.querySelector('[data-search-as-you-type]');
  var layout = document.querySelector('.search-layout');
  if (box && form && layout && window.fetch && window.DOMParser && window.history.pushState) {
    var timer = null;
    var controller = null;
    var typing = false;
    var shown = window.location.search; // the query string whose results are on the page
    var searchUrl = function () {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (typeof value === 'string' && value.trim() !== '' && name !== 'page') params.append(name, value);
      });
      var query = params.toString();
      return '/' + (query ? '?' + query : '');
    };
    var load = function (url, push) {
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      return fetch(url, { headers: { Accept: 'text/html' }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var fresh = page.querySelector('.search-layout');
          if (!fresh) return;
          layout.innerHTML = fresh.innerHTML;
          document.title = page.title;
          enhanceFacets(layout);
          if (push === 'push') window.history.pushState({ search: url }, '', url);
          else if (push === 'replace') window.history.replaceState({ search: url }, '', url);
          shown = window.location.search;
        })
        .catch(function () { /* a failed or aborted fetch leaves the page as it is; submitting still works */ });
    };
    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        // The first change of a burst of typing is a new history entry; the rest replace it.
        load(searchUrl(), typing ? 'replace' : 'push');
        typing = true;
      }, 300);
    });
    box.addEventListener('blur', function () { typing = false; });
    window.addEventListener('popstate', function () {
      // A fragment link (the skip link, a passage anchor) also fires popstate: the results
      // shown are still right, and reloading them would take the focus the link just gave.
      if (window.location.search === shown) return;
      shown = window.location.search;
      var params = new URLSearchParams(window.location.search);
      box.value = params.get('q') || '';
      typing = false;
      load(window.location.pathname + window.location.search, null);
    });
  }
})();
