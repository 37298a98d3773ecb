package com.helpboard.share;

/**
 * Every word and number a poster draws, already in the reader's language: equal texts
 * draw equal posters, so it is also the poster's cache key.
 */
record PosterText(String board, String tagline, String platform, boolean temu, String campaign, String title,
		int confirmed, int needed, String progress, String remaining, String ends, String byline, String scan,
		String url) {

}
