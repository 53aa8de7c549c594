#!/usr/bin/env bash
# ODP1-HMAC-SHA256 签名示例（bash + openssl + curl）。用签名规范中的测试向量计算签名，
# 输出应为 /VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE=
# 路径和查询串已按规范编码、排序（page 排在 pageSize 之前）；实际调用时换成你的 AppKey、AppSecret、
# 当前时间 $(date +%s%3N) 和随机数 $(openssl rand -hex 16)。
set -euo pipefail
APP_KEY='204512345678'
APP_SECRET='Y2hhbmdlLW1lLXRoaXMtaXMtYS0zMi1ieXRlLXNlY3JldCE'
HOST='data.example.gov.cn'
CANONICAL_PATH='/api/v1/datasets/ds_001/query'
CANONICAL_QUERY='page=1&pageSize=20'
TIMESTAMP='1767225600000'
NONCE='9f1c2d3e4a5b6c7d8e9fa0b1c2d3e4f5'
BODY='{"filters":[{"field":"region","op":"eq","value":"杭州"}]}'

BODY_SHA=$(printf '%s' "$BODY" | openssl dgst -sha256 -hex | sed 's/^.* //')
STRING_TO_SIGN=$(printf 'ODP1-HMAC-SHA256\nPOST\n%s\n%s\n%s\n%s\n%s\n%s\n%s' \
  "$HOST" "$CANONICAL_PATH" "$CANONICAL_QUERY" "$APP_KEY" "$TIMESTAMP" "$NONCE" "$BODY_SHA")
SIGNATURE=$(printf '%s' "$STRING_TO_SIGN" | openssl dgst -sha256 -hmac "$APP_SECRET" -binary | base64)
printf '%s\n' "$STRING_TO_SIGN"
echo "X-ODP-Signature: $SIGNATURE"

# 发送请求（把 ODP_SEND 设为 1 时执行；测试向量的地址只是示例）
if [ "${ODP_SEND:-0}" = 1 ]; then
  curl -sS -X POST "https://$HOST$CANONICAL_PATH?$CANONICAL_QUERY" \
    -H "Content-Type: application/json" -H "X-ODP-AppKey: $APP_KEY" -H "X-ODP-Timestamp: $TIMESTAMP" \
    -H "X-ODP-Nonce: $NONCE" -H "X-ODP-Content-SHA256: $BODY_SHA" -H "X-ODP-Signature-Method: HMAC-SHA256" \
    -H "X-ODP-Signature: $SIGNATURE" --data-binary "$BODY"
fi
