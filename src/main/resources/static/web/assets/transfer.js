// Progress bars for the two transfers a person waits for: sending an attachment and downloading a payload. Without
// this script the form posts and the link downloads as they are; with it, the same requests show how far they are.
(function () {
  'use strict';

  var compose = document.getElementById('compose');
  var upload = document.getElementById('upload-progress');
  if (compose && upload) {
    compose.addEventListener('submit', function (event) {
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open('POST', compose.action);
      upload.hidden = false;
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          upload.value = Math.round(100 * e.loaded / e.total);
        }
      });
      request.addEventListener('load', function () {
        // Sent: on to the sent message's page. Refused: the server's page says what was wrong.
        if (request.responseURL.indexOf('/web/sent/') >= 0) {
          window.location.assign(request.responseURL);
        } else {
          document.open();
          document.write(request.responseText);
          document.close();
        }
      });
      request.addEventListener('error', function () {
        compose.submit();
      });
      request.send(new FormData(compose));
    });
  }

  var download = document.getElementById('download');
  var downloading = document.getElementById('download-progress');
  if (download && downloading && window.fetch && window.URL) {
    download.addEventListener('click', function (event) {
      event.preventDefault();
      var total = Number(download.getAttribute('data-size'));
      downloading.hidden = false;
      fetch(download.href, { credentials: 'same-origin' }).then(function (response) {
        var reader = response.body.getReader();
        var chunks = [];
        var received = 0;
        function pump() {
          return reader.read().then(function (part) {
            if (part.done) {
              return new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' });
            }
            chunks.push(part.value);
            received += part.value.length;
            if (total > 0) {
              downloading.value = Math.round(100 * received / total);
            }
            return pump();
          });
        }
        return pump();
      }).then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = download.href.split('/').slice(-2)[0];
        document.body.appendChild(link);
        link.click();
        link.remove();
        downloading.value = 100;
      }).catch(function () {
        window.location.assign(download.href);
      });
    });
  }
}());
