// New messages of the open conversation, by server-sent events; text is inserted as text, never as HTML.
(function () {
  var list = document.getElementById("messages");
  if (!list || !window.EventSource) return;
  var shown = list.children.length;
  var source = new EventSource(list.dataset.events.replace(/after=\d+/, "after=" + shown));
  source.onmessage = function (event) {
    var m = JSON.parse(event.data);
    var item = document.createElement("li");
    item.className = "from-" + m.sender;
    var who = document.createElement("b");
    who.textContent = (m.sender === "user" ? list.dataset.user : list.dataset.operator) + ": ";
    var body = document.createElement(m.kind === "text" ? "span" : "i");
    body.className = "usertext";
    body.textContent = m.kind === "text" ? m.text : "[" + m.kind + "]";
    item.appendChild(who);
    item.appendChild(body);
    list.appendChild(item);
  };
})();
