// The tweetpipe dashboard: Server-Sent Events from /events, drawn as they come.
//
// Every text from the stream (tweets, hashtags, words, SQL cells) is untrusted: it goes into the page with
// textContent only, never as markup. Memory is bounded: the charts keep at most the server's maxPoints and its
// history, the tweets table maxTweets rows, and each analysis only its latest result.
(function () {
  "use strict";

  const MAX_OTHERS = 20;
  const RETRY_AFTER_REFUSAL_MS = 10000;

  let settings = {batchIntervalMs: 1000, historyMs: 600000, maxPoints: 600, maxTweets: 50};
  let rates, timings, parts;   // charts
  let source = null;
  let lastFigures = null;
  const rankings = new Map();  // ranking name and window -> its section
  const queries = new Map();   // query text -> its section

  // ---- a chart: uPlot over arrays that forget their oldest points ----

  class Chart {
    constructor(id, names, colors, dashes) {
      this.element = document.getElementById(id);
      this.names = names;
      this.data = [[]].concat(names.map(() => []));
      const series = [{}].concat(names.map((name, i) => ({
        label: name, stroke: colors[i], width: 1.5, dash: dashes ? dashes[i] : undefined, spanGaps: false,
        points: {show: false}
      })));
      this.plot = new uPlot({
        width: this.width(), height: 220, series: series,
        scales: {x: {time: true}, y: {range: (u, min, max) => [0, Math.max(1, max * 1.1)]}},
        axes: [{}, {size: 60}],
        legend: {live: true},
        cursor: {drag: {x: false, y: false}}
      }, this.data, this.element);
      this.dirty = false;
    }

    width() {
      return Math.max(300, this.element.clientWidth || 600);
    }

    /** Adds one point: x in seconds, one y per series (null where unknown). */
    add(x, ys) {
      this.data[0].push(x);
      ys.forEach((y, i) => this.data[i + 1].push(y));
      const horizon = x - settings.historyMs / 1000;
      let drop = 0;
      while (drop < this.data[0].length
             && (this.data[0].length - drop > settings.maxPoints || this.data[0][drop] <= horizon)) {
        drop++;
      }
      if (drop > 0) {
        this.data.forEach(column => column.splice(0, drop));
      }
      this.element.dataset.points = String(this.data[0].length);
      this.redraw();
    }

    clear() {
      this.data.forEach(column => column.splice(0));
      this.element.dataset.points = "0";
      this.redraw();
    }

    redraw() {
      if (this.dirty) {
        return;
      }
      this.dirty = true;
      // A page opened late receives its history as a burst of events: draw once per frame, not once per event.
      requestAnimationFrame(() => {
        this.dirty = false;
        this.plot.setData(this.data);
      });
    }

    resize() {
      this.plot.setSize({width: this.width(), height: 220});
    }

    destroy() {
      this.plot.destroy();
    }
  }

  const PALETTE = ["#2f6fbf", "#e0812f", "#3c9a5f", "#b83c8a", "#6c5ccf", "#8a8a2a", "#c2402f", "#2a8a8a"];

  // ---- small DOM helpers: text only ----

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function cell(row, text, className) {
    row.appendChild(el("td", className, text));
  }

  function number(n) {
    return n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US");
  }

  /** A batch's time: to the second, or to the millisecond when batches come faster than one a second. */
  function clock(ms) {
    const time = new Date(ms).toLocaleTimeString("en-GB", {hour12: false});
    return settings.batchIntervalMs % 1000 === 0 ? time : time + "." + String(ms % 1000).padStart(3, "0");
  }

  function duration(ms) {
    return ms % 1000 === 0 ? (ms / 1000) + " s" : ms + " ms";
  }

  function replace(container, child) {
    container.replaceChildren(child);
  }

  // ---- what each event does ----

  function hello(event) {
    settings = event;
    lastFigures = null;
    rates.clear();
    timings.clear();
    if (parts) {
      parts.destroy();
      parts = null;
    }
    document.getElementById("chart-parts").dataset.points = "0";
    rankings.clear();
    queries.clear();
    replace(document.getElementById("parts"), el("p", "empty", "No batch completed yet."));
    replace(document.getElementById("rankings"), el("p", "empty", "No trending analysis has reported yet."));
    replace(document.getElementById("totals"), el("p", "empty", "No running totals yet."));
    document.querySelector("#tweets tbody").replaceChildren();
    document.getElementById("queries").replaceChildren();
    document.getElementById("queries-panel").hidden = true;
    document.getElementById("others").replaceChildren();
    document.getElementById("others-panel").hidden = true;
    document.getElementById("summary").textContent = "batches every " + duration(settings.batchIntervalMs)
        + ", the last " + Math.round(settings.historyMs / 60000) + " min kept";
  }

  function figures(event) {
    const x = event.time / 1000;
    const seconds = settings.batchIntervalMs / 1000;
    const received = event.records / seconds;
    const processed = event.processingMs > 0 ? event.records / (event.processingMs / 1000) : null;
    rates.add(x, [received, processed]);
    timings.add(x, [event.processingMs, event.schedulingDelayMs, settings.batchIntervalMs]);
    partsChart(event);
    partsTable(event.parts);
    lastFigures = event;
    document.getElementById("summary").textContent = "batch " + clock(event.time) + ": "
        + number(event.records) + " records, processed in " + event.processingMs + " ms, scheduling delay "
        + event.schedulingDelayMs + " ms · batches every " + duration(settings.batchIntervalMs);
  }

  /** The rate of every count the parts report, from this batch's counts and the previous one's. */
  function partsChart(event) {
    const counts = [];
    event.parts.forEach(part => part.gauges.filter(g => g.cumulative)
        .forEach(g => counts.push({name: part.name + " " + g.name + "/s", value: g.value})));
    const names = counts.map(c => c.name);
    if (!parts || parts.names.join("\n") !== names.join("\n")) {
      if (parts) {
        parts.destroy();
      }
      document.getElementById("chart-parts").replaceChildren();
      parts = new Chart("chart-parts", names, names.map((_, i) => PALETTE[i % PALETTE.length]));
    }
    const before = new Map();
    if (lastFigures) {
      lastFigures.parts.forEach(part => part.gauges.forEach(g => before.set(part.name + " " + g.name + "/s",
          g.value)));
    }
    const elapsed = lastFigures ? (event.time - lastFigures.time) / 1000 : 0;
    parts.add(event.time / 1000, counts.map(c => elapsed > 0 && before.has(c.name)
        ? Math.max(0, c.value - before.get(c.name)) / elapsed : null));
  }

  function partsTable(states) {
    const box = el("div");
    states.forEach(part => {
      const section = el("div", "part");
      const title = el("h3", null, part.name + " ");
      title.appendChild(el("span", "state", part.status));
      section.appendChild(title);
      const table = el("table");
      const body = el("tbody");
      part.gauges.forEach(g => {
        const row = el("tr");
        cell(row, g.name);
        cell(row, number(g.value), "num");
        cell(row, g.cumulative ? "since the start" : "now", "quiet");
        body.appendChild(row);
      });
      table.appendChild(body);
      section.appendChild(table);
      box.appendChild(section);
    });
    replace(document.getElementById("parts"), box);
  }

  function batch(event) {
    const body = document.querySelector("#tweets tbody");
    // Newest first: this batch's tweets, in their order, above the older ones.
    const rows = event.tweets.map(tweet => {
      const row = el("tr");
      cell(row, clock(event.time), "time");
      cell(row, tweet.text, "text");
      cell(row, tweet.lang || "–", "quiet");
      return row;
    });
    body.prepend(...rows);
    while (body.rows.length > settings.maxTweets) {
      body.deleteRow(body.rows.length - 1);
    }
  }

  // Keys come as Twitter marks them, without their # or @ (hashtags, mentions); words come bare.
  function bars(title, top, withChange, ranking, prefix) {
    const section = el("div", "ranking");
    section.appendChild(el("h3", null, title));
    const table = el("table");
    const head = el("tr");
    [["#", "num"], ["key", null], ["count", "num"], ["", null]].concat(withChange ? [["change", "num"]] : [])
        .forEach(([text, className]) => head.appendChild(el("th", className, text)));
    table.appendChild(el("thead")).appendChild(head);
    const body = el("tbody");
    const max = top.reduce((m, c) => Math.max(m, c.count), 1);
    top.forEach((c, i) => {
      const row = el("tr");
      cell(row, i + 1, "num");
      cell(row, (prefix || "") + c.key, "key");
      cell(row, number(c.count), "num");
      const bar = el("td", "bar");
      const fill = el("div", "fill");
      fill.style.width = (100 * c.count / max).toFixed(1) + "%";
      bar.appendChild(fill);
      row.appendChild(bar);
      if (withChange) {
        if (c.change === null || c.change === undefined) {
          cell(row, "new", "num new");
        } else if (c.change > 0) {
          cell(row, "▲ +" + number(c.change), "num up");
        } else if (c.change < 0) {
          cell(row, "▼ " + number(c.change), "num down");
        } else {
          cell(row, "=", "num quiet");
        }
      }
      body.appendChild(row);
    });
    if (top.length === 0) {
      const row = el("tr");
      const empty = el("td", "empty", "nothing in this window");
      empty.colSpan = withChange ? 5 : 4;
      row.appendChild(empty);
      body.appendChild(row);
    }
    table.appendChild(body);
    section.appendChild(table);
    if (ranking) {
      section.dataset.name = ranking;
    }
    return section;
  }

  function ranking(event) {
    const container = document.getElementById("rankings");
    const key = event.name + " " + event.windowMs + " " + event.slideMs;
    const title = event.subject + " · " + duration(event.windowMs) + " window, sliding by "
        + duration(event.slideMs) + " · at " + clock(event.time);
    const prefix = {hashtags: "#", mentions: "@"}[event.subject];
    const section = bars(title, event.top, true, event.name, prefix);
    if (rankings.size === 0) {
      container.replaceChildren();
    }
    if (rankings.has(key)) {
      rankings.get(key).replaceWith(section);
    } else {
      container.appendChild(section);
    }
    rankings.set(key, section);
  }

  function totals(event) {
    const box = el("div");
    const figures = el("div", "figures");
    [["distinct hashtags", event.distinctHashtags], ["distinct authors", event.distinctAuthors]].forEach(([n, v]) => {
      const figure = el("div", "figure");
      figure.appendChild(el("b", null, number(v)));
      figure.appendChild(el("span", "quiet", n));
      figures.appendChild(figure);
    });
    box.appendChild(figures);
    box.appendChild(bars("top hashtags since the start · at " + clock(event.time), event.top, false, "totals", "#"));
    replace(document.getElementById("totals"), box);
  }

  function query(event) {
    document.getElementById("queries-panel").hidden = false;
    const section = el("div", "query");
    const windowText = event.windowMs ? " · " + duration(event.windowMs) + " window, sliding by "
        + duration(event.slideMs) : "";
    section.appendChild(el("h3", null, event.query + windowText + " · at " + clock(event.time)));
    const table = el("table");
    const head = el("tr");
    event.columns.forEach(c => head.appendChild(el("th", null, c)));
    table.appendChild(el("thead")).appendChild(head);
    const body = el("tbody");
    event.rows.forEach(r => {
      const row = el("tr");
      r.forEach(value => cell(row, value === null ? "NULL" : value, value === null ? "quiet" : null));
      body.appendChild(row);
    });
    table.appendChild(body);
    section.appendChild(table);
    if (event.more) {
      section.appendChild(el("p", "quiet", "more rows not shown"));
    }
    const key = event.query + " " + (event.windowMs || "");
    if (queries.has(key)) {
      queries.get(key).replaceWith(section);
    } else {
      document.getElementById("queries").appendChild(section);
    }
    queries.set(key, section);
  }

  // A result this page does not know (the clusters and the classifier's accuracy are still to come): shown as text.
  function other(event) {
    document.getElementById("others-panel").hidden = false;
    const list = document.getElementById("others");
    list.prepend(el("pre", "other", clock(event.time) + " " + (event.type || event.kind) + ": "
        + (event.text || JSON.stringify(event))));
    while (list.children.length > MAX_OTHERS) {
      list.lastElementChild.remove();
    }
  }

  const HANDLERS = {hello, figures, batch, ranking, totals, query, other};

  // ---- the connection ----

  function status(text, className) {
    const node = document.getElementById("status");
    node.textContent = text;
    node.className = "status " + (className || "");
  }

  function connect() {
    source = new EventSource("events");
    source.onopen = () => status("live", "live");
    Object.keys(HANDLERS).forEach(kind => source.addEventListener(kind, message => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch (e) {
        return;  // not ours to show
      }
      HANDLERS[kind](event);
    }));
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (the server serves a bounded number of live pages) or gone: try again a little later.
        status("disconnected: the dashboard may be serving all the pages it can; retrying in "
            + RETRY_AFTER_REFUSAL_MS / 1000 + " s", "down");
        source.close();
        setTimeout(connect, RETRY_AFTER_REFUSAL_MS);
      } else {
        status("reconnecting…", "down");
      }
    };
  }

  function start() {
    rates = new Chart("chart-rates", ["received/s", "processed/s"], ["#2f6fbf", "#3c9a5f"]);
    timings = new Chart("chart-timings", ["processing ms", "scheduling delay ms", "batch interval"],
        ["#e0812f", "#c2402f", "#6b7585"], [undefined, undefined, [6, 4]]);
    window.addEventListener("resize", () => [rates, timings, parts].forEach(c => c && c.resize()));
    connect();
  }

  start();
}());
