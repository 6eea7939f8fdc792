// The what-if page: send the form, show messages beside their fields, follow progress,
// then insert the server-rendered answer. Plain JavaScript, no build step.
'use strict';
(function () {
  var form = document.getElementById('whatif');
  var runButton = document.getElementById('run');
  var cancelButton = document.getElementById('cancel');
  var progress = document.getElementById('progress');
  var bar = document.getElementById('bar');
  var answer = document.getElementById('answer');
  var current = null;

  // Choosing another baseline does nothing until Load is pressed: moving through the list with the
  // arrow keys must not reload the page under the user (WCAG 3.2.2, on input).

  function clearErrors() {
    form.querySelectorAll('.error').forEach(function (e) { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
  }

  function showErrors(errors) {
    var first = null;
    Object.keys(errors).forEach(function (name) {
      var slot = document.getElementById('e-' + name) || document.getElementById('e-');
      slot.textContent = errors[name];
      var input = document.getElementById('f-' + name);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        if (!first) first = input;
      }
    });
    if (first) first.focus();
  }

  function busy(on) {
    runButton.disabled = on;
    cancelButton.disabled = !on;
    bar.hidden = !on;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    answer.innerHTML = '';
    progress.textContent = 'Sending…';
    busy(true);
    fetch('/run', {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'},
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(function (response) {
      return response.json().then(function (json) { return {status: response.status, json: json}; });
    }).then(function (r) {
      if (r.json.errors) {
        busy(false);
        progress.textContent = 'Nothing was run: see the messages above.';
        showErrors(r.json.errors);
        return;
      }
      current = r.json.id;
      poll(current);
    }).catch(function () {
      busy(false);
      progress.textContent = 'The server did not answer.';
    });
  });

  cancelButton.addEventListener('click', function () {
    if (!current) return;
    cancelButton.disabled = true;
    progress.textContent = 'Cancelling…';
    fetch('/runs/' + current + '/cancel', {method: 'POST'});
  });

  function poll(id) {
    fetch('/runs/' + id, {headers: {'Accept': 'application/json'}}).then(function (r) { return r.json(); }).then(function (s) {
      if (id !== current) return;
      if (s.state === 'queued') {
        progress.textContent = 'Waiting for ' + s.position + ' run(s) ahead of this one…';
      } else if (s.state === 'running') {
        bar.max = s.total;
        bar.value = s.done;
        progress.textContent = 'Running: ' + s.done + ' of ' + s.total + ' replications';
      }
      if (s.state === 'done') {
        fetch('/runs/' + id + '/answer').then(function (r) { return r.text(); }).then(function (html) {
          busy(false);
          progress.textContent = 'Done.';
          answer.innerHTML = html;
          answer.focus();
        });
      } else if (s.state === 'failed' || s.state === 'cancelled') {
        busy(false);
        progress.textContent = (s.state === 'failed' ? 'The run failed: ' : 'Cancelled: ') + s.message;
        current = null;
      } else {
        setTimeout(function () { poll(id); }, 500);
      }
    }).catch(function () { setTimeout(function () { poll(id); }, 1000); });
  }
})();
