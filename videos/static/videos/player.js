// Self-hosted videos: HLS through the vendored hls.js where the browser has Media
// Source Extensions, the browser's own HLS (iPhone), else the MP4 in <source>.
// With data-progress (网上课堂) the page tells the server where playback started and
// where it got to, every few seconds and on pause/end; the server decides what
// counts (skipping ahead does not) and answers with the member's mark.
(function () {
  function attach(video) {
    var hls = video.dataset.hls;
    if (!hls) return;
    // hls.js first where Media Source Extensions exist (its documented order: the
    // same bitrate switching everywhere), the browser's own HLS on iPhones
    if (window.Hls && window.Hls.isSupported()) {
      var player = new window.Hls({enableWorker: false, capLevelToPlayerSize: true});
      player.loadSource(hls);
      player.attachMedia(video);
    } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = hls;
    }
  }

  function track(video) {
    var url = video.dataset.progress;
    if (!url || !window.fetch) return;
    var status = document.querySelector("[data-lesson-status]");
    var from = video.currentTime;
    var last = 0;
    var done = false;
    // one report at a time, in order: the answer that says the lesson was learnt (and
    // what it earned) is the first to come back, never overtaken by a later one
    var chain = Promise.resolve();
    function send(body) {
      return fetch(url, {method: "POST", credentials: "same-origin", body: body,
                         headers: {"X-CSRFToken": video.dataset.csrf}})
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (!status || done) return;
          if (data.error) {
            status.textContent = data.error;
          } else if (data.completed) {
            done = true;
            status.textContent = "✓ 本课时已学完" + (data.points ? "，获得学习积分 " + data.points + " 分" : "");
          } else {
            status.textContent = "已学习到 " + Math.floor(data.watched / 60) + " 分 " +
              Math.floor(data.watched % 60) + " 秒（不能快进跳过）";
          }
        })
        .catch(function () {});
    }
    function report() {
      if (done) return;
      var body = new URLSearchParams({start: from.toFixed(2), position: video.currentTime.toFixed(2)});
      from = video.currentTime;
      chain = chain.then(function () { return send(body); });
    }
    // a seek starts a new stretch: what it skipped is not watched
    video.addEventListener("seeking", function () { from = video.currentTime; });
    video.addEventListener("timeupdate", function () {
      var now = Date.now();
      if (!video.paused && now - last > 5000) { last = now; report(); }
    });
    video.addEventListener("pause", report);
    video.addEventListener("ended", report);
  }

  // a page with several video blocks loads this file once per block
  document.querySelectorAll("video[data-hls]:not([data-attached])").forEach(function (video) {
    video.dataset.attached = "1";
    attach(video);
    track(video);
  });
})();
