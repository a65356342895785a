#ifndef DIPLOWATCH_CCURL_SHIM_H
#define DIPLOWATCH_CCURL_SHIM_H

#include <curl/curl.h>

/* Swift does not import C variadic functions: typed wrappers for the calls we use. */

static inline CURLcode dw_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode dw_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode dw_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode dw_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode dw_easy_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*dw_write_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode dw_easy_setopt_write(CURL *h, CURLoption o, dw_write_callback cb) { return curl_easy_setopt(h, o, cb); }

static inline CURLcode dw_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode dw_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode dw_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode dw_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode dw_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/* A copied blob (CURLOPT_CAINFO_BLOB): libcurl keeps its own copy. */
static inline CURLcode dw_easy_setopt_blob(CURL *h, CURLoption o, const void *data, size_t len) {
    struct curl_blob blob = { (void *)data, len, CURL_BLOB_COPY };
    return curl_easy_setopt(h, o, &blob);
}

/* The CA bundle libcurl was built to use, or NULL. */
static inline const char *dw_curl_cainfo(void) {
    curl_version_info_data *d = curl_version_info(CURLVERSION_NOW);
    return d->age >= CURLVERSION_NINTH ? d->cainfo : NULL;
}

static inline const char *dw_curl_version(void) { return curl_version_info(CURLVERSION_NOW)->version; }

#endif
