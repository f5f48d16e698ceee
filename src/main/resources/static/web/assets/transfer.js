// Sending an attachment. Without this script the form posts as it is. With it, the same request shows a progress bar;
// and a file above the form's data-resumable-above goes first as a resumable upload (/web/uploads), in slices read
// from disk one at a time, so a broken connection costs one chunk: the script asks how far the upload came and goes
// on from there, also after a reload (the upload's id is kept for the tab, keyed by route and file). The form is then
// posted naming the upload instead of the file. Downloads need no script: the node sends each payload's length, and
// the browser's own download shows the progress while it writes the file to disk.
(function () {
  'use strict';

  var compose = document.getElementById('compose');
  var progress = document.getElementById('upload-progress');
  var status = document.getElementById('upload-status');
  if (!compose || !progress) {
    return;
  }
  var MB = 1024 * 1024;
  var ATTEMPTS = 5;
  var headers = {};
  headers[compose.dataset.csrfHeader] = compose.dataset.csrf;

  function say(template, bytes) {
    status.textContent = template.replace('{0}', (bytes / MB).toFixed(1));
  }

  function showPage(response) {
    // Sent: on to the sent message's page. Refused: the server's page says what was wrong.
    if (response.url.indexOf('/web/sent/') >= 0) {
      window.location.assign(response.url);
      return;
    }
    return response.text().then(function (page) {
      document.open();
      document.write(page);
      document.close();
    });
  }

  function json(response) {
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    return response.json();
  }

  function startUpload(file) {
    var form = new URLSearchParams();
    form.set('route', compose.elements.route.value);
    form.set('mediaType', file.type || 'application/octet-stream');
    return fetch(compose.dataset.uploads, {method: 'POST', headers: headers, body: form, credentials: 'same-origin'})
        .then(json);
  }

  function uploadStatus(id) {
    return fetch(compose.dataset.uploads + '/' + id, {headers: headers, credentials: 'same-origin'}).then(json);
  }

  function sendChunk(id, file, offset) {
    var chunk = file.slice(offset, offset + Number(compose.dataset.chunkSize));
    var chunkHeaders = Object.assign({'Upload-Offset': String(offset), 'Content-Type': 'application/octet-stream'},
        headers);
    return fetch(compose.dataset.uploads + '/' + id, {method: 'PATCH', headers: chunkHeaders, body: chunk,
      credentials: 'same-origin'}).then(json);
  }

  // Chunk after chunk from the offset the node reports; after a failure, wait, ask the node, and go on.
  function sendFrom(id, file, offset, failures) {
    progress.value = Math.round(100 * offset / file.size);
    if (offset >= file.size) {
      return Promise.resolve(id);
    }
    return sendChunk(id, file, offset).then(function (upload) {
      return sendFrom(id, file, upload.received, 0);
    }, function () {
      if (failures + 1 >= ATTEMPTS) {
        throw new Error('upload failed');
      }
      say(compose.dataset.textRetrying, offset);
      return new Promise(function (resolve) {
        setTimeout(resolve, 1000 * (failures + 1));
      }).then(function () {
        return uploadStatus(id);
      }).then(function (upload) {
        return sendFrom(id, file, upload.received, failures + 1);
      }, function () {
        return sendFrom(id, file, offset, failures + 1);
      });
    });
  }

  function resumable(file) {
    var key = 'kurir-upload:' + compose.elements.route.value + ':' + file.name + ':' + file.size + ':'
        + file.lastModified;
    var kept = sessionStorage.getItem(key);
    var upload = kept ? uploadStatus(kept).catch(function () {
      return startUpload(file);
    }) : startUpload(file);
    return upload.then(function (started) {
      sessionStorage.setItem(key, started.uploadId);
      if (started.received > 0) {
        status.dataset.resumedFrom = String(started.received);
        say(compose.dataset.textResumed, started.received);
      }
      return sendFrom(started.uploadId, file, started.received, 0);
    }).then(function (id) {
      var form = new FormData(compose);
      form.delete('attachment');
      form.set('upload', id);
      form.set('filename', file.name);
      return fetch(compose.action, {method: 'POST', body: form, credentials: 'same-origin'}).then(function (sent) {
        sessionStorage.removeItem(key);
        return showPage(sent);
      });
    }).catch(function () {
      status.textContent = compose.dataset.textFailed;
    });
  }

  function inOneRequest() {
    var request = new XMLHttpRequest();
    request.open('POST', compose.action);
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(100 * e.loaded / e.total);
      }
    });
    request.addEventListener('load', function () {
      showPage({url: request.responseURL, text: function () {
        return Promise.resolve(request.responseText);
      }});
    });
    request.addEventListener('error', function () {
      compose.submit();
    });
    request.send(new FormData(compose));
  }

  compose.addEventListener('submit', function (event) {
    event.preventDefault();
    progress.hidden = false;
    var file = compose.elements.attachment.files[0];
    if (file && file.size > Number(compose.dataset.resumableAbove)) {
      resumable(file);
    } else {
      inOneRequest();
    }
  });
}());
