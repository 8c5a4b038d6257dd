// The sandbox chat page: one phone-sized column per person, talking to the chosen bot.
// Plain JavaScript, no build step; it reads and acts through the control API under /sandbox/.
"use strict";

const page = {
  bots: [],
  users: [],
  places: [],
  botId: null,
  // The newest event the page has seen: it polls for events after it, and only those pop up.
  // The first state read sets it, so reloading the page never replays old alerts or notices.
  seq: null,
  version: null,
  columns: new Map(), // chat id -> column state
};

// ---- control API ---------------------------------------------------------------------------

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const answer = await response.json();
  if (!answer.ok) throw new Error(answer.error || response.statusText);
  return answer.result;
}

function post(path, body) {
  return api(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ bot_id: page.botId, ...body }),
  });
}

function setStatus(text, isError = false) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

// What the person sends from the page (text, a reply button, a location, a command) takes
// the chat down to it, as in Telegram's apps; a tap on an old inline button does not.
async function act(column, promise) {
  column.follow = true;
  try {
    await promise;
    setStatus("");
  } catch (error) {
    showToast(column, error.message, true);
  }
}

// ---- state and columns ---------------------------------------------------------------------

async function loadState() {
  const state = await api("/sandbox/state");
  page.bots = state.bots;
  page.users = state.users;
  page.places = state.places;
  if (page.seq === null) page.seq = state.seq;
  if (!page.bots.some((bot) => bot.id === page.botId)) {
    page.botId = page.bots.length ? page.bots[0].id : null;
  }
  renderBotPicker();
  renderColumns();
}

function renderBotPicker() {
  const select = document.getElementById("bot-select");
  select.replaceChildren(
    ...page.bots.map((bot) => new Option(`${bot.first_name} (@${bot.username})`, bot.id)),
  );
  select.value = page.botId ?? "";
  select.disabled = page.bots.length < 2;
}

function renderColumns() {
  const main = document.getElementById("columns");
  const note = document.getElementById("empty-note");
  const wanted = page.botId === null ? [] : page.users;
  note.hidden = wanted.length > 0;
  note.textContent = page.botId === null
    ? "No bot yet. Point your bot at this server (Bot API base: " + location.origin + ")."
    : "No people yet. Add some with POST /sandbox/users.";
  for (const [chatId, column] of page.columns) {
    if (!wanted.some((user) => user.id === chatId)) {
      column.root.remove();
      page.columns.delete(chatId);
    }
  }
  for (const user of wanted) {
    const column = page.columns.get(user.id) ?? createColumn(user);
    column.user = user;
    // Appending a column that is already there would move it, and moving an element resets
    // its scrolling: every chat would jump back to its oldest message.
    if (column.root.parentElement !== main) main.appendChild(column.root);
    refreshColumn(user.id);
  }
  renderTabs();
}

function renderTabs() {
  const tabs = document.getElementById("people-tabs");
  tabs.replaceChildren(...[...page.columns.values()].map((column) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.textContent = column.user.first_name;
    tab.addEventListener("click", () => column.root.scrollIntoView({ behavior: "smooth", inline: "start" }));
    return tab;
  }));
}

function createColumn(user) {
  const root = document.getElementById("column-template").content.firstElementChild.cloneNode(true);
  const column = {
    user, root, chatId: user.id, pending: new Map(), typingTimer: null, view: null,
    follow: true, // the chat stays at its newest message until the person scrolls up
    newestSeq: 0, // the newest message or alert shown, to tell when something new came
    lastScrollTop: 0,
  };
  root.querySelector(".avatar").textContent = user.first_name.slice(0, 1);
  root.querySelector(".name").textContent = [user.first_name, user.last_name].filter(Boolean).join(" ");
  root.querySelector(".role").textContent = [user.role, user.language_code].filter(Boolean).join(" · ");
  wireComposer(column);
  wireScrolling(column);
  root.querySelector(".alert-ok").addEventListener("click", () => { root.querySelector(".alert-box").hidden = true; });
  page.columns.set(user.id, column);
  return column;
}

function wireComposer(column) {
  const { root } = column;
  const input = root.querySelector(".message-input");
  root.querySelector(".composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    act(column, post(`/sandbox/users/${column.chatId}/send`, { text }));
  });
  root.querySelector(".attach input").addEventListener("change", (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (file) sendPhoto(column, file, input);
  });
  root.querySelector(".location-button").addEventListener("click", async () => {
    const point = await pickLocation();
    if (point) act(column, post(`/sandbox/users/${column.chatId}/location`, point));
  });
  root.querySelector(".commands-button").addEventListener("click", () => toggleCommands(column));
  root.querySelector(".keyboard-toggle").addEventListener("click", () => {
    column.keyboardShown = !column.keyboardShown;
    renderKeyboard(column);
  });
}

