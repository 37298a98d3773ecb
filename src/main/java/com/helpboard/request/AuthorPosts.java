package com.helpboard.request;

/**
 * A member's requests in a group, counted in one statement for the posting limits.
 *
 * @param open the requests still open now (the open-request limit)
 * @param posted all they ever posted there (the free posts of the posting rule)
 */
record AuthorPosts(long open, long posted) {

}
