// A browser that cannot run the app gets a message in Vietnamese saying what to use instead,
// not a blank page: no WebAssembly (or turned off), no JavaScript modules (Trunk's loader is
// one), or a start that fails (the wasm does not compile: a feature this browser lacks).
// Written in plain ES5 so that the old browsers it is for run it. Loaded with `defer` before
// Trunk's loader; a file, not inline, for a Content-Security-Policy without 'unsafe-inline'.
// The app marks its root with [data-app-ready] once mounted; the message goes away if that
// happens after all (a slow start, not a failed one).
(function () {
  'use strict';
  var ID = 'unsupported';
  var LATE_MS = 30000;

  function mounted() {
    return document.querySelector('[data-app-ready]') !== null;
  }

  function show(why) {
    if (mounted() || document.getElementById(ID) || !document.body) return;
    var box = document.createElement('div');
    box.id = ID;
    box.setAttribute('role', 'alert');
    box.setAttribute('data-reason', why);
    var h = document.createElement('h1');
    h.appendChild(document.createTextNode('Trình duyệt này chưa chạy được Phụ lục CCHC'));
    box.appendChild(h);
    var lines = [
      'Ứng dụng cần một trình duyệt có WebAssembly: Google Chrome, Microsoft Edge hoặc Cốc Cốc ' +
        'từ phiên bản 109, hoặc Firefox từ phiên bản 115 trở lên (máy Windows 7: Chrome 109 ' +
        'hoặc Firefox ESR 115).',
      'Hãy mở lại địa chỉ này bằng một trong các trình duyệt đó, hoặc cập nhật trình duyệt ' +
        'đang dùng. Nếu trình duyệt đã đủ mới mà vẫn thấy thông báo này, hãy kiểm tra ' +
        'JavaScript và WebAssembly có bị tắt không, rồi tải lại trang.',
      'Số liệu đã lưu trong trình duyệt này không bị xóa.'
    ];
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement('p');
      p.appendChild(document.createTextNode(lines[i]));
      box.appendChild(p);
    }
    document.body.appendChild(box);
    // A slow start after all: the app replaces the message.
    var timer = setInterval(function () {
      if (mounted()) {
        clearInterval(timer);
        if (box.parentNode) box.parentNode.removeChild(box);
      }
    }, 500);
  }

  var wasm = typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
  var modules = 'noModule' in document.createElement('script');
  if (!wasm || !modules) {
    show(wasm ? 'no-modules' : 'no-webassembly');
    return;
  }
  // Before the app is in the page, an uncaught error or rejection means the start failed
  // (e.g. WebAssembly.CompileError); a script that did not load fires an error on its element.
  window.addEventListener(
    'error',
    function (e) {
      var t = e.target;
      var script = t && t.tagName === 'SCRIPT';
      if ((e.error !== undefined || e.message || script) && !mounted()) show('start-failed');
    },
    true
  );
  window.addEventListener('unhandledrejection', function () {
    if (!mounted()) show('start-failed');
  });
  window.addEventListener('load', function () {
    setTimeout(function () {
      show('not-started');
    }, LATE_MS);
  });
})();