function sendPhoto(column, file, input) {
  const form = new FormData();
  form.append("file", file, file.name);
  form.append("bot_id", page.botId);
  if (input.value.trim()) form.append("caption", input.value.trim());
  input.value = "";
  act(column, api(`/sandbox/users/${column.chatId}/media/photo`, { method: "POST", body: form }));
}

function toggleCommands(column) {
  const menu = column.root.querySelector(".commands-menu");
  const commands = column.view?.commands ?? [];
  menu.replaceChildren(...commands.map((command) => {
    const item = document.createElement("button");
    item.type = "button";
    item.innerHTML = `<b>/${escapeHtml(command.command)}</b> <span>${escapeHtml(command.description)}</span>`;
    item.addEventListener("click", () => {
      menu.hidden = true;
      act(column, post(`/sandbox/users/${column.chatId}/send`, { text: "/" + command.command }));
    });
    return item;
  }));
  if (!commands.length) menu.textContent = "This bot has no commands here.";
  menu.hidden = !menu.hidden;
}

// ---- one column's chat ---------------------------------------------------------------------

async function refreshColumn(chatId) {
  const column = page.columns.get(chatId);
  if (!column || page.botId === null) return;
  try {
    column.view = await api(`/sandbox/chats/${chatId}?bot_id=${page.botId}`);
  } catch (error) {
    setStatus(error.message, true);
    return;
  }
  // The keyboard and the banner first: the list has its final height when it is scrolled.
  renderKeyboard(column);
  const banner = column.root.querySelector(".banner");
  banner.hidden = !column.view.blocked;
  banner.textContent = "This person has blocked the bot. Writing to it unblocks it.";
  renderMessages(column);
}

// Messages and the callback answers the person saw, in the order they came.
function timeline(view) {
  const entries = [
    ...view.messages.filter((message) => !message.deleted).map((message) => ({ seq: message.seq, message })),
    ...(view.alerts ?? []).map((alert) => ({ seq: alert.seq, alert })),
  ];
  return entries.sort((a, b) => a.seq - b.seq);
}

function renderMessages(column) {
  const list = column.root.querySelector(".messages");
  const entries = timeline(column.view);
  list.replaceChildren(...entries.map((entry) => entry.alert ? renderAlertLine(entry.alert) : renderMessage(column, entry.message)));
  if (!entries.some((entry) => entry.message)) {
    // As in Telegram's apps, a chat with a bot begins with a START button.
    const hint = document.createElement("li");
    hint.className = "hint";
    const start = document.createElement("button");
    start.type = "button";
    start.className = "start-button";
    start.textContent = "START";
    start.addEventListener("click", () => act(column, post(`/sandbox/users/${column.chatId}/send`, { text: "/start" })));
    hint.append(start);
    list.append(hint);
  }
  const newest = entries.at(-1);
  const arrived = newest !== undefined && newest.seq > column.newestSeq;
  if (arrived) column.newestSeq = newest.seq;
  if (column.follow) scrollToBottom(column);
  else if (arrived) column.root.querySelector(".new-messages").hidden = false;
}

// A past pop-up or notice stays in the history as a grey line where it came.
function renderAlertLine(alert) {
  const item = document.createElement("li");
  item.className = alert.show_alert ? "system alert" : "system notice";
  item.title = (alert.show_alert ? "Pop-up" : "Notice") + " from the bot, " + new Date(alert.time * 1000).toLocaleTimeString();
  item.textContent = "🔔 " + alert.text;
  return item;
}

// ---- following the newest message ------------------------------------------------------------

function isAtBottom(list) {
  return list.scrollHeight - list.scrollTop - list.clientHeight < 32;
}

function scrollToBottom(column) {
  const list = column.root.querySelector(".messages");
  list.scrollTop = list.scrollHeight;
  column.lastScrollTop = list.scrollTop;
  column.follow = true;
  column.root.querySelector(".new-messages").hidden = true;
}

