package com.helpboard.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.helpboard.link.Platform;
import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.LocalizedText;
import com.helpboard.system.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The campaign rules table. Read on every feed and post, so kept in memory for a short
 * while; an edit on this instance is seen at once, on others within the refresh time.
 */
@Service
@Validated
public class Campaigns {

	private static final Duration REFRESH = Duration.ofSeconds(30);

	private final CampaignRepository repository;

	private final Clock clock;

	/** The campaigns in their order, and by code: replaced together. */
	private record Loaded(List<Campaign> all, Map<String, Campaign> byCode) {
	}

	private volatile Loaded cached;

	private volatile Instant cachedAt = Instant.EPOCH;

	Campaigns(CampaignRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	// no transaction of its own: when cached (nearly always) it touches no connection
	public List<Campaign> all() {
		return loaded().all();
	}

	/** The campaigns by code, in their order. */
	public Map<String, Campaign> byCode() {
		return loaded().byCode();
	}

	private Loaded loaded() {
		Loaded current = this.cached;
		if (current == null || this.cachedAt.plus(REFRESH).isBefore(this.clock.instant())) {
			List<Campaign> all = this.repository.findAllByOrderBySortOrderAsc()
				.stream()
				.map(Campaigns::campaign)
				.toList();
			Map<String, Campaign> byCode = new LinkedHashMap<>();
			all.forEach((campaign) -> byCode.put(campaign.code(), campaign));
			current = new Loaded(all, Collections.unmodifiableMap(byCode));
			this.cached = current;
			this.cachedAt = this.clock.instant();
		}
		return current;
	}

	public Optional<Campaign> find(String code) {
		return Optional.ofNullable(byCode().get(code));
	}

	public Campaign get(String code) {
		return find(code).orElseThrow(() -> HelpBoardException.notFound("campaign.not-found"));
	}

	public List<Campaign> forPlatform(Platform platform) {
		return all().stream().filter((campaign) -> campaign.platform() == platform).toList();
	}

	/**
	 * An admin's edit of a campaign's rules. That the default expiry is at most the
	 * maximum is checked by {@link #update}.
	 */
	public record CampaignEdit(
			@NotBlank(message = "{campaign.name.invalid}") @Size(max = 64,
					message = "{campaign.name.invalid}") @PlainText String nameZh,
			@NotBlank(message = "{campaign.name.invalid}") @Size(max = 64,
					message = "{campaign.name.invalid}") @PlainText String nameEn,
			@NotNull(message = "{NotNull}") Campaign.TtlMode ttlMode,
			@Min(value = 1, message = "{campaign.ttl.invalid}") int defaultTtlHours,
			@Range(min = 1, max = 168, message = "{campaign.ttl.invalid}") int maxTtlHours,
			@Range(min = 1, max = 1000, message = "{campaign.cap.invalid}") int helperDailyCap, boolean newUserOnly,
			@Range(min = 1, max = Requests.MAX_HELPS,
					message = "{request.helps.invalid}") @Nullable Integer defaultHelps) {

		/** An edit that leaves the usual number of helps as it is. */
		public CampaignEdit(String nameZh, String nameEn, Campaign.TtlMode ttlMode, int defaultTtlHours,
				int maxTtlHours, int helperDailyCap, boolean newUserOnly) {
			this(nameZh, nameEn, ttlMode, defaultTtlHours, maxTtlHours, helperDailyCap, newUserOnly, null);
		}

	}

	@Transactional
	public void update(String code, @Valid CampaignEdit edit) {
		CampaignType type = this.repository.findById(code)
			.orElseThrow(() -> HelpBoardException.notFound("campaign.not-found"));
		if (edit.defaultTtlHours() > edit.maxTtlHours()) {
			throw new FieldRejection("defaultTtlHours", "campaign.ttl.invalid");
		}
		type.update(edit.nameZh().strip(), edit.nameEn().strip(), edit.ttlMode().name(), edit.defaultTtlHours(),
				edit.maxTtlHours(), edit.helperDailyCap(), edit.newUserOnly());
		if (edit.defaultHelps() != null) {
			type.changeDefaultHelps(edit.defaultHelps());
		}
		this.cached = null;
	}

	private static Campaign campaign(CampaignType type) {
		return new Campaign(type.getCode(), Platform.valueOf(type.getPlatform()),
				new LocalizedText(type.getNameZh(), type.getNameEn()), Campaign.TtlMode.valueOf(type.getTtlMode()),
				type.getDefaultTtlHours(), type.getMaxTtlHours(), type.getHelperDailyCap(), type.isNewUserOnly(),
				type.getRegion(), type.getDefaultHelps());
	}

}
