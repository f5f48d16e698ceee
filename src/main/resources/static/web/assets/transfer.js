// A progress bar for sending an attachment. Without this script the form posts as it is; with it, the same request
// shows how far it is. Downloads need none: the node sends each payload's length, and the browser's own download
// shows the progress while it writes the file to disk (a script would have to hold the whole payload in memory).
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
}());
