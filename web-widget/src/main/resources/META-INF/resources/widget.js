/*
 * Support gateway widget: <script src="https://gateway/widget.js" data-desk="edoc" defer></script>
 * Plain JS, no build step. Protocol: channels/widget/PROTOCOL.md. Customer text is only ever set with textContent.
 */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[data-desk][src*="widget.js"]');
  if (!script || window.__supportGatewayWidget) { return; }
  window.__supportGatewayWidget = true;
  var desk = script.getAttribute('data-desk');
  var gateway = new URL(script.src, location.href);
  var wsUrl = (gateway.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + gateway.host + '/ws/widget?desk=' + encodeURIComponent(desk);
  var storageKey = 'sg-widget-token:' + desk;
  var MAX_TEXT = 2000;

  var token = read(storageKey);
  var lastId = null;          // the last server message shown: sent on reconnect so only newer ones come back
  var shown = {};             // message id -> element (de-duplication)
  var pending = [];           // {clientId, frame, el}: sent but not yet confirmed; resent after a reconnect
  var socket = null, connected = false, attempts = 0, ackTimer = null, pingTimer = null, reconnectTimer = null;
  var typingTimer = null;     // an operator is writing: shown until their message or a few quiet seconds
  var fileLimits = null;      // {maxBytes, types} from the welcome
  var refusals = 0, resendTimer = null;  // the gateway could not take a message: resend later, waiting longer each time

  function read(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function write(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: session lives until reload */ } }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) { node.textContent = text; }
    return node;
  }
  function newClientId() {
    var bytes = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return 'c-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  /** A paperclip drawn, not a character: pages and systems without an emoji font show it too. */
  function paperclip() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24'); svg.setAttribute('width', '18'); svg.setAttribute('height', '18');
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5');
    path.setAttribute('fill', 'none'); path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '1.8'); path.setAttribute('stroke-linecap', 'round');
    svg.appendChild(path);
    return svg;
  }

  var style = el('style');
  style.textContent = [
    '.sgw-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:28px;padding:14px 20px;',
    'background:#1565c0;color:#fff;font:600 15px/1.2 system-ui,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}',
    '.sgw-launcher:focus-visible,.sgw-panel button:focus-visible,.sgw-panel textarea:focus-visible{outline:3px solid #ffb300;outline-offset:2px}',
    '.sgw-panel{position:fixed;right:20px;bottom:84px;z-index:2147483001;width:370px;height:560px;max-height:calc(100vh - 104px);',
    'display:flex;flex-direction:column;background:#fff;color:#1f2933;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);',
    'font:14px/1.4 system-ui,sans-serif;overflow:hidden}',
    '.sgw-panel[hidden]{display:none}',
    '.sgw-head{display:flex;align-items:center;justify-content:space-between;padding:12px 14px;background:#1565c0;color:#fff}',
    '.sgw-head h2{margin:0;font-size:16px}',
    '.sgw-availability{font-size:12px;opacity:.9;margin-top:2px}',
    '.sgw-availability:empty{display:none}',
    '.sgw-close{background:transparent;border:0;color:#fff;font-size:22px;line-height:1;cursor:pointer;padding:2px 8px}',
    '.sgw-status{font-size:12px;color:#52606d;padding:4px 14px;min-height:16px}',
    '.sgw-log{flex:1;overflow-y:auto;padding:10px 12px;display:flex;flex-direction:column;gap:8px;background:#f5f7fa}',
    '.sgw-msg{max-width:85%;padding:8px 11px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}',
    '.sgw-msg[data-author=customer]{align-self:flex-end;background:#1565c0;color:#fff}',
    '.sgw-msg[data-author=bot],.sgw-msg[data-author=operator]{align-self:flex-start;background:#fff;border:1px solid #d9e2ec}',
    '.sgw-msg[data-author=operator]{border-color:#2e7d32}',
    '.sgw-msg[data-author=system]{align-self:center;background:transparent;color:#52606d;font-size:12px;text-align:center}',
    '.sgw-msg.sgw-unsent{opacity:.6}',
    '.sgw-name{display:block;font-size:11px;font-weight:600;color:#52606d;margin-bottom:2px}',
    '.sgw-msg a{color:#0b57d0;word-break:break-all}',
    '.sgw-actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}',
    '.sgw-actions button{border:1px solid #1565c0;background:#fff;color:#1565c0;border-radius:14px;padding:5px 11px;cursor:pointer;font:inherit}',
    '.sgw-actions button:disabled{opacity:.5;cursor:default}',
    '.sgw-notice{margin:0 12px 6px;padding:6px 10px;border-radius:6px;background:#fff4e5;color:#8a4b00;font-size:13px}',
    '.sgw-notice:empty{display:none}',
    '.sgw-form{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #d9e2ec}',
    '.sgw-form textarea{flex:1;resize:none;height:40px;border:1px solid #bcccdc;border-radius:8px;padding:8px;font:inherit}',
    '.sgw-attach{border:1px solid #bcccdc;border-radius:8px;background:#fff;color:#1f2933;padding:0 10px;font-size:18px;cursor:pointer}',
    '.sgw-file-input{position:absolute;width:1px;height:1px;opacity:0;pointer-events:none}',
    '.sgw-file-name{display:block;font-size:13px;margin-top:2px}',
    '.sgw-picture{display:block;max-width:100%;max-height:200px;margin-top:6px;border-radius:6px;cursor:pointer}',
    '.sgw-download{border:0;background:none;padding:0;color:#1565c0;text-decoration:underline;cursor:pointer;font:inherit;font-size:13px;text-align:left}',
    '.sgw-send{border:0;border-radius:8px;background:#1565c0;color:#fff;padding:0 14px;font:600 14px system-ui,sans-serif;cursor:pointer}',
    '@media (max-width:480px){.sgw-panel{right:0;bottom:0;width:100vw;height:100vh;max-height:none;border-radius:0}}'
  ].join('');
  document.head.appendChild(style);

  var launcher = el('button', { type: 'button', 'class': 'sgw-launcher', 'data-testid': 'widget-open',
    'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-controls': 'sgw-panel' }, 'Поддержка');
  var panel = el('div', { id: 'sgw-panel', 'class': 'sgw-panel', role: 'dialog', 'aria-modal': 'false',
    'aria-labelledby': 'sgw-title', hidden: '' });
  var head = el('div', { 'class': 'sgw-head' });
  var titles = el('div');
  titles.appendChild(el('h2', { id: 'sgw-title' }, 'Чат поддержки'));
  // whether a person is at work now, from the welcome: at night the customer knows the answer comes in the morning
  var availability = el('div', { 'class': 'sgw-availability', 'data-testid': 'widget-availability' });
  titles.appendChild(availability);
  head.appendChild(titles);
  var closeButton = el('button', { type: 'button', 'class': 'sgw-close', 'aria-label': 'Свернуть чат' }, '×');
  head.appendChild(closeButton);
  var status = el('div', { 'class': 'sgw-status', role: 'status', 'data-testid': 'widget-status' });
  var log = el('div', { 'class': 'sgw-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Сообщения', tabindex: '0' });
  var notice = el('div', { 'class': 'sgw-notice', role: 'alert', 'data-testid': 'widget-notice' });
  var form = el('form', { 'class': 'sgw-form' });
  var input = el('textarea', { 'data-testid': 'widget-input', 'aria-label': 'Ваше сообщение', placeholder: 'Напишите вопрос…',
    maxlength: String(MAX_TEXT), rows: '1' });
  var send = el('button', { type: 'submit', 'class': 'sgw-send', 'data-testid': 'widget-send' }, 'Отправить');
  // a file (a screenshot of the error) goes with the text typed so far; the gateway says which files it takes
  var attach = el('button', { type: 'button', 'class': 'sgw-attach', 'data-testid': 'widget-attach',
    'aria-label': 'Прикрепить файл', title: 'Прикрепить файл (скриншот, документ)' });
  attach.appendChild(paperclip());
  var fileInput = el('input', { type: 'file', 'class': 'sgw-file-input', 'data-testid': 'widget-file', tabindex: '-1',
    'aria-hidden': 'true' });
  form.appendChild(attach); form.appendChild(fileInput); form.appendChild(input); form.appendChild(send);
  [head, status, log, notice, form].forEach(function (n) { panel.appendChild(n); });
  document.body.appendChild(panel);
  document.body.appendChild(launcher);

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    connect();
    input.focus();
  }
  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }
  launcher.addEventListener('click', function () { panel.hidden ? open() : close(); });
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { close(); } });
  // the operator holding the chat sees the customer writing; one signal every few seconds is enough
  var typedAt = 0;
  input.addEventListener('input', function () {
    if (!input.value.trim() || !connected || Date.now() - typedAt < 3000) { return; }
    typedAt = Date.now();
    transmit({ type: 'typing' });
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(); }
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); submit(); });
  attach.addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (file) { sendFile(file); }
  });

  function setNotice(text) { notice.textContent = text || ''; }

  function submit() {
    var text = input.value.trim();
    if (!text) { return; }
    if (text.length > MAX_TEXT) { setNotice('Сообщение слишком длинное: не больше ' + MAX_TEXT + ' символов'); return; }
    input.value = '';
    setNotice('');
    var clientId = newClientId();
    var bubble = render({ id: null, author: 'customer', text: text, clientId: clientId, actions: [] });
    bubble.classList.add('sgw-unsent');
    enqueue({ clientId: clientId, frame: { type: 'message', clientId: clientId, text: text }, el: bubble });
  }

  /**
   * A message with a file goes over HTTP; its answer is the frame the socket would have sent. A file the gateway
   * would refuse is refused here, before the upload; a message it could not take for now is sent again by itself,
   * under the same clientId, as the socket's messages are.
   */
  function sendFile(file) {
    if (!connected || !token) { setNotice('Чат ещё подключается, прикрепите файл через секунду'); connect(); return; }
    var dot = file.name.lastIndexOf('.');
    var extension = dot < 0 ? '' : file.name.slice(dot + 1).toLowerCase();
    if (fileLimits && fileLimits.types.indexOf(extension) < 0) {
      setNotice('Такой файл не принимаем. Можно: ' + fileLimits.types.join(', ')); return;
    }
    if (fileLimits && file.size > fileLimits.maxBytes) {
      setNotice('Файл больше ' + Math.floor(fileLimits.maxBytes / 1048576) + ' МБ: сожмите его или пришлите часть'); return;
    }
    var text = input.value.trim().slice(0, MAX_TEXT);
    input.value = '';
    setNotice('');
    var clientId = newClientId();
    var bubble = render({ id: null, author: 'customer', text: text, clientId: clientId, actions: [],
      files: [{ name: file.name, size: file.size }] });
    bubble.classList.add('sgw-unsent');
    upload(file, text, clientId, bubble, 0);
  }

  function upload(file, text, clientId, bubble, attempt) {
    var body = new FormData();  // the desk goes in the address (below), once
    body.append('token', token);
    body.append('clientId', clientId);
    body.append('text', text);
    body.append('file', file, file.name);
    // the desk also in the address: a body refused unread (too large) is still answered to this page
    fetch(gateway.origin + '/api/v1/widget/messages?desk=' + encodeURIComponent(desk), { method: 'POST', body: body })
      .then(function (r) {
        return r.json().catch(function () {
          return { type: 'error', code: r.status === 413 ? 'file-too-large' : 'failed',
            text: r.status === 413 ? 'Файл слишком большой' : 'Файл не отправлен' };
        });
      })
      .then(function (frame) {
        if (frame.type === 'accepted') {
          bubble.classList.remove('sgw-unsent');
          if (frame.id) { bubble.setAttribute('data-id', frame.id); shown[frame.id] = bubble; }
          return;
        }
        setNotice(frame.text || 'Файл не отправлен');
        var later = frame.type === 'rate-limited' || frame.code === 'unavailable';
        if (later && attempt < 4) {
          var wait = Math.max(1000, frame.retryAfterMs || 3000) * Math.pow(2, attempt);
          setTimeout(function () {
            if (connected) { upload(file, text, clientId, bubble, attempt + 1); return; }
            setNotice('Файл не отправлен: нет связи. Прикрепите его ещё раз, когда чат подключится');
            if (text && !input.value) { input.value = text; }
          }, wait);
        } else if (text && !input.value) {
          input.value = text;  // refused for good: the customer keeps what they wrote
        }
      })
      .catch(function () {
        setNotice('Файл не отправлен: нет связи или файл не принят. Попробуйте ещё раз');
        if (text && !input.value) { input.value = text; }
      });
  }

  function pressAction(action, buttons) {
    buttons.forEach(function (b) { b.disabled = true; });
    var clientId = newClientId();
    var bubble = render({ id: null, author: 'customer', text: action.label, clientId: clientId, actions: [] });
    bubble.classList.add('sgw-unsent');
    enqueue({ clientId: clientId, frame: { type: 'action', clientId: clientId, actionId: action.id }, el: bubble });
  }

  function enqueue(item) {
    pending.push(item);
    if (connected) { transmit(item.frame); } else { connect(); }
  }

  function transmit(frame) {
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify(frame)); }
  }

  /** Whether a person is at work now: from the welcome, and again with every keep-alive answer. */
  function showOperators(operators) {
    if (!operators) { return; }
    availability.textContent = operators.atWork ? 'Операторы на связи' : operators.schedule;
    availability.setAttribute('data-at-work', String(operators.atWork));
  }

  function safeLink(href) {
    try {
      var url = new URL(href, location.href);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) { return null; }
  }

  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1).replace('.', ',') + ' МБ' : Math.max(1, Math.round(bytes / 1024)) + ' КБ';
  }

  /** A file of the chat, fetched with the session's token in the body (not the address). */
  function fetchFile(f) {
    var body = new URLSearchParams();
    body.append('token', token || '');
    return fetch(gateway.origin + '/api/v1/widget/files/' + encodeURIComponent(f.ref) + '?desk=' + encodeURIComponent(desk),
      { method: 'POST', body: body })
      .then(function (r) {
        if (r.ok) { return r.blob(); }
        return r.json().catch(function () { return {}; }).then(function (e) { throw new Error(e.text || 'Файл не загрузился, попробуйте ещё раз'); });
      });
  }

  /** Saves a file of the chat under its name. */
  function download(f) {
    fetchFile(f)
      .then(function (blob) {
        var url = URL.createObjectURL(blob);
        var a = el('a', { href: url, download: f.name });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      })
      .catch(function (err) { setNotice(err.message); });
  }

  // pictures a browser shows as pictures only (no SVG: it may carry script); the gateway sends every file as bytes
  var PICTURES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];

  /** A picture of the chat (a screenshot of where to click) shown in the message; a click saves it. */
  function picture(node, f) {
    var img = el('img', { 'class': 'sgw-picture', 'data-testid': 'widget-file-picture', alt: f.name, title: 'Сохранить ' + f.name,
      tabindex: '0', role: 'button' });
    img.addEventListener('click', function () { download(f); });
    img.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); download(f); } });
    node.appendChild(img);
    fetchFile(f).then(function (blob) {
      // a customer reading the latest messages keeps seeing them once the picture takes its room
      var atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      var url = URL.createObjectURL(new Blob([blob], { type: f.type }));
      // a shown picture keeps its decoded image: the bytes behind the address are released at once
      img.addEventListener('load', function () { URL.revokeObjectURL(url); if (atBottom) { log.scrollTop = log.scrollHeight; } });
      img.addEventListener('error', function () { URL.revokeObjectURL(url); img.remove(); });
      img.src = url;
    }).catch(function () { img.remove(); });
  }

  /** Renders one message once: a known id, or a customer message already shown under its clientId, is not added again. */
  function render(m) {
    if (m.id && shown[m.id]) { return shown[m.id]; }
    if (m.clientId) {
      var local = log.querySelector('[data-client-id="' + m.clientId.replace(/[^A-Za-z0-9_.:-]/g, '') + '"]');
      if (local) {
        if (m.id) { local.setAttribute('data-id', m.id); shown[m.id] = local; }
        return local;
      }
    }
    var author = ['customer', 'bot', 'operator', 'system'].indexOf(m.author) >= 0 ? m.author : 'system';
    var node = el('div', { 'class': 'sgw-msg', 'data-testid': 'widget-message', 'data-author': author });
    if (m.clientId) { node.setAttribute('data-client-id', m.clientId); }
    if (m.id) { node.setAttribute('data-id', m.id); shown[m.id] = node; }
    if ((author === 'operator' || author === 'bot') && m.authorName) {
      node.appendChild(el('span', { 'class': 'sgw-name' }, m.authorName));
    }
    node.appendChild(el('span', { 'class': 'sgw-text' }, m.text || ''));
    (m.files || []).forEach(function (f) {
      var label = 'Файл: ' + f.name + ' (' + size(f.size) + ')';
      if (!f.ref) {  // the customer's own file, just sent: they have it
        node.appendChild(el('span', { 'class': 'sgw-file-name', 'data-testid': 'widget-file-name' }, label));
        return;
      }
      if (PICTURES.indexOf(String(f.type).toLowerCase()) >= 0) { picture(node, f); }
      var get = el('button', { type: 'button', 'class': 'sgw-file-name sgw-download', 'data-testid': 'widget-file-download',
        title: 'Скачать файл' }, label);
      get.addEventListener('click', function () { download(f); });
      node.appendChild(get);
    });
    var href = m.link ? safeLink(m.link) : null;
    if (href) {
      node.appendChild(document.createElement('br'));
      node.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer' }, 'Открыть статью'));
    }
    if (m.actions && m.actions.length) {
      var bar = el('div', { 'class': 'sgw-actions', role: 'group', 'aria-label': 'Варианты ответа' });
      var buttons = [];
      m.actions.forEach(function (a) {
        var b = el('button', { type: 'button', 'data-testid': 'widget-action', 'data-action-id': a.id }, a.label);
        b.addEventListener('click', function () { pressAction(a, buttons); });
        buttons.push(b);
        bar.appendChild(b);
      });
      node.appendChild(bar);
    }
    log.appendChild(node);
    log.scrollTop = log.scrollHeight;
    return node;
  }

  function received(m) {
    render(m);
    if (m.id) { lastId = m.id; scheduleAck(); }
  }

  function scheduleAck() {
    if (ackTimer) { return; }
    ackTimer = setTimeout(function () {
      ackTimer = null;
      if (lastId) { transmit({ type: 'ack', upTo: lastId }); }
    }, 150);
  }

  function connect() {
    if (socket && (socket.readyState === 0 || socket.readyState === 1)) { return; }
    clearTimeout(reconnectTimer);
    status.textContent = 'Подключение…';
    socket = new WebSocket(wsUrl);
    socket.onopen = function () {
      attempts = 0;
      var hello = { type: 'hello', desk: desk };
      if (token) { hello.token = token; }
      if (lastId) { hello.lastId = lastId; }
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      switch (frame.type) {
        case 'welcome':
          token = frame.token; write(storageKey, token);
          connected = true;
          status.textContent = '';
          (frame.messages || []).forEach(received);
          if (frame.files) { fileLimits = frame.files; }
          showOperators(frame.operators);
          pending.forEach(function (p) { transmit(p.frame); });
          clearInterval(pingTimer);
          pingTimer = setInterval(function () { transmit({ type: 'ping' }); }, 25000);
          break;
        case 'pong': showOperators(frame.operators); break;
        case 'message':
          if (typingTimer && frame.author === 'operator') { clearTimeout(typingTimer); typingTimer = null; status.textContent = ''; }
          received(frame);
          break;
        case 'typing':
          status.textContent = (frame.authorName || 'Оператор') + ' печатает…';
          clearTimeout(typingTimer);
          typingTimer = setTimeout(function () { typingTimer = null; if (connected) { status.textContent = ''; } }, 6000);
          break;
        case 'accepted':
          if (refusals) { refusals = 0; setNotice(''); }
          pending = pending.filter(function (p) {
            if (p.clientId !== frame.clientId) { return true; }
            p.el.classList.remove('sgw-unsent');
            if (frame.id) { p.el.setAttribute('data-id', frame.id); shown[frame.id] = p.el; }
            return false;
          });
          break;
        case 'rate-limited':
          setNotice(frame.text);
          // the message was not taken: send it again when the bucket has refilled
          setTimeout(function () { pending.forEach(function (p) { transmit(p.frame); }); }, Math.max(1000, frame.retryAfterMs || 3000));
          break;
        case 'error':
          setNotice(frame.text);
          if (frame.code === 'unavailable' && pending.length && !resendTimer) {
            var wait = Math.max(1000, frame.retryAfterMs || 20000) * Math.pow(2, Math.min(refusals++, 3));
            resendTimer = setTimeout(function () {
              resendTimer = null;
              pending.forEach(function (p) { transmit(p.frame); });
            }, wait);
          }
          if (['too-long', 'too-large', 'empty', 'bad-frame'].indexOf(frame.code) >= 0 && pending.length) {
            var dropped = pending.pop();
            dropped.el.classList.add('sgw-unsent');
          }
          break;
        default: break;
      }
    };
    socket.onclose = function () {
      connected = false;
      clearInterval(pingTimer);
      status.textContent = 'Нет связи, переподключаемся…';
      var delay = Math.min(30000, 1000 * Math.pow(2, attempts++)) * (0.75 + Math.random() * 0.5);
      reconnectTimer = setTimeout(connect, delay);
    };
  }

  // a returning customer gets the conversation (and any operator reply) without opening the panel first
  if (token) { connect(); }
})();
