// ODP1-HMAC-SHA256 签名示例（Node.js 18+，在服务器端运行，AppSecret 不要放进浏览器）。
// 用签名规范中的测试向量计算签名，输出应为 /VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE=
import { createHash, createHmac } from "node:crypto";

// RFC 3986：只保留 A-Z a-z 0-9 - _ . ~，其余按 UTF-8 编码为大写 %XX
const enc = s => encodeURIComponent(s).replace(/[!'()*]/g, c => "%" + c.charCodeAt(0).toString(16).toUpperCase());

function canonicalQuery(query) {
  const pairs = query.split("&").filter(Boolean).map(part => {
    const i = part.indexOf("=");
    const [name, value] = i < 0 ? [part, ""] : [part.slice(0, i), part.slice(i + 1)];
    return [enc(decodeURIComponent(name)), enc(decodeURIComponent(value))];
  });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join("&");
}

export function sign({ method, host, path, query, appKey, appSecret, timestamp, nonce, body }) {
  const bodySha = createHash("sha256").update(body, "utf8").digest("hex");
  const canonicalPath = path.split("/").map(seg => enc(decodeURIComponent(seg))).join("/");
  const stringToSign = ["ODP1-HMAC-SHA256", method.toUpperCase(), host.toLowerCase(), canonicalPath,
    canonicalQuery(query), appKey, timestamp, nonce, bodySha].join("\n");
  const signature = createHmac("sha256", appSecret).update(stringToSign, "utf8").digest("base64");
  return { stringToSign, headers: {
    "X-ODP-AppKey": appKey, "X-ODP-Timestamp": timestamp, "X-ODP-Nonce": nonce, "X-ODP-Content-SHA256": bodySha,
    "X-ODP-Signature-Method": "HMAC-SHA256", "X-ODP-Signature": signature } };
}

const { stringToSign, headers } = sign({
  method: "POST", host: "data.example.gov.cn", path: "/api/v1/datasets/ds_001/query", query: "pageSize=20&page=1",
  appKey: "204512345678", appSecret: "Y2hhbmdlLW1lLXRoaXMtaXMtYS0zMi1ieXRlLXNlY3JldCE",
  timestamp: "1767225600000", nonce: "9f1c2d3e4a5b6c7d8e9fa0b1c2d3e4f5",
  body: '{"filters":[{"field":"region","op":"eq","value":"杭州"}]}',
});
console.log(stringToSign);
console.log("X-ODP-Signature:", headers["X-ODP-Signature"]);