function wireScrolling(column) {
  const list = column.root.querySelector(".messages");
  list.addEventListener("scroll", () => {
    if (isAtBottom(list)) {
      column.follow = true;
      column.root.querySelector(".new-messages").hidden = true;
    } else if (list.scrollTop < column.lastScrollTop) {
      // Only the person scrolling up stops the following: a list that grows or shrinks under
      // a keyboard leaves scrollTop where it was.
      column.follow = false;
    }
    column.lastScrollTop = list.scrollTop;
  });
  // A keyboard shown or hidden, a window resized, a photo loaded: still at the newest message.
  new ResizeObserver(() => { if (column.follow) scrollToBottom(column); }).observe(list);
  list.addEventListener("load", () => { if (column.follow) scrollToBottom(column); }, true);
  column.root.querySelector(".new-messages").addEventListener("click", () => scrollToBottom(column));
}

function renderMessage(column, message) {
  const item = document.createElement("li");
  item.className = message.from_bot ? "bubble incoming" : "bubble outgoing";
  const body = document.createElement("div");
  body.className = "body";
  body.append(...renderContent(column, message));
  item.append(body);
  const meta = document.createElement("div");
  meta.className = "meta";
  const time = new Date(message.date * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  meta.textContent = (message.edited ? "edited " : "") + time;
  item.append(meta);
  const rows = message.reply_markup?.inline_keyboard;
  if (rows?.length) item.append(renderInlineKeyboard(column, message, rows));
  return item;
}

function renderContent(column, message) {
  const parts = [];
  if (message.forward_origin) parts.push(line("forwarded", "Forwarded message"));
  if (message.reply_to_message) {
    const quoted = message.reply_to_message.text ?? message.reply_to_message.caption ?? "…";
    parts.push(line("quote-reply", quoted.slice(0, 80)));
  }
  if (message.photo) parts.push(renderPhoto(message.photo));
  if (message.sticker) parts.push(line("sticker", message.sticker.emoji || "🖼"));
  if (message.voice) parts.push(fileLink(message.voice, `🎤 Voice message, ${message.voice.duration ?? 0} s`));
  if (message.document) parts.push(fileLink(message.document, `📄 ${message.document.file_name ?? "Document"}`));
  if (message.venue) parts.push(line("venue", `📍 ${message.venue.title}\n${message.venue.address}`));
  else if (message.location) parts.push(renderLocation(message.location));
  if (message.contact) parts.push(renderContact(message.contact));
  const text = message.text ?? message.caption;
  if (text !== undefined) {
    const entities = message.entities ?? message.caption_entities ?? [];
    const textBlock = document.createElement("div");
    textBlock.className = "text";
    textBlock.innerHTML = renderEntities(text, entities);
    textBlock.querySelectorAll("a.command").forEach((link) => link.addEventListener("click", (event) => {
      event.preventDefault();
      act(column, post(`/sandbox/users/${column.chatId}/send`, { text: link.dataset.command }));
    }));
    parts.push(textBlock);
  }
  return parts;
}

function line(className, text) {
  const element = document.createElement("div");
  element.className = className;
  element.textContent = text;
  return element;
}

function renderPhoto(sizes) {
  const image = document.createElement("img");
  image.className = "photo";
  image.alt = "Photo";
  image.src = `/sandbox/files/${encodeURIComponent(sizes[sizes.length - 1].file_id)}`;
  return image;
}

function fileLink(file, label) {
  const link = document.createElement("a");
  link.className = "file";
  link.href = `/sandbox/files/${encodeURIComponent(file.file_id)}`;
  link.target = "_blank";
  link.textContent = label;
  return link;
}

function renderLocation(point) {
  const near = nearestPlace(point.latitude, point.longitude);
  const text = `📍 ${point.latitude.toFixed(4)}, ${point.longitude.toFixed(4)}`;
  return line("location", near ? `${text}\nnear ${near}` : text);
}

function nearestPlace(latitude, longitude) {
  let best = null;
  for (const place of page.places) {
    const distance = Math.hypot(place.latitude - latitude, (place.longitude - longitude) * Math.cos(latitude * Math.PI / 180));
    if (distance < 0.5 && (!best || distance < best.distance)) best = { name: place.name, distance };
  }
  return best?.name;
}

function renderContact(contact) {
  const card = document.createElement("div");
  card.className = "contact";
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(" ");
  const owner = contact.user_id ? `Telegram user ${contact.user_id}` : "not on Telegram";
  card.innerHTML = `<b>👤 ${escapeHtml(name)}</b><br><a href="tel:${escapeHtml(contact.phone_number)}">${escapeHtml(contact.phone_number)}</a><br><small>${owner}</small>`;
  return card;
}

function renderInlineKeyboard(column, message, rows) {
  const keyboard = document.createElement("div");
  keyboard.className = "inline-keyboard";
  rows.forEach((row, rowIndex) => {
    const rowElement = document.createElement("div");
    rowElement.className = "row";
    row.forEach((button, columnIndex) => {
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = button.text + (button.url ? " ↗" : "");
      if (column.pending.has(`${message.message_id}:${rowIndex}:${columnIndex}`)) element.classList.add("waiting");
      element.addEventListener("click", () => pressInline(column, message, button, rowIndex, columnIndex, element));
      rowElement.append(element);
    });
    keyboard.append(rowElement);
  });
  return keyboard;
}

async function pressInline(column, message, button, row, col, element) {
  if (button.url) {
    window.open(button.url, "_blank", "noopener");
    return;
  }
  const key = `${message.message_id}:${row}:${col}`;
  element.classList.add("waiting");
  try {
    const result = await post(`/sandbox/users/${column.chatId}/press`, { message_id: message.message_id, row, column: col });
    if (result.callback_query) {
      column.pending.set(key, result.callback_query.id);
      // Telegram's apps stop waiting for an answer after a while; so does the page.
      setTimeout(() => { column.pending.delete(key); refreshColumn(column.chatId); }, 15000);
    }
  } catch (error) {
    element.classList.remove("waiting");
    showToast(column, error.message, true);
  }
}

function renderKeyboard(column) {
  const view = column.view;
  const area = column.root.querySelector(".reply-keyboard");
  const toggle = column.root.querySelector(".keyboard-toggle");
  const keyboard = view?.reply_keyboard;
  const input = column.root.querySelector(".message-input");
  input.placeholder = keyboard?.input_field_placeholder ?? view?.force_reply?.input_field_placeholder ?? (view?.force_reply ? "Reply…" : "Message");
  if (!keyboard) {
    area.replaceChildren();
    toggle.hidden = true;
    return;
  }
  const shown = column.keyboardShown ?? !view.keyboard_hidden;
  toggle.hidden = false;
  toggle.textContent = shown ? "⌨ Hide keyboard" : "⌨ Show keyboard";
  area.hidden = !shown;
  area.replaceChildren(...keyboard.keyboard.map((row) => {
    const rowElement = document.createElement("div");
    rowElement.className = "row";
    rowElement.append(...row.map((button) => replyButton(column, button)));
    return rowElement;
  }));
}

function replyButton(column, button) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = button.text;
  // Telegram's apps mark buttons that share something; the page says what it shares.
  const shares = button.request_contact ? "shares your phone" : button.request_location ? "shares a location" : "";
  if (shares) {
    const note = document.createElement("span");
    note.className = "request";
    note.textContent = shares;
    element.append(note);
  }
  element.addEventListener("click", async () => {
    const body = { text: button.text };
    if (button.request_location) {
      const point = await pickLocation();
      if (!point) return;
      Object.assign(body, point);
    }
    if (button.request_contact && !confirm(`Share your phone number (${column.user.phone_number}) with the bot?`)) return;
    column.keyboardShown = undefined;
    act(column, post(`/sandbox/users/${column.chatId}/reply_button`, body));
  });
  return element;
}

