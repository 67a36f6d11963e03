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
})();
