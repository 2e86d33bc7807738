"use strict";
(function () {
  var page = document.body;
  var key = "jimeng-stars:" + page.getAttribute("data-page");
  var generated = Number(page.getAttribute("data-generated"));
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));

  function saved() {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "{}");
    } catch (e) {
      return {};
    }
  }

  function remember(marks) {
    try {
      window.localStorage.setItem(key, JSON.stringify(marks));
    } catch (e) {
      // no storage for this page: the saved file still carries the stars
    }
  }

  // a star toggled here after the page was written wins over the journal's
  var marks = saved();
  cards.forEach(function (card) {
    var mark = marks[card.getAttribute("data-id")];
    if (mark && mark.at > generated) {
      card.querySelector(".star").setAttribute("aria-pressed", String(mark.on));
    }
  });

  function starsDocument() {
    var stars = {};
    cards.forEach(function (card) {
      stars[card.getAttribute("data-id")] = card.querySelector(".star").getAttribute("aria-pressed") === "true";
    });
    return JSON.stringify({ version: 1, stars: stars }, null, 1);
  }

  var save = document.getElementById("save-stars");
  function refreshSaveLink() {
    save.href = "data:application/json;charset=utf-8," + encodeURIComponent(starsDocument());
  }
  refreshSaveLink();

  document.getElementById("filter").addEventListener("input", function (event) {
    var words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      var text = card.getAttribute("data-search");
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      card.hidden = !match;
      if (match) {
        shown++;
      }
    });
    document.getElementById("shown").textContent = String(shown);
  });

  // a story's reel: the shown cards' videos one after another, in page (shot) order
  var playAll = document.getElementById("play-all");
  if (playAll) {
    playAll.addEventListener("click", function () {
      var shown = cards.filter(function (c) { return !c.hidden && c.querySelector("video"); });
      playAll.setAttribute("data-played", "");
      function play(i) {
        if (i >= shown.length) {
          playAll.removeAttribute("data-playing");
          return;
        }
        var card = shown[i];
        var video = card.querySelector("video");
        playAll.setAttribute("data-playing", card.getAttribute("data-id"));
        playAll.setAttribute("data-played", (playAll.getAttribute("data-played") + " " + card.getAttribute("data-id")).trim());
        video.loop = false;
        video.currentTime = 0;
        video.onended = function () {
          video.onended = null;
          video.loop = true;
          play(i + 1);
        };
        card.scrollIntoView({ block: "nearest" });
        var playing = video.play();
        if (playing && playing.catch) {
          playing.catch(function () { play(i + 1); });
        }
      }
      play(0);
    });
  }

  cards.forEach(function (card) {
    var video = card.querySelector("video");
    if (video) {
      video.muted = true; // a muted video may play on hover, without a click
      card.addEventListener("mouseenter", function () {
        var playing = video.play();
        if (playing && playing.catch) {
          playing.catch(function () {});
        }
      });
      card.addEventListener("mouseleave", function () { video.pause(); });
    }
    card.querySelector(".star").addEventListener("click", function (event) {
      var button = event.currentTarget;
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(on));
      var all = saved();
      all[card.getAttribute("data-id")] = { on: on, at: Date.now() };
      remember(all);
      refreshSaveLink();
    });
    card.querySelector(".copy").addEventListener("click", function (event) {
      var button = event.currentTarget;
      var text = card.querySelector("code").textContent;
      function done(word) {
        button.textContent = word;
        button.setAttribute("data-copied", word === "Copied" ? "true" : "false");
      }
      function fallback() {
        // file:// pages may lack the async clipboard: copy from a selected text area instead
        var area = document.createElement("textarea");
        area.value = text;
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try {
          ok = document.execCommand("copy");
        } catch (e) {
          ok = false;
        }
        document.body.removeChild(area);
        done(ok ? "Copied" : "Select the command to copy it");
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done("Copied"); }, fallback);
      } else {
        fallback();
      }
    });
  });
})();
