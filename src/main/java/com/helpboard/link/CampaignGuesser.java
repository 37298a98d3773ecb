package com.helpboard.link;

import java.util.Locale;

/**
 * Guesses the campaign from keywords in the text and the URL path; {@code null} when
 * unsure. Order matters: the most specific signals are checked first.
 */
final class CampaignGuesser {

	private CampaignGuesser() {
	}

	static String guess(Platform platform, String text, CanonicalUrl url) {
		String words = text.toLowerCase(Locale.ROOT);
		String path = (url != null) ? url.path().toLowerCase(Locale.ROOT) : "";
		return (platform == Platform.TEMU) ? temu(words, path) : pinduoduo(words, path, url);
	}

	private static String temu(String words, String path) {
		if (has(words, "fishland") || has(path, "fishland")) {
			return "temu-fishland";
		}
		if (has(words, "farmland") || has(path, "farmland")) {
			return "temu-farmland";
		}
		if (has(words, "free gift", "free-gift", "freegift", "免费礼物") || has(path, "free-gift", "free_gift")) {
			return "temu-free-gift";
		}
		if (path.startsWith("/a/")) {
			return "temu-invite";
		}
		return null;
	}

	private static String pinduoduo(String words, String path, CanonicalUrl url) {
		if ((url != null && url.param("group_order_id") != null) || has(path, "pincard")) {
			return "pdd-group-buy";
		}
		if (has(words, "果园", "浇水") || has(path, "orchard")) {
			return "pdd-orchard";
		}
		if (has(words, "现金大转盘", "天天领现金", "转盘") || has(path, "turntable", "wheel")) {
			return "pdd-cash-wheel";
		}
		if (has(words, "砍价", "砍一刀", "免费拿") || has(path, "bargain")) {
			return "pdd-bargain";
		}
		if (has(words, "提现")) {
			return "pdd-cash-wheel";
		}
		if (has(words, "免单") || has(path, "free_order", "freeorder")) {
			return "pdd-free-order";
		}
		if (has(words, "签到") || has(path, "checkin", "check_in", "sign_in", "signin")) {
			return "pdd-checkin";
		}
		if (has(words, "新人") || has(path, "new_user", "newuser")) {
			return "pdd-new-user";
		}
		if (has(words, "拼团", "pincard")) {
			return "pdd-group-buy";
		}
		return null;
	}

	private static boolean has(String haystack, String... needles) {
		for (String needle : needles) {
			if (haystack.contains(needle)) {
				return true;
			}
		}
		return false;
	}

}