// ---- events from the server ----------------------------------------------------------------

function handleEvent(event) {
  const column = page.columns.get(event.chat_id);
  if (!column || event.bot_id !== page.botId) return false;
  if (event.kind === "callback_answer") {
    for (const [key, id] of column.pending) if (id === event.callback_query_id) column.pending.delete(key);
    // Events come after the page's first state only: this answer came while the page was open.
    if (event.text && event.show_alert) showAlert(column, event.text);
    else if (event.text) showToast(column, event.text);
  }
  if (event.kind === "chat_action") showTyping(column, event.action);
  return true;
}

// Telegram's alert, within the person's column: it blocks neither the page nor the others.
function showAlert(column, text) {
  const box = column.root.querySelector(".alert-box");
  box.querySelector(".alert-text").textContent = text;
  box.hidden = false;
}

function showToast(column, text, isError = false) {
  const toast = column.root.querySelector(".toast");
  toast.textContent = text;
  toast.classList.toggle("error", isError);
  toast.hidden = false;
  clearTimeout(column.toastTimer);
  column.toastTimer = setTimeout(() => { toast.hidden = true; }, 3500);
}

function showTyping(column, action) {
  const typing = column.root.querySelector(".typing");
  typing.textContent = action === "typing" ? "typing…" : action.replaceAll("_", " ") + "…";
  typing.hidden = false;
  clearTimeout(column.typingTimer);
  // A chat action lasts 5 seconds or until the next message, as in Telegram's apps.
  column.typingTimer = setTimeout(() => { typing.hidden = true; }, 5000);
}

