// Live preview of the article editor: the server renders and sanitizes the Markdown (the same SafeMarkdown the
// article page uses), so the preview never runs anything the published page would not.
const body = document.getElementById("n-body");
const preview = document.getElementById("news-preview");
const token = document.querySelector(".news-editor input[name='__RequestVerificationToken']");
let timer = 0, seq = 0;

async function render() {
    const mine = ++seq;
    const res = await fetch("/api/v1/admin/news/preview", {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(token ? { "RequestVerificationToken": token.value } : {}) },
        body: JSON.stringify({ body: body.value }),
        credentials: "same-origin",
    });
    if (!res.ok || mine !== seq) return;
    // Sanitized server-side by HtmlSanitizer (allow-list); inserting it is what the article page does too.
    preview.innerHTML = (await res.json()).html;
}

if (body && preview) {
    body.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(render, 300); });
}
