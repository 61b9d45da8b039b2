// Typed wrappers for libcurl's variadic calls, which Swift cannot call
// directly. Each wrapper fixes the type of the trailing argument.
#ifndef TARO_CCURL_SHIM_H
#define TARO_CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*taro_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*taro_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                      curl_off_t ultotal, curl_off_t ulnow);
typedef int (*taro_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);
typedef int (*taro_sockopt_callback)(void *userdata, curl_socket_t fd, curlsocktype purpose);

static inline CURLcode taro_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode taro_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode taro_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode taro_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode taro_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode taro_easy_setopt_mime(CURL *h, curl_mime *v) { return curl_easy_setopt(h, CURLOPT_MIMEPOST, v); }
static inline CURLcode taro_easy_setopt_data_callback(CURL *h, CURLoption o, taro_data_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode taro_easy_setopt_sockopt_callback(CURL *h, taro_sockopt_callback v) { return curl_easy_setopt(h, CURLOPT_SOCKOPTFUNCTION, v); }
static inline CURLcode taro_easy_setopt_debug(CURL *h, taro_debug_callback v) { return curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, v); }
static inline CURLcode taro_easy_setopt_xferinfo(CURL *h, taro_xferinfo_callback v) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, v); }

static inline CURLcode taro_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode taro_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode taro_easy_getinfo_socket(CURL *h, CURLINFO i, curl_socket_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode taro_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode taro_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode taro_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

// A share handle: which caches its easy handles have in common.
static inline CURLSHcode taro_share_add(CURLSH *s, curl_lock_data d) { return curl_share_setopt(s, CURLSHOPT_SHARE, d); }
static inline CURLcode taro_easy_setopt_share(CURL *h, CURLSH *s) { return curl_easy_setopt(h, CURLOPT_SHARE, s); }

// CURLMsg keeps its result in a union; Swift sees unions awkwardly.
static inline CURLcode taro_msg_result(const CURLMsg *msg) { return msg->data.result; }

// curl_easy_pause's bitmask constants are macros built from other macros.
static inline long taro_pause_all(void) { return CURLPAUSE_ALL; }
static inline long taro_pause_cont(void) { return CURLPAUSE_CONT; }
static inline size_t taro_writefunc_pause(void) { return CURL_WRITEFUNC_PAUSE; }
static inline size_t taro_readfunc_abort(void) { return CURL_READFUNC_ABORT; }
static inline size_t taro_readfunc_pause(void) { return CURL_READFUNC_PAUSE; }

#endif
