package com.helpboard.group;

import java.security.SecureRandom;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "topic_groups")
class TopicGroup {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String nameZh;

	private String nameEn;

	private String descriptionZh;

	private String descriptionEn;

	private String rulesZh;

	private String rulesEn;

	@Enumerated(EnumType.STRING)
	@Column(columnDefinition = "varchar(16)")
	private Visibility visibility;

	private String inviteCode;

	private Long ownerId;

	private String defaultCampaign;

	private int maxOpenPerMember;

	private int freePosts;

	private int helpsToPost;

	private int helpWindowHours;

	private int boostSlots;

	private int boostPricePerHour;

	private String boostHourChoices;

	private int reportThreshold;

	private Instant createdAt;

	protected TopicGroup() {
	}

	TopicGroup(String slug, String name, String description, String rules, Visibility visibility, Long ownerId,
			String defaultCampaign, Instant createdAt) {
		this.slug = slug;
		this.nameZh = name;
		this.nameEn = name;
		this.descriptionZh = description;
		this.descriptionEn = description;
		this.rulesZh = rules;
		this.rulesEn = rules;
		this.visibility = visibility;
		this.ownerId = ownerId;
		this.defaultCampaign = defaultCampaign;
		this.maxOpenPerMember = 3;
		this.freePosts = 3;
		this.helpsToPost = 1;
		this.helpWindowHours = 48;
		this.boostSlots = 3;
		this.boostPricePerHour = 2;
		this.boostHourChoices = "1,3,6,12,24";
		this.reportThreshold = 3;
		this.createdAt = createdAt;
		if (visibility == Visibility.PRIVATE) {
			rotateInviteCode();
		}
	}

	String rotateInviteCode() {
		StringBuilder code = new StringBuilder(10);
		for (int i = 0; i < 10; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		this.inviteCode = code.toString();
		return this.inviteCode;
	}

	boolean admits(String code) {
		return this.visibility == Visibility.PUBLIC
				|| (code != null && this.inviteCode != null && this.inviteCode.equalsIgnoreCase(code.strip()));
	}

	void updatePostingRule(int freePosts, int helpsToPost, int helpWindowHours) {
		this.freePosts = freePosts;
		this.helpsToPost = helpsToPost;
		this.helpWindowHours = helpWindowHours;
	}

	void updateRules(String description, String rules, int maxOpenPerMember) {
		this.descriptionZh = description;
		this.descriptionEn = description;
		this.rulesZh = rules;
		this.rulesEn = rules;
		this.maxOpenPerMember = maxOpenPerMember;
	}

	void updateReportThreshold(int threshold) {
		this.reportThreshold = threshold;
	}

	int getReportThreshold() {
		return this.reportThreshold;
	}

	Long getId() {
		return this.id;
	}

	String getSlug() {
		return this.slug;
	}

	String getNameZh() {
		return this.nameZh;
	}

	String getNameEn() {
		return this.nameEn;
	}

	String getDescriptionZh() {
		return this.descriptionZh;
	}

	String getDescriptionEn() {
		return this.descriptionEn;
	}

	String getRulesZh() {
		return this.rulesZh;
	}

	String getRulesEn() {
		return this.rulesEn;
	}

	Visibility getVisibility() {
		return this.visibility;
	}

	String getInviteCode() {
		return this.inviteCode;
	}

	Long getOwnerId() {
		return this.ownerId;
	}

	String getDefaultCampaign() {
		return this.defaultCampaign;
	}

	int getMaxOpenPerMember() {
		return this.maxOpenPerMember;
	}

	int getFreePosts() {
		return this.freePosts;
	}

	int getHelpsToPost() {
		return this.helpsToPost;
	}

	int getHelpWindowHours() {
		return this.helpWindowHours;
	}

	int getBoostSlots() {
		return this.boostSlots;
	}

	int getBoostPricePerHour() {
		return this.boostPricePerHour;
	}

	String getBoostHourChoices() {
		return this.boostHourChoices;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
