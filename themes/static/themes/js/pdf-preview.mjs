// 资料中心: a PDF shown in the page with the vendored pdf.js, a few pages at a time,
// each drawn into a canvas as wide as the column (sharp on phones' dense screens).
// The fetch carries ?preview=1, so previews are not counted as downloads.
const box = document.querySelector("[data-pdf]");
const STEP = 3;

async function preview() {
  const status = box.querySelector("[data-pdf-status]");
  try {
    const pdfjs = await import(box.dataset.lib);
    pdfjs.GlobalWorkerOptions.workerSrc = box.dataset.worker;
    const pdf = await pdfjs.getDocument({
      url: box.dataset.pdf, cMapUrl: box.dataset.cmaps, cMapPacked: true,
      isEvalSupported: false, disableRange: true, disableStream: true,
    }).promise;
    let shown = 0;
    const more = document.createElement("button");
    more.type = "button";
    more.className = "pdf-more";
    async function next() {
      more.disabled = true;
      const last = Math.min(shown + STEP, pdf.numPages);
      for (let n = shown + 1; n <= last; n += 1) {
        const page = await pdf.getPage(n);
        const width = box.clientWidth || 320;
        const scale = width / page.getViewport({scale: 1}).width;
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({scale: scale * ratio});
        const canvas = document.createElement("canvas");
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = "100%";
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", `第 ${n} 页`);
        box.insertBefore(canvas, more.isConnected ? more : null);
        await page.render({canvasContext: canvas.getContext("2d"), viewport}).promise;
      }
      shown = last;
      status.textContent = `预览：第 1–${shown} 页，共 ${pdf.numPages} 页`;
      more.disabled = false;
      if (shown < pdf.numPages) {
        more.textContent = "显示后面几页";
        if (!more.isConnected) box.appendChild(more);
      } else if (more.isConnected) {
        more.remove();
      }
    }
    more.addEventListener("click", next);
    await next();
  } catch (error) {
    status.textContent = "无法预览该文件，请下载后查看。";
  }
}

if (box) preview();
