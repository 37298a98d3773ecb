package com.helpboard.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plain rows for tests that build their data in SQL (many rows, or on H2): a member and a
 * group, with nothing else the app would add. SQL both PostgreSQL and H2 accept.
 */
public final class Rows {

	private Rows() {
	}

	/** A member named {@code name} (also their key), with a password nobody can use. */
	public static long member(JdbcTemplate jdbc, String name) {
		jdbc.update("insert into members (username, username_key, password_hash, created_at)"
				+ " values (?, ?, '{noop}x', current_timestamp)", name, name);
		return jdbc.queryForObject("select id from members where username_key = ?", Long.class, name);
	}

	/** A public group with the defaults of its table. */
	public static long group(JdbcTemplate jdbc, String slug) {
		jdbc.update("insert into topic_groups (slug, name_zh, name_en, created_at) values (?, ?, ?, current_timestamp)",
				slug, slug, slug);
		return jdbc.queryForObject("select id from topic_groups where slug = ?", Long.class, slug);
	}

}
