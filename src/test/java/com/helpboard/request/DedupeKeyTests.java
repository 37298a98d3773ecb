package com.helpboard.request;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DedupeKeyTests {

	@Test
	void aGoodsIsToldApartByCampaign() {
		DedupeKey bargain = DedupeKey.of("goods_id=123", "pdd-bargain");
		DedupeKey group = DedupeKey.of("goods_id=123", "pdd-group");
		assertThat(bargain.value()).isEqualTo("goods_id=123|pdd-bargain");
		assertThat(bargain).isNotEqualTo(group);
		assertThat(bargain).isEqualTo(DedupeKey.of("goods_id=123", "pdd-bargain"));
	}

	@Test
	void otherKeysAreTheSameInEveryCampaign() {
		DedupeKey key = DedupeKey.of("group_order_id=77", "pdd-group");
		assertThat(key.value()).isEqualTo("group_order_id=77");
		assertThat(key).isEqualTo(DedupeKey.of("group_order_id=77", "other"));
	}

	@Test
	void aLongKeyIsStoredAsItsSha256() {
		String longKey = "token=" + "x".repeat(300);
		DedupeKey key = DedupeKey.of(longKey, "other");
		assertThat(key.value()).startsWith("sha256:").hasSize("sha256:".length() + 64);
		assertThat(key).isEqualTo(DedupeKey.of(longKey, "pdd-bargain"));
		assertThat(key).isNotEqualTo(DedupeKey.of(longKey + "y", "other"));
	}

	@Test
	void theCampaignSuffixCountsTowardsTheLength() {
		String goods = "goods_id=" + "1".repeat(DedupeKey.MAX_LENGTH - "goods_id=".length());
		assertThat(goods).hasSize(DedupeKey.MAX_LENGTH);
		assertThat(DedupeKey.of(goods, "pdd-bargain").value()).startsWith("sha256:");
		String atLimit = "token=" + "a".repeat(DedupeKey.MAX_LENGTH - "token=".length());
		assertThat(DedupeKey.of(atLimit, "other").value()).isEqualTo(atLimit);
	}

	@Test
	void aKeyIsNeitherBlankNorTooLong() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DedupeKey(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> new DedupeKey("k".repeat(DedupeKey.MAX_LENGTH + 1)));
	}

}
