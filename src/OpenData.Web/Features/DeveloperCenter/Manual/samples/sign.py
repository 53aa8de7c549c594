# ODP1-HMAC-SHA256 签名示例（Python 3，仅用标准库）。用签名规范中的测试向量计算签名，
# 输出应为 /VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE=
import base64, hashlib, hmac
from urllib.parse import quote, unquote

def enc(s):
    return quote(s, safe="-_.~")  # RFC 3986：只保留 A-Z a-z 0-9 - _ . ~

def canonical_query(query):
    pairs = []
    for part in filter(None, query.split("&")):
        name, _, value = part.partition("=")
        pairs.append((enc(unquote(name)), enc(unquote(value))))
    return "&".join(f"{n}={v}" for n, v in sorted(pairs))

def sign(method, host, path, query, app_key, app_secret, timestamp, nonce, body):
    body_sha = hashlib.sha256(body).hexdigest()
    canonical_path = "/".join(enc(unquote(seg)) for seg in path.split("/"))
    string_to_sign = "\n".join(["ODP1-HMAC-SHA256", method.upper(), host.lower(), canonical_path,
                                canonical_query(query), app_key, timestamp, nonce, body_sha])
    signature = base64.b64encode(hmac.new(app_secret.encode(), string_to_sign.encode(), hashlib.sha256).digest()).decode()
    return string_to_sign, {
        "X-ODP-AppKey": app_key, "X-ODP-Timestamp": timestamp, "X-ODP-Nonce": nonce,
        "X-ODP-Content-SHA256": body_sha, "X-ODP-Signature-Method": "HMAC-SHA256", "X-ODP-Signature": signature}

body = '{"filters":[{"field":"region","op":"eq","value":"杭州"}]}'.encode("utf-8")
string_to_sign, headers = sign("POST", "data.example.gov.cn", "/api/v1/datasets/ds_001/query", "pageSize=20&page=1",
                               "204512345678", "Y2hhbmdlLW1lLXRoaXMtaXMtYS0zMi1ieXRlLXNlY3JldCE",
                               "1767225600000", "9f1c2d3e4a5b6c7d8e9fa0b1c2d3e4f5", body)
print(string_to_sign)
print("X-ODP-Signature:", headers["X-ODP-Signature"])
