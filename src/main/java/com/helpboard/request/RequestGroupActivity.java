package com.helpboard.request;

import java.util.Map;

import com.helpboard.group.GroupActivity;

import org.springframework.stereotype.Component;

@Component
class RequestGroupActivity implements GroupActivity {

	private final Requests requests;

	RequestGroupActivity(Requests requests) {
		this.requests = requests;
	}

	@Override
	public Map<Long, Long> openRequestsByGroup() {
		return this.requests.openRequestsByGroup();
	}

	@Override
	public long openRequestsIn(long groupId) {
		return this.requests.openRequestsIn(groupId);
	}

}
