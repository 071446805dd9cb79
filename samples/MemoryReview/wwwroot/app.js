"use strict";
// The memory review page: plain JavaScript, no build step. Every change request carries the X-MemoryReview header.
const $ = (id) => document.getElementById(id);
const headers = { "Content-Type": "application/json", "X-MemoryReview": "1" };

async function api(method, url, body) {
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  if (response.status === 401) { showLogin(); throw new Error("signed out"); }
  return response;
}

function text(value) { const span = document.createElement("span"); span.textContent = value ?? ""; return span; }
function cell(row, content, className) { const td = row.insertCell(); if (className) td.className = className; td.append(content); return td; }
function button(label, onClick, testId) { const b = document.createElement("button"); b.type = "button"; b.textContent = label; b.dataset.action = testId; b.addEventListener("click", onClick); return b; }

function showLogin() { $("login-view").hidden = false; $("memories-view").hidden = true; $("who").hidden = true; }

async function showMemories(query) {
  const url = query ? `/api/memories?q=${encodeURIComponent(query)}` : "/api/memories";
  const response = await api("GET", url);
  const memories = await response.json();
  const tbody = $("memories").tBodies[0];
  tbody.replaceChildren();
  for (const m of memories) {
    const row = tbody.insertRow();
    row.dataset.id = m.id;
    row.className = "memory";
    cell(row, text(m.text), "text");
    cell(row, text(m.kind));
    cell(row, text(m.topic));
    cell(row, text(m.speaker ? `${m.source} (${m.speaker})` : m.source));
    cell(row, text(new Date(m.updatedAt).toLocaleString()));
    const actions = cell(row, document.createElement("span"));
    actions.append(
      button("Edit", () => edit(row, m), "edit"),
      button("History", () => history(m.id), "history"),
      button("Delete", () => remove(m.id), "delete"));
  }
  // An empty search and an empty store are different news: say which.
  $("no-match-query").textContent = query ?? "";
  $("no-match").hidden = memories.length > 0 || !query;
  $("empty").hidden = memories.length > 0 || !!query;
  $("memories").hidden = memories.length === 0;
}

function edit(row, memory) {
  const area = document.createElement("textarea");
  area.value = memory.text;
  const td = row.cells[0];
  td.replaceChildren(area, button("Save", async () => {
    const response = await api("PUT", `/api/memories/${memory.id}`, { text: area.value });
    $("status").textContent = response.ok ? "Saved." : "Could not save: " + (await response.text());
    await showMemories($("search").value);
  }, "save"));
  area.focus();
}

async function history(id) {
  const response = await api("GET", `/api/memories/${id}/history`);
  const list = $("history");
  list.replaceChildren();
  if (response.ok) {
    for (const h of await response.json()) {
      const li = document.createElement("li");
      li.append(text(`v${h.version} ${h.change} ${new Date(h.at).toLocaleString()}: `), text(h.newText ?? h.previousText ?? ""));
      list.append(li);
    }
  }
  $("history-dialog").showModal();
}

async function remove(id) {
  const response = await api("DELETE", `/api/memories/${id}`);
  $("status").textContent = response.ok ? "Deleted." : "Could not delete.";
  await showMemories($("search").value);
}

async function start() {
  const me = await fetch("/api/me", { credentials: "same-origin" });
  if (!me.ok) { showLogin(); return; }
  $("user").textContent = (await me.json()).user;
  $("who").hidden = false;
  $("login-view").hidden = true;
  $("memories-view").hidden = false;
  await showMemories();
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const response = await fetch("/api/login", { method: "POST", headers, body: JSON.stringify({ user: $("login-user").value, password: $("login-password").value }) });
  $("login-error").textContent = response.ok ? "" : "Wrong user or password.";
  if (response.ok) await start();
});
$("logout").addEventListener("click", async () => { await api("POST", "/api/logout"); showLogin(); });
$("search-form").addEventListener("submit", async (event) => { event.preventDefault(); await showMemories($("search").value); });
$("history-close").addEventListener("click", () => $("history-dialog").close());
$("erase").addEventListener("click", () => { $("erase-confirm").value = ""; $("erase-dialog").showModal(); });
$("erase-cancel").addEventListener("click", () => $("erase-dialog").close());
$("erase-go").addEventListener("click", async () => {
  const response = await api("POST", "/api/erase", { confirm: $("erase-confirm").value });
  if (response.ok) {
    const receipt = await response.json();
    $("status").textContent = `Erased ${receipt.records} memories and ${receipt.historyEntries} history entries.`;
    $("erase-dialog").close();
    await showMemories();
  } else {
    $("status").textContent = "Type ERASE to confirm.";
  }
});
start();
