/* Operator console: JSON API /api/v1/console/** + live updates on /ws/console. All texts set with textContent. */
(function () {
  'use strict';
  var csrf = null;
  var me = null;
  var openId = null;
  var current = null;
  var live = null;
  var poll = null;
  var articlesFor = null;
  var earlierFor = null;
  var readyReplies = {};
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) { node.textContent = text; }
    return node;
  }

  function loadCsrf() {
    return fetch('/api/v1/console/csrf', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (t) { csrf = t; });
  }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET' && csrf) { headers[csrf.headerName] = csrf.token; }
    var form = body instanceof FormData;
    if (body !== undefined && !form) { headers['Content-Type'] = 'application/json'; }
    return fetch('/api/v1/console' + path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined || form ? body : JSON.stringify(body)
    }).then(function (r) {
      if (r.status === 401) { showLogin(); throw new Error('unauthorized'); }
      return r.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!r.ok) { throw new Error((data && data.error) || ('Ошибка ' + r.status)); }
        return data;
      });
    });
  }

  function showLogin() {
    stopLive();
    // the next operator to log in on this browser sees nothing of this one's reports or news
    ratingsLoad++;
    handedId = null;
    $('handed').hidden = true;
    $('ratings-box').open = false;
    $('ratings').textContent = '';
    $('app-view').hidden = true;
    $('login-view').hidden = false;
    $('username').focus();
  }

  function showApp() {
    $('login-view').hidden = true;
    $('app-view').hidden = false;
    $('me').textContent = me.displayName + (me.supervisor ? ' (супервизор)' : '');
    showDeskFilter();
    $('ratings-box').hidden = !me.supervisor;
    refreshList();
    startLive();
  }

  // supervisors: how customers rated the service per desk, and the chats rated «плохо» to look into; loaded when the
  // panel opens, again when the desk filter changes or a customer rates, and only the latest load is shown
  var ratingsLoad = 0;
  function showRatings() {
    if (!$('ratings-box').open || !me || !me.supervisor) { return; }
    var box = $('ratings');
    var load = ++ratingsLoad;
    if (!box.firstChild) { box.textContent = 'Загружаем…'; }
    var desks = $('desk-filter').value ? [$('desk-filter').value] : me.desks;
    Promise.all(desks.map(function (desk) {
      return api('GET', '/ratings?desk=' + encodeURIComponent(desk) + '&days=30').catch(function () { return null; });
    })).then(function (reports) {
      if (load !== ratingsLoad) { return; }
      box.textContent = '';
      reports.forEach(function (r) {
        if (!r) { return; }
        var name = (me.deskNames || {})[r.desk] || r.desk;
        var line = el('div', { 'data-testid': 'console-rating-desk', 'data-desk': r.desk });
        line.appendChild(el('strong', null, name));
        line.appendChild(document.createTextNode(': «хорошо» ' + r.satisfied + ', «плохо» ' + r.dissatisfied
          + (r.satisfiedShare == null ? '' : ' (' + Math.round(r.satisfiedShare * 100) + ' % довольны)')));
        box.appendChild(line);
        var list = el('ul', { role: 'list' });
        r.latestDissatisfied.forEach(function (b) {
          var when = new Date(b.ratedAt).toLocaleString('ru-RU', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
          var open = el('button', { type: 'button', 'class': 'link', 'data-testid': 'console-bad-rating', 'data-id': b.conversationId },
            (b.ticketNumber ? '№ ' + b.ticketNumber : 'чат без обращения') + (b.operatorName ? ' · ' + b.operatorName : '') + ' · ' + when);
          open.addEventListener('click', function () { openConversation(b.conversationId); });
          var li = el('li');
          li.appendChild(open);
          list.appendChild(li);
        });
        box.appendChild(list);
      });
    });
  }
  $('ratings-box').addEventListener('toggle', showRatings);

  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    $('login-error').textContent = '';
    loadCsrf().then(function () {
      var form = new URLSearchParams();
      form.set('username', $('username').value);
      form.set('password', $('password').value);
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      headers[csrf.headerName] = csrf.token;
      return fetch('/api/v1/console/login', { method: 'POST', headers: headers, body: form, credentials: 'same-origin' });
    }).then(function (r) {
      if (!r.ok) { throw new Error('Неверный логин или пароль'); }
      $('password').value = '';
      // the session and its CSRF token change at login
      return loadCsrf().then(function () { return api('GET', '/me'); });
    }).then(function (who) { me = who; showApp(); })
      .catch(function (err) { $('login-error').textContent = err.message; });
  });

  $('logout').addEventListener('click', function () {
    api('POST', '/logout').catch(function () {}).then(function () { me = null; openId = null; showLogin(); });
  });

  function waitingFor(since) {
    if (!since) { return ''; }
    var minutes = Math.max(0, Math.round((Date.now() - Date.parse(since)) / 60000));
    return 'ждёт ' + minutes + ' мин';
  }

  /** A deadline in the desk's own time, as its regulation states it (the operator may sit in another zone). */
  function deskTime(iso, zone) {
    if (!iso) { return ''; }
    var options = { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
    try {
      return new Intl.DateTimeFormat('ru-RU', Object.assign({ timeZone: zone || 'UTC' }, options)).format(new Date(iso));
    } catch (e) {
      return new Date(iso).toLocaleString('ru-RU');
    }
  }

  /** An operator of several desks may narrow the list to one; the choice is kept in this browser. */
  function showDeskFilter() {
    var select = $('desk-filter');
    var names = me.deskNames || {};
    var ids = Object.keys(names);
    while (select.options.length > 1) { select.remove(1); }
    ids.forEach(function (id) { select.appendChild(el('option', { value: id }, names[id])); });
    var saved = localStorage.getItem('console.desk') || '';
    select.value = ids.indexOf(saved) >= 0 ? saved : '';
    $('desk-filter-row').hidden = ids.length < 2;
  }

  $('desk-filter').addEventListener('change', function () {
    localStorage.setItem('console.desk', $('desk-filter').value);
    refreshList();
    showRatings();
  });

  // the next request whose turn it is, in the desk's queue order (of the desk chosen above, or of all the operator's)
  $('take-next').addEventListener('click', function () {
    $('error').textContent = '';
    var desk = $('desk-filter').value;
    api('POST', '/queue/next' + (desk ? '?desk=' + encodeURIComponent(desk) : '')).then(function (t) {
      switchTo(t.conversation.id);
      showTranscript(t);
      refreshList();
    }).catch(function (err) { if (err.message !== 'unauthorized') { $('error').textContent = err.message; } });
  });

  $('view-filter').value = localStorage.getItem('console.view') || '';
  $('view-filter').addEventListener('change', function () {
    localStorage.setItem('console.view', $('view-filter').value);
    refreshList();
  });

  var listLoad = 0;
  function refreshList() {
    var desk = $('desk-filter').value;
    var view = $('view-filter').value;
    var query = [desk ? 'desk=' + encodeURIComponent(desk) : '', view ? 'view=' + encodeURIComponent(view) : '']
      .filter(Boolean).join('&');
    var load = ++listLoad;
    return api('GET', '/conversations' + (query ? '?' + query : '')).then(function (rows) {
      // a slower answer to an earlier filter must not replace the list of the current one
      if (load !== listLoad) { return; }
      var list = $('conversations');
      list.textContent = '';
      $('empty').hidden = rows.length > 0;
      $('empty').textContent = view ? 'Таких чатов сейчас нет' : 'Открытых чатов нет';
      var waiting = rows.filter(function (r) { return r.state === 'waiting-for-operator'; }).length;
      document.title = (waiting ? '(' + waiting + ') ' : '') + 'Консоль оператора';
      rows.forEach(function (row) {
        var li = el('li');
        var b = el('button', { type: 'button', 'data-testid': 'console-conversation', 'data-id': row.id,
          'data-state': row.state, 'aria-current': String(row.id === openId) });
        if (row.state === 'waiting-for-operator') { b.classList.add('waiting'); }
        if (row.flagged) { b.classList.add('flagged'); }
        if (row.overdue) { b.classList.add('overdue'); b.setAttribute('data-overdue', 'true'); }
        var top = el('span', { 'class': 'row-top' });
        top.appendChild(el('span', null, row.deskName));
        top.appendChild(el('span', { 'class': 'state ' + row.state }, row.stateLabel));
        b.appendChild(top);
        b.appendChild(el('span', { 'class': 'muted' }, row.customer));
        var due = row.state === 'waiting-for-operator' && row.firstReplyDue
          ? (row.overdue ? 'просрочено: ответ был нужен до ' : 'ответить до ') + deskTime(row.firstReplyDue, row.deskZone) : '';
        var extra = [row.ticketNumber ? '№ ' + row.ticketNumber : '', waitingFor(row.waitingSince), due,
          row.operatorName ? 'ведёт ' + row.operatorName : ''].filter(Boolean).join(' · ');
        if (extra) { b.appendChild(el('br')); b.appendChild(el('small', null, extra)); }
        b.addEventListener('click', function () { openConversation(row.id); });
        li.appendChild(b);
        list.appendChild(li);
      });
    }).catch(function (err) { if (err.message !== 'unauthorized') { $('error').textContent = err.message; } });
  }

  /** A request found by the number the customer quotes: its chat opens, closed ones too (they are not in the list). */
  $('ticket-search').addEventListener('submit', function (e) {
    e.preventDefault();
    var number = $('ticket-number').value.trim();
    if (!number) { return; }
    $('error').textContent = '';
    api('GET', '/tickets/' + encodeURIComponent(number)).then(function (t) {
      switchTo(t.conversation.id);
      showTranscript(t);
      refreshList();
    }).catch(function (err) { if (err.message !== 'unauthorized') { $('error').textContent = err.message; } });
  });

  /** A draft belongs to the chat it was written in: switching chats starts an empty answer field. */
  function switchTo(id) {
    var other = id !== openId;
    openId = id;
    if (id === handedId) { $('handed').hidden = true; }
    if (other) {
      $('reply').value = '';
      typingSentAt = 0;
      customerTyping(false);
      attach(null);
      // nothing may leave for the new chat's customer until its transcript says who holds it
      noteMode = false;
      canAnswer = false;
      canAwait = false;
      applyMode();
    }
  }

  function openConversation(id) {
    switchTo(id);
    $('error').textContent = '';
    return api('GET', '/conversations/' + encodeURIComponent(id)).then(showTranscript)
      .then(refreshList)
      .catch(function (err) { $('error').textContent = err.message; });
  }

  function showTranscript(t) {
    current = t;
    var c = t.conversation;
    $('chat-title').textContent = c.deskName + ' — ' + c.customer;
    $('chat-meta').textContent = 'Состояние: ' + c.stateLabel + (c.operatorName ? ' · ведёт ' + c.operatorName : '')
      + (c.ticketNumber ? ' · обращение № ' + c.ticketNumber : '')
      + (c.awaitingCustomerSince ? ' · ждём ответа клиента' : '')
      + (t.rating ? ' · оценка клиента: ' + t.rating : '');
    showRequest(t.request, c.deskZone);
    showDecisions(t.decisions || []);
    var box = $('transcript');
    box.textContent = '';
    t.messages.forEach(function (m) {
      var line = el('div', { 'class': 'line', 'data-author': m.author, 'data-testid': 'console-message' });
      var who = { customer: 'Клиент', bot: 'Бот', operator: m.authorName || 'Оператор', system: '',
        note: 'Заметка для операторов · ' + (m.authorName || '') }[m.author];
      if (who) { line.appendChild(el('span', { 'class': 'who' }, who)); }
      line.appendChild(el('span', null, m.text));
      (m.files || []).forEach(function (f) {
        line.appendChild(el('br'));
        line.appendChild(el('a', { href: f.url, target: '_blank', rel: 'noopener', 'data-testid': 'console-file' },
          'Файл: ' + f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' КБ)'));
      });
      var href = m.link ? safeLink(m.link) : null;
      if (href) {
        line.appendChild(el('br'));
        line.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer' }, m.link));
      }
      if (m.actions && m.actions.length) {
        line.appendChild(el('small', { 'class': 'muted' }, '\n[' + m.actions.map(function (a) { return a.label; }).join(' | ') + ']'));
      }
      box.appendChild(line);
    });
    box.scrollTop = box.scrollHeight;
    var mine = c.operatorId && me && c.operatorId === me.username;
    var held = c.state === 'with-operator' || c.state === 'closing';
    $('take-over').disabled = mine || c.state === 'closed';
    $('return-to-bot').disabled = !(mine && c.state === 'with-operator');
    $('return-to-queue').disabled = !(mine && c.state === 'with-operator' && c.ticketNumber);
    $('close').disabled = c.state === 'closed' || (held && !mine);
    // any operator of the desk may leave a note; only the one holding the chat answers the customer
    $('reply').disabled = false;
    $('add-note').disabled = false;
    canAnswer = !!(mine && held);
    canAwait = !!(mine && c.state === 'with-operator');
    applyMode();
    $('resume').hidden = !(me && me.supervisor && c.state === 'suspended');
    showReadyReplies(c, mine && held);
    showColleagues(c, mine && c.state === 'with-operator');
    $('articles-box').hidden = c.state === 'closed';
    canShare = mine && held;
    document.querySelectorAll('[data-testid=console-send-article]').forEach(function (b) { b.disabled = !canShare; });
    if (articlesFor !== c.id) {
      articlesFor = c.id;
      $('article-query').value = '';
      findArticles('');
    }
    if (earlierFor !== c.id) {
      earlierFor = c.id;
      showEarlier(c);
    }
  }

  /** The customer's other conversations with the desk: when, how it ended, what it was about; a click opens one. */
  function showEarlier(c) {
    var box = $('earlier-box');
    var list = $('earlier');
    box.hidden = true;
    list.textContent = '';
    api('GET', '/conversations/' + encodeURIComponent(c.id) + '/earlier').then(function (earlier) {
      if (earlierFor !== c.id) { return; }
      $('earlier-title').textContent = 'Прошлые обращения клиента (' + earlier.length + ')';
      earlier.forEach(function (e) {
        var item = el('li');
        var open = el('button', { type: 'button', 'data-testid': 'console-earlier-conversation', 'data-id': e.id },
          deskTime(e.openedAt, c.deskZone) + (e.ticketNumber ? ' · № ' + e.ticketNumber : '') + ' · ' + e.stateLabel
          + (e.rating ? ' · оценка: ' + e.rating : ''));
        open.addEventListener('click', function () { openConversation(e.id); });
        item.appendChild(open);
        if (e.topic) { item.appendChild(el('div', { 'class': 'muted' }, e.topic)); }
        list.appendChild(item);
      });
      box.hidden = earlier.length === 0;
    }).catch(function (err) { if (err.message !== 'unauthorized') { box.hidden = true; } });
  }

  /** The desk's ready replies in the picker; one that names the request's number needs a registered request. */
  function sizeInWords(bytes) {
    return bytes >= 1048576 ? Math.floor(bytes / 1048576) + ' МБ' : Math.max(1, Math.floor(bytes / 1024)) + ' КБ';
  }

  /** A list of the desk's (its ready replies), asked once and kept; a failed request gives null and is asked again the next time. */
  function perDesk(cache, desk, path) {
    return cache[desk] || (cache[desk] = api('GET', '/desks/' + encodeURIComponent(desk) + path)
      .catch(function () { delete cache[desk]; return null; }));
  }

  function showReadyReplies(c, enabled) {
    var select = $('ready-reply');
    var load = perDesk(readyReplies, c.desk, '/ready-replies');
    load.then(function (replies) {
      if (!current || current.conversation.id !== c.id) { return; }
      if (!replies) { select.disabled = true; return; }
      select.disabled = !enabled;
      // rebuilt only when it would change: the live list refreshes the chat every few seconds, maybe while it is open
      var shape = c.desk + '|' + (c.ticketNumber || '');
      if (select.dataset.shape === shape) { return; }
      select.dataset.shape = shape;
      while (select.options.length > 1) { select.remove(1); }
      replies.forEach(function (r) {
        var option = el('option', { value: r.id }, r.title);
        if (r.text.indexOf('{ticket}') >= 0 && !c.ticketNumber) {
          option.disabled = true;
          option.textContent = r.title + ' (нет номера обращения)';
        }
        select.appendChild(option);
      });
      select.hidden = replies.length === 0;
    });
  }

  // the desk's other operators, to hand the chat to one of them by name; asked again with every refresh of the chat,
  // since who is «в сети» changes
  function showColleagues(c, enabled) {
    var select = $('transfer');
    api('GET', '/desks/' + encodeURIComponent(c.desk) + '/operators').catch(function () { return null; }).then(function (list) {
      if (!current || current.conversation.id !== c.id) { return; }
      if (!list) { select.disabled = true; return; }
      var others = list.filter(function (o) { return !me || o.username !== me.username; });
      select.disabled = !enabled || others.length === 0;
      var shape = c.desk + '|' + JSON.stringify(others);
      if (select.dataset.shape === shape) { return; }
      select.dataset.shape = shape;
      while (select.options.length > 1) { select.remove(1); }
      others.forEach(function (o) {
        select.appendChild(el('option', { value: o.username }, o.displayName + (o.online ? ' · в сети' : ' · не в сети')));
      });
    });
  }
  $('transfer').addEventListener('change', function () {
    var to = $('transfer').value;
    $('transfer').value = '';
    if (to) { command('/transfer', { operator: to }); }
  });

  $('ready-reply').addEventListener('change', function () {
    var select = $('ready-reply');
    var c = current && current.conversation;
    if (!select.value || !c) { return; }
    var chosen = select.value;
    select.value = '';
    (readyReplies[c.desk] || Promise.resolve(null)).then(function (replies) {
      var r = (replies || []).filter(function (x) { return x.id === chosen; })[0];
      if (!r) { return; }
      var text = r.text.split('{operator}').join(me.displayName).split('{ticket}').join(c.ticketNumber || '');
      var box = $('reply');
      box.value = box.value.trim() ? box.value.replace(/\s+$/, '') + '\n' + text : text;
      box.focus();
    });
  });

  /** Only http(s) links are shown as links; anything else stays text. */
  function safeLink(link) {
    try {
      var url = new URL(link, location.href);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  var canShare = false;

  /** Articles of the chat's desk for the query, or, without one, for the customer's latest question. */
  function findArticles(query) {
    var id = articlesFor;
    if (!id) { return; }
    var list = $('articles');
    api('GET', '/conversations/' + encodeURIComponent(id) + '/articles' + (query ? '?q=' + encodeURIComponent(query) : ''))
      .then(function (offers) {
        if (id !== articlesFor) { return; }
        list.textContent = '';
        $('articles-note').textContent = offers.length ? (query ? '' : 'Подходящие к последнему вопросу клиента:')
          : (query ? 'Ничего не нашлось' : '');
        offers.forEach(function (a) {
          var li = el('li', { 'data-testid': 'console-article', 'data-id': a.id });
          li.appendChild(el('strong', null, a.title));
          if (a.section) { li.appendChild(el('span', { 'class': 'muted' }, ' · ' + a.section)); }
          if (a.summary) { li.appendChild(el('div', { 'class': 'muted' }, a.summary)); }
          var send = el('button', { type: 'button', 'data-testid': 'console-send-article' }, 'Отправить клиенту');
          send.disabled = !canShare;
          send.title = 'Клиент получит заголовок, краткий ответ и ссылку на статью';
          send.addEventListener('click', function () { command('/articles/' + encodeURIComponent(a.id)); });
          li.appendChild(send);
          list.appendChild(li);
        });
      })
      .catch(function (err) { if (err.message !== 'unauthorized') { $('articles-note').textContent = err.message; } });
  }

  $('article-search').addEventListener('submit', function (e) {
    e.preventDefault();
    findArticles($('article-query').value.trim());
  });

  /** What the bot collected for the operator, and the SLA deadlines, so nobody has to dig through the chat. */
  function showRequest(r, zone) {
    var box = $('request');
    box.hidden = !r;
    if (!r) { return; }
    $('request-title').textContent = 'Обращение № ' + r.number + ' — ' + r.stateLabel;
    var dl = $('request-fields');
    dl.textContent = '';
    function add(term, value, cls) {
      if (value == null || value === '') { return; }
      var dt = el('dt', null, term);
      var dd = el('dd', { 'data-testid': 'console-request-field', 'data-term': term }, value);
      if (cls) { dd.classList.add(cls); }
      dl.appendChild(dt);
      dl.appendChild(dd);
    }
    if (r.handover) {
      // the reason names the step itself («клиент нажал «Позвать оператора»»); older decisions may lack one
      add('Передано оператору', r.handover.reason || r.handover.label);
    }
    add('Уровень', r.tier);
    add('Приоритет', r.priority);
    add('Категория', r.category);
    (r.identification || []).forEach(function (f) { add(f.label, f.value); });
    add('Описание', r.description);
    if (r.callback) { add('Связь', 'просит перезвонить'); }
    add('Зарегистрировано', deskTime(r.createdAt, zone));
    if (r.firstReplyDue) {
      add('Первый ответ', r.firstRepliedAt
        ? 'дан ' + deskTime(r.firstRepliedAt, zone) + (r.firstReplyOverdue ? ', позже срока ' : ', срок ') + deskTime(r.firstReplyDue, zone)
        : (r.firstReplyOverdue ? 'просрочен: нужен был до ' : 'до ') + deskTime(r.firstReplyDue, zone),
        r.firstReplyOverdue ? 'overdue' : null);
    }
    if (r.resolutionDue) {
      add('Решение', (r.resolutionOverdue ? 'просрочено: нужно было до ' : 'до ') + deskTime(r.resolutionDue, zone),
        r.resolutionOverdue ? 'overdue' : null);
    }
  }

  function showDecisions(decisions) {
    $('decisions-box').hidden = decisions.length === 0;
    var list = $('decisions');
    list.textContent = '';
    decisions.forEach(function (d) {
      var li = el('li', { 'data-testid': 'console-decision', 'data-rule': d.rule });
      li.appendChild(el('strong', null, d.label));
      var details = [d.article ? 'статья ' + d.article : '',
        d.confidence != null ? 'уверенность ' + Number(d.confidence).toFixed(2) : ''].filter(Boolean).join(' · ');
      if (details) { li.appendChild(el('span', { 'class': 'muted' }, ' — ' + details)); }
      if (d.reason) { li.appendChild(el('div', { 'class': 'reason', 'data-testid': 'console-decision-reason' }, d.reason)); }
      list.appendChild(li);
    });
  }

  function command(path, body) {
    if (!openId) { return; }
    $('error').textContent = '';
    api('POST', '/conversations/' + encodeURIComponent(openId) + path, body).then(function (t) {
      showTranscript(t);
      refreshList();
    }).catch(function (err) { $('error').textContent = err.message; });
  }

  $('take-over').addEventListener('click', function () { command('/take-over'); });
  $('return-to-bot').addEventListener('click', function () { command('/return-to-bot'); });
  $('return-to-queue').addEventListener('click', function () { command('/return-to-queue'); });
  $('close').addEventListener('click', function () { command('/close'); });
  $('resume').addEventListener('click', function () { command('/resume'); });
  $('await-customer').addEventListener('click', function () {
    var text = $('reply').value.trim();
    if (!text) { $('error').textContent = 'Напишите, что нужно уточнить у клиента'; return; }
    $('reply').value = '';
    command('/await-customer', { text: text });
  });
  // the answer field writes to the customer or, in note mode (as Zendesk's internal note), to colleagues only: the
  // customer is then told of no typing, and the field cannot send a file or a question
  var noteMode = false, canAnswer = false, canAwait = false;
  function applyMode() {
    var send = document.querySelector('[data-testid=console-send]');
    send.textContent = noteMode ? 'Сохранить заметку' : 'Отправить';
    send.disabled = noteMode ? !openId : !canAnswer;
    $('file').disabled = noteMode || !canAnswer;
    $('await-customer').disabled = noteMode || !canAwait;
    $('add-note').setAttribute('aria-pressed', String(noteMode));
    $('reply-form').classList.toggle('note-mode', noteMode);
    $('reply').placeholder = noteMode ? 'Заметка для операторов: клиент её не увидит' : 'Ответ клиенту…';
  }
  $('add-note').addEventListener('click', function () {
    noteMode = !noteMode;
    applyMode();
    $('reply').focus();
  });
  $('reply-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('reply').value.trim();
    if (noteMode) {
      if (!text) { $('error').textContent = 'Напишите текст заметки'; return; }
      $('reply').value = '';
      command('/notes', { text: text });
      return;
    }
    if (!text && !attached) { return; }
    if (!canAnswer) {
      $('error').textContent = 'Ответить клиенту можно, взяв чат; заметку для коллег напишите, нажав «Заметка»';
      return;
    }
    $('reply').value = '';
    if (attached) {
      var form = new FormData();
      form.append('file', attached);
      if (text) { form.append('text', text); }
      attach(null);
      command('/files', form);
    } else {
      command('/reply', { text: text });
    }
  });
  // a chosen file waits beside the answer field and goes with the next «Отправить», the text as its caption: picking
  // it sends nothing yet (the field may hold a note's draft)
  var attached = null;
  function attach(file) {
    attached = file;
    $('attached').hidden = !file;
    $('attached-name').textContent = file ? 'Файл: ' + file.name + ' (' + sizeInWords(file.size) + ') — уйдёт с ответом' : '';
  }
  $('file').addEventListener('change', function () {
    var file = $('file').files[0];
    $('file').value = '';
    if (!file || !openId) { return; }
    if (me && me.maxFileBytes && file.size > me.maxFileBytes) {
      $('error').textContent = 'Файл больше ' + sizeInWords(me.maxFileBytes) + ': сожмите его или отправьте частями';
      return;
    }
    $('error').textContent = '';
    attach(file);
  });
  $('attached-remove').addEventListener('click', function () { attach(null); });
  // the customer sees «… печатает» while the holding operator writes; one signal every few seconds is enough
  var typingSentAt = 0;
  $('reply').addEventListener('input', function () {
    if (!openId || noteMode || !canAnswer || Date.now() - typingSentAt < 3000) { return; }
    typingSentAt = Date.now();
    api('POST', '/conversations/' + encodeURIComponent(openId) + '/typing').catch(function () {});
  });
  $('reply').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('reply-form').requestSubmit(); }
  });

  // a colleague handed this operator a chat: said at the top of the list until it is opened
  var handedId = null;
  function handedToMe(row) {
    handedId = row.id;
    $('handed-text').textContent = 'Коллега передал вам чат: ' + row.deskName + ' · ' + row.customer;
    $('handed').hidden = false;
  }
  $('handed-open').addEventListener('click', function () {
    $('handed').hidden = true;
    if (handedId) { openConversation(handedId); }
  });

  // «Клиент печатает…» under the open chat for a few seconds after each signal, or until the customer's message
  var customerTypingTimer = null;
  function customerTyping(on) {
    clearTimeout(customerTypingTimer);
    $('customer-typing').textContent = on ? 'Клиент печатает…' : '';
    if (on) { customerTypingTimer = setTimeout(function () { customerTyping(false); }, 6000); }
  }

  function startLive() {
    stopLive();
    var url = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host + '/ws/console';
    var attempts = 0;
    function connect() {
      live = new WebSocket(url);
      // data-live on the page says whether live events arrive (a hook for tests and styles): set on the first answer
      // to a ping, which the gateway sends only once it counts the socket as this operator's
      live.onopen = function () { attempts = 0; live.send('{"type":"ping"}'); };
      live.onmessage = function (event) {
        var frame = JSON.parse(event.data);
        if (frame.type === 'pong') { document.documentElement.setAttribute('data-live', 'connected'); }
        if (frame.type !== 'event') { return; }
        if (frame.kind === 'customer-typing') {
          if (frame.conversation && frame.conversation.id === openId) { customerTyping(true); }
          return;
        }
        if (frame.kind === 'customer-wrote' && frame.conversation && frame.conversation.id === openId) { customerTyping(false); }
        if (frame.kind === 'service-rated') { showRatings(); }
        if (frame.kind === 'transferred' && me && frame.conversation && frame.conversation.operatorId === me.username
            && frame.conversation.id !== openId) { handedToMe(frame.conversation); }
        if (handedId && frame.conversation && frame.conversation.id === handedId
            && (!me || frame.conversation.operatorId !== me.username)) {
          // closed, returned or handed on before it was opened: the news is old
          handedId = null;
          $('handed').hidden = true;
        }
        refreshList();
        if (frame.conversation && frame.conversation.id === openId) { openConversation(openId); }
      };
      live.onclose = function () {
        document.documentElement.setAttribute('data-live', 'disconnected');
        if (!me) { return; }
        live = null;
        setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, attempts++)));
      };
    }
    connect();
    // a safety net for events from other nodes until the cross-node fan-out exists
    poll = setInterval(function () {
      refreshList();
      if (openId) { api('GET', '/conversations/' + encodeURIComponent(openId)).then(showTranscript).catch(function () {}); }
    }, 5000);
  }

  function stopLive() {
    if (poll) { clearInterval(poll); poll = null; }
    if (live) { var s = live; live = null; s.onclose = null; s.close(); }
    document.documentElement.setAttribute('data-live', 'disconnected');
  }

  api('GET', '/me').then(function (who) { me = who; return loadCsrf(); }).then(showApp).catch(function () { showLogin(); });
})();