async function pollEvents() {
  for (;;) {
    try {
      if (page.seq === null) await loadState(); // the first state failed: nothing to poll after yet
      const query = `since=${page.seq}&timeout=25` + (page.version === null ? "" : `&version=${page.version}`);
      const result = await api(`/sandbox/events?${query}`);
      if (result.version !== page.version) {
        page.version = result.version;
        await loadState();
      }
      page.seq = result.seq;
      const changed = new Set();
      for (const event of result.events) {
        if (handleEvent(event)) changed.add(event.chat_id);
        if (event.kind === "message" && event.direction === "out") page.columns.get(event.chat_id)?.root.querySelector(".typing").setAttribute("hidden", "");
      }
      await Promise.all([...changed].map(refreshColumn));
      setStatus("");
    } catch (error) {
      setStatus("Sandbox unreachable, retrying…", true);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

// ---- location picker -----------------------------------------------------------------------

function pickLocation() {
  const dialog = document.getElementById("location-dialog");
  const list = dialog.querySelector(".places");
  return new Promise((resolve) => {
    let chosen = null;
    list.replaceChildren(...page.places.map((place) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.innerHTML = `${escapeHtml(place.name)} <small>${place.latitude.toFixed(3)}, ${place.longitude.toFixed(3)}</small>`;
      button.addEventListener("click", () => {
        chosen = { latitude: place.latitude, longitude: place.longitude };
        dialog.close("place");
      });
      item.append(button);
      return item;
    }));
    dialog.addEventListener("close", () => {
      if (dialog.returnValue === "typed") {
        const latitude = parseFloat(dialog.querySelector("[name=latitude]").value);
        const longitude = parseFloat(dialog.querySelector("[name=longitude]").value);
        if (Number.isFinite(latitude) && Number.isFinite(longitude)) chosen = { latitude, longitude };
      }
      resolve(chosen);
    }, { once: true });
    dialog.returnValue = "";
    dialog.showModal();
  });
}

// ---- text with entities --------------------------------------------------------------------

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// Offsets are in UTF-16 code units, which is what JavaScript strings index by.
function renderEntities(text, entities) {
  const cuts = new Set([0, text.length]);
  for (const entity of entities) {
    cuts.add(entity.offset);
    cuts.add(entity.offset + entity.length);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const active = entities.filter((e) => e.offset <= start && e.offset + e.length >= end);
    html += active.reduce((inner, entity) => wrapEntity(inner, entity, text), escapeHtml(text.slice(start, end)));
  }
  return html.replaceAll("\n", "<br>");
}

function wrapEntity(inner, entity, text) {
  const whole = text.slice(entity.offset, entity.offset + entity.length);
  const link = (href, className = "") => `<a href="${escapeHtml(href)}" class="${className}" target="_blank" rel="noopener">${inner}</a>`;
  switch (entity.type) {
    case "bold": return `<b>${inner}</b>`;
    case "italic": return `<i>${inner}</i>`;
    case "underline": return `<u>${inner}</u>`;
    case "strikethrough": return `<s>${inner}</s>`;
    case "spoiler": return `<span class="spoiler" tabindex="0">${inner}</span>`;
    case "code": return `<code>${inner}</code>`;
    case "pre": return `<code class="pre">${inner}</code>`;
    case "blockquote":
    case "expandable_blockquote": return `<span class="blockquote">${inner}</span>`;
    case "text_link": return link(entity.url);
    case "url": return link(/^[a-z]+:\/\//i.test(whole) ? whole : "http://" + whole);
    case "email": return link("mailto:" + whole);
    case "phone_number": return link("tel:" + whole.replace(/[^\d+]/g, ""), "phone");
    case "bot_command": return `<a href="#" class="command" data-command="${escapeHtml(whole)}">${inner}</a>`;
    default: return inner;
  }
}

// ---- start ---------------------------------------------------------------------------------

document.getElementById("bot-select").addEventListener("change", (event) => {
  page.botId = Number(event.target.value);
  for (const column of page.columns.values()) Object.assign(column, { follow: true, newestSeq: 0, lastScrollTop: 0 });
  renderColumns();
});

loadState().catch((error) => setStatus(error.message, true)).finally(pollEvents);
