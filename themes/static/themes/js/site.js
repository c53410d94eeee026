// The reader's tools (字号, 高对比度, 长辈模式, remembered per browser; applied before
// paint by the inline script in base.html), the print button, the 图片新闻 carousel and
// 复制链接, 搜索建议 as a reader types. Everything works without script; this only adds to it.
(function () {
  var root = document.documentElement;
  function remember(key, value) {
    try { localStorage.setItem(key, value); } catch (e) {}
  }

  function toggle(selector, className, key) {
    document.querySelectorAll(selector).forEach(function (button) {
      button.setAttribute("aria-pressed", root.classList.contains(className) ? "true" : "false");
      button.addEventListener("click", function () {
        var on = root.classList.toggle(className);
        remember(key, on ? "1" : "0");
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
    });
  }
  toggle("[data-elder-toggle]", "elder", "xf-elder");
  toggle("[data-contrast-toggle]", "contrast", "xf-contrast");

  var sizes = document.querySelectorAll("[data-font-size]");
  function showSize() {
    sizes.forEach(function (button) {
      var size = button.dataset.fontSize;
      var on = size ? root.classList.contains("font-" + size) : !root.classList.contains("font-large") && !root.classList.contains("font-small");
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }
  sizes.forEach(function (button) {
    button.addEventListener("click", function () {
      root.classList.remove("font-large", "font-small");
      if (button.dataset.fontSize) root.classList.add("font-" + button.dataset.fontSize);
      remember("xf-font", button.dataset.fontSize);
      showSize();
    });
  });
  showSize();

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    button.addEventListener("click", function () {
      var done = function () { button.textContent = "已复制"; };
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, function () {});
    });
  });

  // 图片新闻: turns every 5 s; pauses on the pause button, on hover and on keyboard
  // focus; never turns by itself when the reader asks for reduced motion.
  document.querySelectorAll("[data-carousel]").forEach(function (carousel) {
    var track = carousel.querySelector("[data-carousel-slides]");
    var slides = track.children;
    var pause = carousel.querySelector("[data-carousel-pause]");
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var stopped = still, held = false, timer = null;
    function current() { return Math.round(track.scrollLeft / track.clientWidth); }
    function go(index) {
      var count = slides.length;
      track.scrollTo({ left: ((index + count) % count) * track.clientWidth });
    }
    function showPause() {
      pause.setAttribute("aria-pressed", stopped ? "true" : "false");
      pause.textContent = stopped ? "播放" : "暂停";
    }
    function tick() { if (!stopped && !held) go(current() + 1); }
    carousel.querySelector("[data-carousel-prev]").addEventListener("click", function () { go(current() - 1); });
    carousel.querySelector("[data-carousel-next]").addEventListener("click", function () { go(current() + 1); });
    pause.addEventListener("click", function () { stopped = !stopped; showPause(); });
    carousel.addEventListener("mouseenter", function () { held = true; });
    carousel.addEventListener("mouseleave", function () { held = false; });
    carousel.addEventListener("focusin", function () { held = true; });
    carousel.addEventListener("focusout", function () { held = false; });
    if (slides.length > 1) timer = window.setInterval(tick, 5000);
    if (slides.length < 2) carousel.querySelector(".carousel-controls").hidden = true;
    showPause();
    return timer;
  });
  // 搜索建议: the box's <datalist> is filled from /search/suggest/ as the reader types.
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null, asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (!q || q === asked || !window.fetch) return;
        asked = q;
        var scope = input.form && input.form.querySelector("input[name=scope]:checked");
        var url = "/search/suggest/?q=" + encodeURIComponent(q) + (scope && scope.value === "all" ? "&scope=all" : "");
        fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        }).then(function (data) {
          if (data.q !== input.value.trim()) return; // the reader typed on
          list.replaceChildren.apply(list, data.suggestions.map(function (text) {
            var option = document.createElement("option");
            option.value = text;
            return option;
          }));
        }, function () {});
      }, 150);
    });
  });
  // 语音播报: the server's MP3 when the page has one, else the reader's own device
  // reads the article (speechSynthesis, a Chinese voice when it has one), sentence by
  // sentence: some engines stop a long utterance after a few seconds.
  document.querySelectorAll("[data-read-aloud]").forEach(function (box) {
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    var audio = box.querySelector("audio");
    var synth = window.speechSynthesis;
    if (!audio && !synth) {
      button.disabled = true;
      status.textContent = "本浏览器不能朗读。";
      return;
    }
    function playing(on, text) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = button.getAttribute(on ? "data-label-stop" : "data-label-play");
      status.textContent = text;
    }
    if (audio) {
      audio.addEventListener("ended", function () { playing(false, "朗读完毕。"); });
      button.addEventListener("click", function () {
        if (audio.paused) {
          audio.play().then(function () { playing(true, "正在朗读……"); }, function () {
            playing(false, "无法播放语音文件。");
          });
        } else {
          audio.pause();
          audio.currentTime = 0;
          playing(false, "已停止。");
        }
      });
      return;
    }
    function chineseVoice() {
      return synth.getVoices().filter(function (voice) { return /^(zh|cmn)/i.test(voice.lang); })[0];
    }
    button.addEventListener("click", function () {
      if (synth.speaking) {
        synth.cancel();
        playing(false, "已停止。");
        return;
      }
      var article = document.querySelector(box.getAttribute("data-read-aloud"));
      var text = article ? article.querySelector("h1").textContent + "。" +
        Array.prototype.map.call(article.querySelectorAll(".article-summary, .article-body p, .article-body blockquote"),
          function (node) { return node.textContent; }).join("\n") : "";
      var sentences = text.split(/(?<=[。！？!?\n])/).filter(function (part) { return part.trim(); });
      var voice = chineseVoice();
      sentences.forEach(function (sentence, index) {
        var utterance = new SpeechSynthesisUtterance(sentence);
        utterance.lang = "zh-CN";
        if (voice) utterance.voice = voice;
        if (index === sentences.length - 1) {
          utterance.onend = function () { playing(false, "朗读完毕。"); };
        }
        synth.speak(utterance);
      });
      playing(true, voice ? "正在朗读……" : "正在朗读（本设备可能没有中文语音）……");
    });
  });
})();
