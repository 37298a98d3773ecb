package com.helpboard.group;

import java.util.Map;

import com.helpboard.account.ProfileFacts;

import org.springframework.stereotype.Component;

@Component
class GroupProfileFacts implements ProfileFacts {

	private final Groups groups;

	GroupProfileFacts(Groups groups) {
		this.groups = groups;
	}

	@Override
	public void contribute(long memberId, Map<String, Object> facts) {
		facts.put("groups", this.groups.groupsOf(memberId).stream().map(GroupView::slug).toList());
	}

}
