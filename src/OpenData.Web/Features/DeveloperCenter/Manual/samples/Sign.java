// ODP1-HMAC-SHA256 签名示例（Java 11+，运行：java Sign.java）。
// 用签名规范中的测试向量计算签名，输出应为 /VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE=
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.*;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Sign {
    // RFC 3986：只保留 A-Z a-z 0-9 - _ . ~，其余按 UTF-8 编码为大写 %XX
    static String enc(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) sb.append(c);
            else sb.append(String.format("%%%02X", b & 0xFF));
        }
        return sb.toString();
    }

    static String dec(String s) { return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); }

    static String canonicalQuery(String query) {
        List<String[]> pairs = new ArrayList<>();
        for (String part : query.split("&")) {
            if (part.isEmpty()) continue;
            int i = part.indexOf('=');
            pairs.add(new String[] { enc(dec(i < 0 ? part : part.substring(0, i))), enc(dec(i < 0 ? "" : part.substring(i + 1))) });
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    static String hex(byte[] bytes) { return HexFormat.of().formatHex(bytes); }

    public static void main(String[] args) throws Exception {
        String method = "POST", host = "data.example.gov.cn", path = "/api/v1/datasets/ds_001/query", query = "pageSize=20&page=1";
        String appKey = "204512345678", appSecret = "Y2hhbmdlLW1lLXRoaXMtaXMtYS0zMi1ieXRlLXNlY3JldCE";
        String timestamp = "1767225600000", nonce = "9f1c2d3e4a5b6c7d8e9fa0b1c2d3e4f5";
        byte[] body = "{\"filters\":[{\"field\":\"region\",\"op\":\"eq\",\"value\":\"杭州\"}]}".getBytes(StandardCharsets.UTF_8);

        String bodySha = hex(MessageDigest.getInstance("SHA-256").digest(body));
        String canonicalPath = Arrays.stream(path.split("/", -1)).map(seg -> enc(dec(seg))).collect(Collectors.joining("/"));
        String stringToSign = String.join("\n", "ODP1-HMAC-SHA256", method.toUpperCase(), host.toLowerCase(), canonicalPath,
            canonicalQuery(query), appKey, timestamp, nonce, bodySha);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        System.out.println(stringToSign);
        System.out.println("X-ODP-Signature: " + signature);
    }
}
