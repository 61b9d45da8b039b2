import CCurl
public enum TaroNetVersion { public static let string = "0.1.0"
 static func probe() { let h = curl_easy_init(); _ = taro_easy_setopt_long(h, CURLOPT_NOSIGNAL, 1); _ = taro_easy_setopt_string(h, CURLOPT_PROTOCOLS_STR, "http,https"); curl_easy_cleanup(h) } }
