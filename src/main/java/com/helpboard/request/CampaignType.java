package com.helpboard.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "campaign_types")
class CampaignType {

	@Id
	private String code;

	private String platform;

	private String nameZh;

	private String nameEn;

	@Column(columnDefinition = "varchar(16)")
	private String ttlMode;

	private int defaultTtlHours;

	private int maxTtlHours;

	private int helperDailyCap;

	private boolean newUserOnly;

	private String region;

	private int sortOrder;

	private int defaultHelps;

	protected CampaignType() {
	}

	void update(String nameZh, String nameEn, String ttlMode, int defaultTtlHours, int maxTtlHours, int helperDailyCap,
			boolean newUserOnly) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.ttlMode = ttlMode;
		this.defaultTtlHours = defaultTtlHours;
		this.maxTtlHours = maxTtlHours;
		this.helperDailyCap = helperDailyCap;
		this.newUserOnly = newUserOnly;
	}

	void changeDefaultHelps(int defaultHelps) {
		this.defaultHelps = defaultHelps;
	}

	String getCode() {
		return this.code;
	}

	String getPlatform() {
		return this.platform;
	}

	String getNameZh() {
		return this.nameZh;
	}

	String getNameEn() {
		return this.nameEn;
	}

	String getTtlMode() {
		return this.ttlMode;
	}

	int getDefaultTtlHours() {
		return this.defaultTtlHours;
	}

	int getMaxTtlHours() {
		return this.maxTtlHours;
	}

	int getHelperDailyCap() {
		return this.helperDailyCap;
	}

	boolean isNewUserOnly() {
		return this.newUserOnly;
	}

	String getRegion() {
		return this.region;
	}

	int getDefaultHelps() {
		return this.defaultHelps;
	}

	int getSortOrder() {
		return this.sortOrder;
	}

}
