package com.helpboard.request;

import java.util.List;

import com.helpboard.account.Accounts;
import com.helpboard.account.MemberSummary;
import com.helpboard.group.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A few clearly marked sample requests so a newcomer trying the app sees a living board.
 * Only with {@code helpboard.sample-data=true} (the embedded default); posted again when
 * the earlier ones have expired.
 */
@Component
@ConditionalOnProperty(name = "helpboard.sample-data", havingValue = "true")
class SampleData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SampleData.class);

	static final String SAMPLE_USER = "示例用户";

	static final String SAMPLE_PASSWORD = "sample-password";

	private record Sample(String group, String input, int helps, String note) {
	}

	private static final List<Sample> SAMPLES = List.of(new Sample("kanjia",
			"【拼多多】帮我砍一刀，免费拿！ https://mobile.yangkeduo.com/goods.html?goods_id=100000001&refer_share_uid=1 复制此消息打开拼多多",
			5, "【示例 Sample】砍价免费拿"), new Sample("orchard", "T:/⇥Sample01⇤ 复制并打开拼多多APP【多多果园】", 3, "【示例 Sample】果园浇水"),
			new Sample("pintuan", "https://mobile.yangkeduo.com/pincard_ask.html?group_order_id=900000000001", 2,
					"【示例 Sample】拼团还差 2 人"),
			new Sample("temu-farm", "Join me on Temu Farmland and get free fruit! https://www.temu.com/a/SampleFarm01",
					4, "【示例 Sample】Temu Farmland"));

	private final Accounts accounts;

	private final Groups groups;

	private final Requests requests;

	SampleData(Accounts accounts, Groups groups, Requests requests) {
		this.accounts = accounts;
		this.groups = groups;
		this.requests = requests;
	}

	@Override
	public void run(ApplicationArguments args) {
		MemberSummary sample = this.accounts.findByUsername(SAMPLE_USER)
			.orElseGet(() -> this.accounts.register(SAMPLE_USER, SAMPLE_PASSWORD));
		for (Sample item : SAMPLES) {
			try {
				this.groups.join(item.group(), sample.id(), null);
				this.requests.post(sample.id(), item.group(),
						new NewRequest(item.input(), null, item.helps(), item.note(), null), null);
			}
			catch (RuntimeException ex) {
				// already there and still open (a duplicate),
				// or the group was removed: fine
				log.debug("Sample request in {} not posted: {}", item.group(), ex.getMessage());
			}
		}
	}

}
